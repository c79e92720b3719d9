#!/usr/bin/env node
// Every benchmark, or the ones named, against the targets in the issues, as one table.
// Usage: npm run build && npm run bench [-- [--quick] [startup] [check] [batch] [classify]]
// Progress and details go to stderr, the table to stdout. Exit 0 when every target is met,
// 1 when one is missed, 2 for a usage error or a missing build. Only the alex comparison uses
// the network (to install alex once); without it, that row is skipped with a note.
import { failedRow, formatTable, requireBuild } from './lib.mjs';

const BENCHMARKS = {
  startup: () => import('./startup.mjs'),
  check: () => import('./check.mjs'),
  batch: () => import('./batch.mjs'),
  classify: () => import('./classify.mjs'),
};

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const names = args.filter((arg) => arg !== '--quick');
const unknown = names.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')} (and --quick)`);
  process.exit(2);
}
requireBuild();

const rows = [];
const started = Date.now();
for (const name of names.length > 0 ? names : Object.keys(BENCHMARKS)) {
  const { run } = await BENCHMARKS[name]();
  try {
    rows.push(...(await run({ quick })));
  } catch (error) {
    // One broken benchmark (say, a command that crashes) must not hide the others' figures.
    console.error(`${name}: ${error.stack ?? error}`);
    rows.push(failedRow(name, error));
  }
}
console.log(`\nwebcare benchmarks${quick ? ' (--quick: smaller sizes)' : ''}, node ${process.version}, ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(formatTable(rows));
process.exitCode = rows.some((r) => r.pass === false) ? 1 : 0;
