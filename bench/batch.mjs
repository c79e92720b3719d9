#!/usr/bin/env node
// Speed and memory of `webcare batch` on generated exports: messages per second after start-up,
// and peak RSS for 2,000 and 200,000 messages (the second must stay within 1.2x of the first).
// Usage: npm run build && node bench/batch.mjs [--small N] [--large N] [--profile]
//   --profile also runs the large set under --cpu-prof and prints where the time goes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/webcare.js', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const SMALL = option('--small', 2_000);
const LARGE = option('--large', 200_000);

// Deterministic, so two runs draft the same messages.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NL = {
  open: ['Hallo,', 'Hoi!', 'Beste klantenservice,', '', 'Serieus?', 'Normaal klaag ik nooit, maar'],
  matter: [
    'mijn pakket is al {n} dagen onderweg en de track & trace zegt niks',
    'we zitten al {n} dagen zonder internet',
    'er staat €{n} te veel op mijn factuur',
    'de app crasht elke keer als ik wil inloggen',
    'mijn aansluitende vlucht naar Rome is geannuleerd',
    'ik wil mijn abonnement opzeggen maar dat lukt niet',
    'de medewerker in de winkel was echt super behulpzaam',
    'niemand neemt de telefoon op, ik hang al {n} minuten in de wacht',
  ],
  close: ['Wanneer wordt dit opgelost?', 'Dank jullie wel!', 'ALWEER!!!', 'Kunnen jullie even kijken?', 'Groet, {name}', ''],
};
const EN = {
  open: ['Hi,', 'Hello there.', '', 'Seriously?', 'I never complain, but'],
  matter: [
    'my parcel has been on its way for {n} days and tracking says nothing',
    'we have had no internet for {n} days now',
    'I was charged ${n} too much on my last invoice',
    'the app crashes every time I try to log in',
    'my connecting flight to Rome was cancelled',
    'I want to cancel my subscription but the website will not let me',
    'the guy at the store was really helpful, thank you',
    'nobody picks up the phone, I have been on hold for {n} minutes',
  ],
  close: ['When will this be fixed?', 'Thanks a lot!', 'AGAIN!!!', 'Could you have a look?', 'Cheers, {name}', ''],
};
const NAMES = ['Marja de Vries', 'Sanne', 'Dave O’Brien', 'Jan-Willem Bakker', 'Aïsha', 'Tom', 'Fatima El Amrani', 'Pieter'];
const CHANNELS = ['x', 'facebook', 'instagram', 'whatsapp', 'review', 'email'];

function generate(count, seed) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const lines = [];
  for (let i = 0; i < count; i++) {
    const words = next() < 0.55 ? NL : EN;
    const name = pick(NAMES);
    const n = String(2 + Math.floor(next() * 40));
    const text = [pick(words.open), pick(words.matter), pick(words.close)]
      .filter(Boolean)
      .join(' ')
      .replaceAll('{n}', n)
      .replaceAll('{name}', name.split(' ')[0]);
    const record = { id: `m${i + 1}`, text };
    if (next() < 0.7) record.name = name;
    if (next() < 0.5) record.channel = pick(CHANNELS);
    lines.push(JSON.stringify(record));
  }
  return `${lines.join('\n')}\n`;
}

const dir = mkdtempSync(join(tmpdir(), 'webcare-bench-'));
const hasTime = existsSync('/usr/bin/time');
// One core, as the target says; taskset is in util-linux.
const pin = spawnSync('taskset', ['--version']).status === 0 ? ['taskset', '-c', '0'] : [];

function measure(count, extraNodeArgs = []) {
  const input = join(dir, `in-${count}.jsonl`);
  const output = join(dir, `out-${count}.jsonl`);
  if (!existsSync(input)) writeFileSync(input, generate(count, 42));
  const command = [...pin, ...(hasTime ? ['/usr/bin/time', '-v'] : []), process.execPath, ...extraNodeArgs, BIN];
  const started = process.hrtime.bigint();
  const result = spawnSync(command[0], [...command.slice(1), 'batch', input, '--out', output], {
    cwd: dir,
    env: { ...process.env, WEBCARE_CONFIG_DIR: dir },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`batch exited ${result.status}:\n${result.stderr.slice(-2000)}`);
  const outputLines = readFileSync(output, 'utf8').split('\n').length - 1;
  if (outputLines !== count) throw new Error(`expected ${count} output lines, got ${outputLines}`);
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  return { count, seconds, peakMb: kb ? Number(kb[1]) / 1024 : NaN };
}

const small = measure(SMALL);
const large = measure(LARGE);
// The difference between the runs is pure drafting: start-up and template compilation cancel out.
const perSecond = (large.count - small.count) / (large.seconds - small.seconds);
const mb = (value) => `${value.toFixed(1)} MB`;
console.log(`webcare batch, ${pin.length ? 'pinned to one core' : 'not pinned (no taskset)'}, node ${process.version}`);
console.log(`  ${small.count} messages: ${small.seconds.toFixed(2)} s, peak RSS ${mb(small.peakMb)}`);
console.log(`  ${large.count} messages: ${large.seconds.toFixed(2)} s, peak RSS ${mb(large.peakMb)}`);
console.log(`  after start-up: ${Math.round(perSecond).toLocaleString('en')} messages/second (target 10,000)`);
console.log(`  peak RSS ratio: ${(large.peakMb / small.peakMb).toFixed(2)}x (target at most 1.2x)`);

if (args.includes('--profile')) {
  const profileDir = join(dir, 'profile');
  measure(LARGE, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
  const file = readdirSync(profileDir).map((name) => join(profileDir, name)).sort((a, b) => statSync(b).size - statSync(a).size)[0];
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  // Self time per function: samples are node ids, timeDeltas their durations in microseconds.
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map();
  let total = 0;
  for (const node of profile.nodes) {
    const micros = self.get(node.id) ?? 0;
    total += micros;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  }
  console.log(`\nwhere the time goes (self time, ${LARGE} messages, top 20):`);
  for (const [key, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`  ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
}
rmSync(dir, { recursive: true, force: true });
