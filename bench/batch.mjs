#!/usr/bin/env node
// Speed and memory of `webcare batch` on generated exports (issue 6): messages per second on one
// core after start-up (at least 10,000), and peak RSS for 200,000 messages within 1.2x of that
// for 2,000 (memory stays flat).
// Usage: npm run build && node bench/batch.mjs [--small N] [--large N] [--quick] [--profile]
//   --profile also runs the large set under --cpu-prof and prints where the time goes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, count, fixed, inTempDir, option, random, row, runIfMain } from './lib.mjs';

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

/** `total` export records ({id, text, name?, channel?}), the same for the same seed. */
export function messages(total, seed = 42) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const records = [];
  for (let i = 0; i < total; i++) {
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
    records.push(record);
  }
  return records;
}

// The child reports its own peak RSS on exit: no dependency on GNU time.
const REPORT_PEAK = `--import=data:text/javascript,process.on('exit',()=>process.stderr.write('\\nbench-peak-rss-kb='+process.resourceUsage().maxRSS+'\\n'))`;
// One core, as the target says; taskset is in util-linux.
const PIN = spawnSync('taskset', ['--version']).status === 0 ? ['taskset', '-c', '0'] : [];

function measure(dir, total, extraNodeArgs = []) {
  const input = join(dir, `in-${total}.jsonl`);
  const output = join(dir, `out-${total}.jsonl`);
  if (!existsSync(input)) writeFileSync(input, `${messages(total).map((m) => JSON.stringify(m)).join('\n')}\n`);
  const command = [...PIN, process.execPath, REPORT_PEAK, ...extraNodeArgs, BIN, 'batch', input, '--out', output];
  const started = process.hrtime.bigint();
  const result = spawnSync(command[0], command.slice(1), {
    cwd: dir,
    env: { ...process.env, WEBCARE_CONFIG_DIR: dir, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`batch exited ${result.status}:\n${result.stderr.slice(-2000)}`);
  const outputLines = readFileSync(output, 'utf8').split('\n').length - 1;
  if (outputLines !== total) throw new Error(`expected ${total} output lines, got ${outputLines}`);
  const kb = /bench-peak-rss-kb=(\d+)/.exec(result.stderr);
  return { total, seconds, peakMb: kb ? Number(kb[1]) / 1024 : NaN };
}

function profile(dir, total) {
  const profileDir = join(dir, 'profile');
  measure(dir, total, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
  const file = readdirSync(profileDir)
    .map((name) => join(profileDir, name))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0];
  const { nodes, samples, timeDeltas } = JSON.parse(readFileSync(file, 'utf8'));
  // Self time per function: samples are node ids, timeDeltas their durations in microseconds.
  const self = new Map();
  samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (timeDeltas[i] ?? 0)));
  const byFunction = new Map();
  let all = 0;
  for (const node of nodes) {
    const micros = self.get(node.id) ?? 0;
    all += micros;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  }
  console.log(`\nwhere the time goes (self time, ${total} messages, top 20):`);
  for (const [key, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`  ${((100 * micros) / all).toFixed(1).padStart(5)}%  ${key}`);
  }
}

export async function run({ quick = false, small = 2_000, large = quick ? 20_000 : 200_000, withProfile = false } = {}) {
  return inTempDir((dir) => {
    console.error(`batch: ${small} and ${large} messages, ${PIN.length ? 'pinned to one core' : 'not pinned (no taskset)'}, node ${process.version}`);
    const few = measure(dir, small);
    const many = measure(dir, large);
    for (const m of [few, many]) console.error(`batch: ${m.total} messages in ${fixed(m.seconds, 2)} s, peak RSS ${fixed(m.peakMb)} MB`);
    // The difference between the runs is pure drafting: start-up and template compilation cancel out.
    const rate = (many.total - few.total) / (many.seconds - few.seconds);
    const growth = many.peakMb / few.peakMb;
    const rows = [
      row('batch', `throughput after start-up${PIN.length ? ', 1 core' : ''}`, `${count(rate)} msgs/s`, '>= 10,000/s', rate >= 10_000),
      row(
        'batch',
        `peak RSS ${count(many.total)} / ${count(few.total)} msgs`,
        `${fixed(growth, 2)}x (${fixed(many.peakMb)} vs ${fixed(few.peakMb)} MB)`,
        '<= 1.2x',
        growth <= 1.2,
      ),
    ];
    if (withProfile) profile(dir, large);
    return rows;
  });
}

await runIfMain(import.meta.url, run, (args, quick) => ({
  small: option(args, '--small', 2_000),
  large: option(args, '--large', quick ? 20_000 : 200_000),
  withProfile: args.includes('--profile'),
}));
