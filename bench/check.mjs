#!/usr/bin/env node
// Times `webcare check` side by side with alex, the best-known prose linter, on the same 5,000
// short replies, and a single `check --text` against a bare `node -e 0`.
// Usage: npm run build && node bench/check.mjs [--replies 5000] [--runs 5]
// alex is installed on first use into bench/.alex (git-ignored), never into package.json.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'webcare.js');
const ALEX_DIR = join(ROOT, 'bench', '.alex');
const ALEX_BIN = join(ALEX_DIR, 'node_modules', 'alex', 'cli.js');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const COUNT = arg('replies', 5000);
const RUNS = arg('runs', 5);

if (!existsSync(join(ROOT, 'dist', 'index.js'))) {
  console.error('Build first: npm run build');
  process.exit(2);
}

// Short replies, good and bad, in both languages; varied so nothing is cached by accident.
const NAMES = ['Marja', 'Dave', 'Kees', 'Priya', 'Sanne', 'Tom', 'Fatima', 'Liam', 'Anouk', 'Omar'];
const NL = [
  (n) => `Hoi ${n}, sorry dat je pakket er nog niet is. Stuur je ons een DM met je ordernummer? Dan zoeken we het meteen uit. ^Sanne`,
  (n) => `Hoi ${n}, we hebben de dubbele afschrijving verwijderd; binnen twee werkdagen staat het geld terug. Groet, Jacob`,
  (n) => `Beste klant, ${n}, er wordt naar gekeken. Bel anders 0900-1234567.`,
  (n) => `Hoi ${n}, dat staat toch duidelijk op de site. Je had de voorwaarden moeten lezen!!`,
  (n) => `Hoi ${n}, we bellen je morgen tussen 10 en 12 uur over de storing. Past dat? ^Lotte`,
];
const EN = [
  (n) => `Hi ${n}, thanks for letting us know. Could you DM us your booking reference? We'll rebook you today. ^Jacob`,
  (n) => `Hi ${n}, that's a stupid question, the answer is on our website.`,
  (n) => `Dear customer, your case number is 55${n.length}812. We apologise for any inconvenience.`,
  (n) => `Hi ${n}, we've removed your comment. Our lawyers will be in touch.`,
  (n) => `Hi ${n}, sorry for the wait! Your refund went out this morning. ^Emma`,
];
const TEMPLATES = [...NL, ...EN];
const replies = Array.from({ length: COUNT }, (_, i) => `${TEMPLATES[i % TEMPLATES.length](NAMES[i % NAMES.length])} #${i}`);

const dir = mkdtempSync(join(tmpdir(), 'webcare-bench-'));
const jsonl = join(dir, 'replies.jsonl');
const text = join(dir, 'replies.txt');
writeFileSync(jsonl, replies.map((reply, id) => JSON.stringify({ id, text: reply })).join('\n') + '\n');
writeFileSync(text, replies.join('\n\n') + '\n');

if (!existsSync(ALEX_BIN)) {
  console.log('installing alex into bench/.alex (once) ...');
  execFileSync('npm', ['install', '--prefix', ALEX_DIR, '--no-save', '--no-audit', '--no-fund', 'alex'], { stdio: 'inherit' });
}

const env = { ...process.env, WEBCARE_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'webcare-bench-config-')), NO_COLOR: '1' };
function time(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { env, maxBuffer: 1 << 30, ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw result.error;
  return { ms, result };
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
function measure(label, command, args, options, runs = RUNS) {
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const { ms, result } = time(command, args, options);
    times.push(ms);
    last = result;
  }
  return { label, ms: median(times), result: last };
}

console.log(`${COUNT} replies, median of ${RUNS} runs, node ${process.version}\n`);

const ours = measure('webcare check --jsonl', process.execPath, [BIN, 'check', '--jsonl', jsonl]);
const lines = ours.result.stdout.toString().trim().split('\n').length;
if (lines !== COUNT) throw new Error(`webcare printed ${lines} results for ${COUNT} replies`);
const alex = measure('alex (one text file)', process.execPath, [ALEX_BIN, text], {}, Math.min(RUNS, 3));
const alexWarnings = (alex.result.stderr.toString().match(/ warning /g) ?? []).length;

const single = [];
const bare = [];
for (let i = 0; i < Math.max(RUNS, 11); i++) {
  single.push(time(process.execPath, [BIN, 'check', '--text', replies[0]]).ms);
  bare.push(time(process.execPath, ['-e', '0']).ms);
}

// The pure checker alone, bundled from source the way the build bundles it.
const { build } = await import('esbuild');
const core = join(dir, 'check.mjs');
await build({ entryPoints: [join(ROOT, 'src', 'core', 'check.ts')], outfile: core, bundle: true, format: 'esm', platform: 'node', logLevel: 'error' });
const { check } = await import(core);
for (const reply of replies) check(reply);
const start = process.hrtime.bigint();
for (let round = 0; round < 5; round++) for (const reply of replies) check(reply);
const perReply = Number(process.hrtime.bigint() - start) / 1e3 / (replies.length * 5);

const row = (label, value, note = '') => console.log(`${label.padEnd(34)}${value.padStart(12)}  ${note}`);
row(ours.label, `${ours.ms.toFixed(0)} ms`, `${((COUNT / ours.ms) * 1000).toFixed(0)} replies/s`);
row(alex.label, `${alex.ms.toFixed(0)} ms`, `(${alexWarnings} warnings)`);
row('  alex / webcare', `${(alex.ms / ours.ms).toFixed(1)}x`, '(goal: at least 20x)');
row('webcare check --text (one reply)', `${median(single).toFixed(1)} ms`);
row('node -e 0', `${median(bare).toFixed(1)} ms`);
row('  check --text / node -e 0', `${(median(single) / median(bare)).toFixed(2)}x`, '(goal: at most 1.5x)');
row('check() in process', `${perReply.toFixed(1)} µs`, 'per reply, detecting the language');
