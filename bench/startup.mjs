// Start-up against `node -e 0` on this machine: `webcare --version`, one `check`, and the time
// until `webcare draft` shows its first question in a real pseudo-terminal.
// Run: npm run build && node bench/startup.mjs [runs]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 15);
const bin = fileURLToPath(new URL('../bin/webcare.js', import.meta.url));
const firstQuestion = fileURLToPath(new URL('./first-question.py', import.meta.url));

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeCommand(args) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'ignore'] });
    if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}`);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

function timeFirstQuestion(argv) {
  const result = spawnSync('python3', [firstQuestion, String(runs), ...argv], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return Number(result.stdout.trim());
}

const baseline = timeCommand(['-e', '0']);
const rows = [
  ['node -e 0', baseline],
  ['webcare --version', timeCommand([bin, '--version'])],
  ['webcare check --text "…"', timeCommand([bin, 'check', '--text', 'Hoi Marja, sorry voor het wachten. Stuur je ons een DM? ^Sanne'])],
];
const ptyBaseline = timeFirstQuestion([process.execPath, '-e', "console.log('Customer')"]);
const ptyDraft = timeFirstQuestion([process.execPath, bin, 'draft', '--text', 'Waar blijft mijn pakket?']);

console.log(`start-up, median of ${runs} runs, Node ${process.version}`);
for (const [name, ms] of rows) console.log(`  ${name.padEnd(28)} ${ms.toFixed(1).padStart(7)} ms  ${(ms / baseline).toFixed(2)}x`);
console.log(`  ${'node printing in a pty'.padEnd(28)} ${ptyBaseline.toFixed(1).padStart(7)} ms  1.00x`);
console.log(`  ${'draft: first question (pty)'.padEnd(28)} ${ptyDraft.toFixed(1).padStart(7)} ms  ${(ptyDraft / ptyBaseline).toFixed(2)}x`);
