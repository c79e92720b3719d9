#!/usr/bin/env node
// `webcare check` side by side with alex, the best-known prose linter, on the same short replies
// (issue 4: at least 20x faster), and a single `check --text` against a bare `node -e 0` (at most
// 1.5x). alex is installed on first use into bench/.alex (git-ignored), never into package.json;
// without a network the comparison is skipped, the rest still runs.
// Usage: npm run build && node bench/check.mjs [--replies 5000] [--runs 5] [--quick]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, againstNode, count, fixed, importCore, inTempDir, median, option, perSecond, row, runIfMain, skippedRow } from './lib.mjs';

const ALEX_DIR = join(ROOT, 'bench', '.alex');
const ALEX_BIN = join(ALEX_DIR, 'node_modules', 'alex', 'cli.js');

// Short replies, good and bad, in both languages; varied so nothing is cached by accident.
const NAMES = ['Marja', 'Dave', 'Kees', 'Priya', 'Sanne', 'Tom', 'Fatima', 'Liam', 'Anouk', 'Omar'];
const TEMPLATES = [
  (n) => `Hoi ${n}, sorry dat je pakket er nog niet is. Stuur je ons een DM met je ordernummer? Dan zoeken we het meteen uit. ^Sanne`,
  (n) => `Hoi ${n}, we hebben de dubbele afschrijving verwijderd; binnen twee werkdagen staat het geld terug. Groet, Jacob`,
  (n) => `Beste klant, ${n}, er wordt naar gekeken. Bel anders 0900-1234567.`,
  (n) => `Hoi ${n}, dat staat toch duidelijk op de site. Je had de voorwaarden moeten lezen!!`,
  (n) => `Hoi ${n}, we bellen je morgen tussen 10 en 12 uur over de storing. Past dat? ^Lotte`,
  (n) => `Hi ${n}, thanks for letting us know. Could you DM us your booking reference? We'll rebook you today. ^Jacob`,
  (n) => `Hi ${n}, that's a stupid question, the answer is on our website.`,
  (n) => `Dear customer, your case number is 55${n.length}812. We apologise for any inconvenience.`,
  (n) => `Hi ${n}, we've removed your comment. Our lawyers will be in touch.`,
  (n) => `Hi ${n}, sorry for the wait! Your refund went out this morning. ^Emma`,
];
export const replies = (total) =>
  Array.from({ length: total }, (_, i) => `${TEMPLATES[i % TEMPLATES.length](NAMES[i % NAMES.length])} #${i}`);

/** alex's cli.js, installed once; null with the reason when npm cannot fetch it. */
function alex() {
  if (existsSync(ALEX_BIN)) return { bin: ALEX_BIN };
  console.error('check: installing alex into bench/.alex (once) ...');
  try {
    execFileSync('npm', ['install', '--prefix', ALEX_DIR, '--no-save', '--no-audit', '--no-fund', 'alex'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 180_000,
    });
  } catch (error) {
    const said = String(error.stderr ?? error.message).trim().split('\n');
    const why = said.find((line) => /^npm (error|ERR!)/.test(line) && !/A complete log/.test(line)) ?? said.pop() ?? 'no output';
    return { error: `alex could not be installed, so there is nothing to compare with (${why.trim()})` };
  }
  return existsSync(ALEX_BIN) ? { bin: ALEX_BIN } : { error: 'alex could not be installed (no cli.js after npm install)' };
}

function medianMs(runs, args, env) {
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    result = spawnSync(process.execPath, args, { env, maxBuffer: 1 << 30 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.error) throw result.error;
  }
  return { ms: median(times), result };
}

export async function run({ quick = false, total = quick ? 1_000 : 5_000, runs = quick ? 3 : 5 } = {}) {
  return inTempDir(async (dir) => {
    const env = { ...process.env, WEBCARE_CONFIG_DIR: dir, NO_COLOR: '1' };
    const texts = replies(total);
    const jsonl = join(dir, 'replies.jsonl');
    const text = join(dir, 'replies.txt');
    writeFileSync(jsonl, `${texts.map((reply, id) => JSON.stringify({ id, text: reply })).join('\n')}\n`);
    writeFileSync(text, `${texts.join('\n\n')}\n`);
    console.error(`check: ${total} replies, median of ${runs} runs, node ${process.version}`);

    const ours = medianMs(runs, [BIN, 'check', '--jsonl', jsonl], env);
    const lines = ours.result.stdout.toString().trim().split('\n').length;
    if (lines !== total) throw new Error(`webcare printed ${lines} results for ${total} replies`);
    const rows = [row('check', `check --jsonl, ${count(total)} replies`, `${count((total / ours.ms) * 1000)} replies/s (${fixed(ours.ms, 0)} ms)`)];

    const linter = alex();
    if (linter.error) rows.push(skippedRow('check', 'alex / webcare (same replies)', linter.error));
    else {
      const theirs = medianMs(Math.min(runs, 3), [linter.bin, text], env);
      const warnings = (theirs.result.stderr.toString().match(/ warning /g) ?? []).length;
      console.error(`check: alex took ${fixed(theirs.ms, 0)} ms (${warnings} warnings), webcare ${fixed(ours.ms, 0)} ms`);
      const times = theirs.ms / ours.ms;
      rows.push(row('check', 'alex / webcare (same replies)', `${fixed(times, 2)}x (${fixed(theirs.ms, 0)} vs ${fixed(ours.ms, 0)} ms)`, '>= 20x', times >= 20));
    }

    const single = againstNode([BIN, 'check', '--text', texts[0]], Math.max(runs, quick ? 5 : 11), env);
    const ratio = single.ms / single.nodeMs;
    rows.push(row('check', 'check --text (one) / node -e 0', `${fixed(ratio, 2)}x (${fixed(single.ms)} vs ${fixed(single.nodeMs)} ms)`, '<= 1.5x', ratio <= 1.5));

    const { check } = await importCore('check', dir);
    const rate = perSecond((reply) => check(reply), texts);
    rows.push(row('check', 'check() in process', `${count(rate)} replies/s (${fixed(1e6 / rate)} µs each)`));
    return rows;
  });
}

await runIfMain(import.meta.url, run, (args, quick) => ({
  total: option(args, '--replies', quick ? 1_000 : 5_000),
  runs: option(args, '--runs', quick ? 3 : 5),
}));
