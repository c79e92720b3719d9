#!/usr/bin/env node
// Start-up against `node -e 0` on this machine: `webcare --version`, a whole `draft --yes`, and
// the time until `webcare draft` shows its first question in a real pseudo-terminal (issue 3:
// within 1.5x of node).
// Usage: npm run build && node bench/startup.mjs [--runs 15] [--quick]
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { BIN, againstNode, fixed, inTempDir, option, row, runIfMain, skippedRow } from './lib.mjs';

const FIRST_QUESTION = fileURLToPath(new URL('./first-question.py', import.meta.url));
const MESSAGE = 'Waar blijft mijn pakket? Al vijf dagen onderweg.';

/** Median ms until `marker` shows in a pseudo-terminal; Python's pty, as Node has none built in. */
function firstQuestionMs(runs, argv, env) {
  const result = spawnSync('python3', [FIRST_QUESTION, String(runs), ...argv], { encoding: 'utf8', env });
  if (result.error) return { error: `python3 not found (${result.error.code})` };
  if (result.status !== 0) return { error: result.stderr.trim() || `exit ${result.status}` };
  return { ms: Number(result.stdout.trim()) };
}

/**
 * The floor under the first question: a script that only shows an @inquirer input prompt,
 * bundled and minified as our build bundles it. Whatever webcare does before its first
 * question comes on top of this.
 */
async function promptOnlyScript(dir) {
  const entry = join(dir, 'prompt-only-entry.mjs');
  const outfile = join(dir, 'prompt-only.mjs');
  // The input prompt's own package: the bundle then holds only what that one prompt needs, as ours does.
  writeFileSync(entry, "import input from '@inquirer/input';\ninput({ message: \"Customer's name\" });\n");
  await build({
    entryPoints: [entry], outfile, bundle: true, format: 'esm', platform: 'node', minify: true, logLevel: 'warning',
    nodePaths: [join(fileURLToPath(new URL('..', import.meta.url)), 'node_modules')],
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  });
  return outfile;
}

const ratio = ({ ms, nodeMs }) => ms / nodeMs;
const figure = (m) => `${fixed(ratio(m), 2)}x (${fixed(m.ms)} vs ${fixed(m.nodeMs)} ms)`;

export async function run({ quick = false, runs = quick ? 5 : 15 } = {}) {
  return inTempDir(async (config) => {
    const env = { ...process.env, WEBCARE_CONFIG_DIR: config, NO_COLOR: '1' };
    console.error(`startup: median of ${runs} runs, node ${process.version}`);
    const version = againstNode([BIN, '--version'], runs, env);
    const draft = againstNode([BIN, 'draft', '--yes', '--text', MESSAGE], runs, env);
    const rows = [
      row('startup', 'webcare --version / node -e 0', figure(version), '<= 1.5x', ratio(version) <= 1.5),
      row('startup', 'draft --yes --text / node -e 0', figure(draft), '', null),
    ];
    const bare = firstQuestionMs(runs, [process.execPath, '-e', "console.log('Customer')"], env);
    const ours = bare.error ? bare : firstQuestionMs(runs, [process.execPath, BIN, 'draft', '--text', MESSAGE], env);
    if (ours.error) rows.push(skippedRow('startup', 'first question in a pty / node', ours.error));
    else {
      const m = { ms: ours.ms, nodeMs: bare.ms };
      rows.push(row('startup', 'first question in a pty / node', figure(m), '<= 1.5x', ratio(m) <= 1.5));
      const floor = firstQuestionMs(runs, [process.execPath, await promptOnlyScript(config)], env);
      if (!floor.error) rows.push(row('startup', 'an inquirer prompt alone in a pty / node', figure({ ms: floor.ms, nodeMs: bare.ms }), '', null));
    }
    return rows;
  });
}

await runIfMain(import.meta.url, run, (args, quick) => ({ runs: option(args, '--runs', quick ? 5 : 15) }));
