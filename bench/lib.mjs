// What every benchmark shares: where the built tool is, timing helpers, and the results table.
// Each benchmark exports `run(options)` returning rows for the table, so bench/run.mjs can run
// them together and each file can still run alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'webcare.cjs');

/** Benchmarks measure what is built; building is the user's step, never ours. */
export function requireBuild() {
  if (existsSync(join(ROOT, 'dist', 'webcare.cjs'))) return;
  console.error('dist/ is missing: run npm run build first.');
  process.exit(2);
}

/** True when the module at `url` was started with `node <file>` rather than imported. */
export const isMain = (url) => process.argv[1] !== undefined && url === pathToFileURL(process.argv[1]).href;

export const option = (args, name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : Number(args[at + 1]);
};

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Milliseconds for one run of `node ...args`; exit 0 or 1 (findings) count as success. */
export function timeNode(args, env = process.env) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw result.error;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`node ${args.join(' ')} exited ${result.status}:\n${result.stderr.toString().slice(-1000)}`);
  }
  return ms;
}

/**
 * Median of `runs` runs of `node ...args` and of `node -e 0`, alternated so a busy moment on
 * the machine hits both sides alike.
 */
export function againstNode(args, runs, env) {
  const ours = [];
  const bare = [];
  timeNode(args, env); // warm the file cache
  for (let i = 0; i < runs; i++) {
    bare.push(timeNode(['-e', '0'], env));
    ours.push(timeNode(args, env));
  }
  return { ms: median(ours), nodeMs: median(bare) };
}

// Deterministic, so two runs see the same input.
export function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bundles one pure core module from src/ into `dir` and imports it, to time it in process. */
export async function importCore(name, dir) {
  const { build } = await import('esbuild');
  const outfile = join(dir, `${name}.mjs`);
  await build({
    entryPoints: [join(ROOT, 'src', 'core', `${name}.ts`)],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'error',
  });
  return import(pathToFileURL(outfile).href);
}

/** Calls per second of `fn` over `inputs`, after one warm-up pass. */
export function perSecond(fn, inputs, rounds = 3) {
  for (const input of inputs) fn(input);
  const start = process.hrtime.bigint();
  for (let round = 0; round < rounds; round++) for (const input of inputs) fn(input);
  return (inputs.length * rounds) / (Number(process.hrtime.bigint() - start) / 1e9);
}

export const fixed = (value, digits = 1) => value.toFixed(digits);
export const count = (value) => Math.round(value).toLocaleString('en');

/**
 * One row of the results table. `pass` is true, false, or null for a figure with no target;
 * `skipped` holds the reason a benchmark could not run.
 */
export const row = (bench, measure, measured, target = '', pass = null) => ({ bench, measure, measured, target, pass });
export const skippedRow = (bench, measure, reason) => ({ bench, measure, measured: 'skipped', target: '', pass: null, skipped: reason });
/** A benchmark that threw: counted as a miss, with the first line of the error. */
export const failedRow = (bench, error) => ({ bench, measure: '(all)', measured: 'failed', target: '', pass: false, failed: String(error?.message ?? error).split('\n')[0] });

export function formatTable(rows) {
  const result = (r) => (r.failed ? 'FAIL' : r.skipped ? 'skip' : r.pass === null ? 'info' : r.pass ? 'pass' : 'MISS');
  const cells = rows.map((r) => [r.bench, r.measure, r.measured, r.target || '-', result(r)]);
  const header = ['bench', 'what', 'measured', 'target', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  const notes = [
    ...rows.filter((r) => r.skipped).map((r) => `note: ${r.bench} ${r.measure} skipped: ${r.skipped}`),
    ...rows.filter((r) => r.failed).map((r) => `note: ${r.bench} failed: ${r.failed}`),
  ];
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line), ...notes].join('\n');
}

/**
 * Runs a benchmark's `run` when its file was started alone (`node bench/x.mjs`), with the
 * options `optionsFrom(args, quick)` reads from the command line, and prints its table.
 */
export async function runIfMain(url, run, optionsFrom = () => ({})) {
  if (!isMain(url)) return;
  requireBuild();
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const rows = await run({ quick, ...optionsFrom(args, quick) });
  console.log(`\n${formatTable(rows)}`);
  process.exitCode = rows.some((r) => r.pass === false) ? 1 : 0;
}

/** Calls `fn` with a fresh temporary directory and removes it afterwards. */
export async function inTempDir(fn) {
  const dir = mkdtempSync(join(tmpdir(), 'webcare-bench-'));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
