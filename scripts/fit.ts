// Fits src/core/weights.json to the labelled messages in test/fixtures (`npm run fit`), or, with
// --cross, measures how well such weights do on messages they were not fitted on: each labelled
// set in turn is left out, the weights are fitted on the others and scored on it.
//
// The model is a plain multinomial logistic regression per head (type, persona), fitted by
// gradient descent on standardised features with an L2 penalty; deterministic, no dependencies.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MESSAGE_TYPES, PERSONAS } from '../src/core/domain.js';
import type { MessageType, Persona } from '../src/core/domain.js';
import { readMessage } from '../src/core/classify.js';
import type { Features, Weights } from '../src/core/weights.js';
import { argmax, isWordFeature, softmaxInPlace, tableOf, weigh } from '../src/core/weights.js';

const FIXTURES = 'test/fixtures';
/** Never fitted on: the last set written blind, kept to measure the weights as shipped. */
const HELD_OUT = ['messages-final.jsonl'];
/**
 * The team's own examples, one per behaviour the tests name (shouting, "not complaining, but",
 * two stars around a "perfect"): always fitted on, counted three times, never a set to score.
 */
const SPEC = 'messages-spec.jsonl';
const SPEC_WEIGHT = 3;
/** A word or pair seen in fewer messages than this says more about one writer than about a type. */
const MIN_MESSAGES = 5;
// Penalty, steps and rate as measured best with --cross (penalty 10, 30, 100 and 300; 300 and 600 steps).
const PENALTY = 100;
const STEPS = 300;
const RATE = 0.5;
const MOMENTUM = 0.9;

interface Labelled {
  file: string;
  text: string;
  type: MessageType;
  personas: Persona[];
}

interface Row {
  file: string;
  weight: number;
  features: Features;
  target: Float64Array;
  type: MessageType;
  personas: Persona[];
}

const TYPES = MESSAGE_TYPES.length;
const COLUMNS = TYPES + PERSONAS.length;

function load(): Row[] {
  const files = readdirSync(FIXTURES).filter((f) => /^messages.*\.jsonl$/.test(f) && !HELD_OUT.includes(f)).sort();
  return files.flatMap((file) =>
    readFileSync(join(FIXTURES, file), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => ({ file, ...(JSON.parse(line) as Omit<Labelled, 'file'>) }))
      .map((row) => ({ file, weight: file === SPEC ? SPEC_WEIGHT : 1, features: readMessage(row.text).features, target: target(row), type: row.type, personas: row.personas })),
  );
}

/** One-hot for the type; for the personas, the best label counts double and the rest share. */
function target(row: Omit<Labelled, 'file'>): Float64Array {
  const t = new Float64Array(COLUMNS);
  t[MESSAGE_TYPES.indexOf(row.type)] = 1;
  let total = 0;
  row.personas.forEach((p, i) => {
    t[TYPES + PERSONAS.indexOf(p)]! += i === 0 ? 2 : 1;
    total += i === 0 ? 2 : 1;
  });
  for (let k = TYPES; k < COLUMNS; k++) t[k]! /= total;
  return t;
}

function fit(rows: Row[]): Weights {
  const seen = new Map<string, number>();
  for (const row of rows) for (const name of row.features.keys()) seen.set(name, (seen.get(name) ?? 0) + 1);
  const names = [...seen].filter(([name, n]) => n >= MIN_MESSAGES || !isWordFeature(name)).map(([name]) => name).sort();
  const index = new Map(names.map((name, i) => [name, i]));
  const F = names.length;
  const N = rows.reduce((sum, row) => sum + row.weight, 0);
  // Sparse rows: feature indexes and values.
  const sparse = rows.map((row) => {
    const entries = [...row.features].filter(([name]) => index.has(name));
    return { at: Int32Array.from(entries.map(([name]) => index.get(name)!)), value: Float64Array.from(entries.map(([, v]) => v)) };
  });
  const mean = new Float64Array(F);
  const square = new Float64Array(F);
  sparse.forEach(({ at, value }, i) => {
    const w = rows[i]!.weight / N;
    for (let j = 0; j < at.length; j++) {
      mean[at[j]!]! += value[j]! * w;
      square[at[j]!]! += value[j]! * value[j]! * w;
    }
  });
  const scale = Float64Array.from(mean, (m, j) => 1 / (Math.sqrt(Math.max(square[j]! - m * m, 0)) + 1e-6));
  const W = new Float64Array(F * COLUMNS);
  const bias = new Float64Array(COLUMNS);
  const gradient = new Float64Array(F * COLUMNS);
  const velocity = new Float64Array(F * COLUMNS);
  const sums = new Float64Array(COLUMNS);
  const residualTotal = new Float64Array(COLUMNS);
  for (let step = 0; step < STEPS; step++) {
    // Centring moves every row by the same amount: computed once per step.
    const shift = new Float64Array(COLUMNS);
    for (let j = 0; j < F; j++) {
      const m = mean[j]! * scale[j]!;
      if (m !== 0) for (let k = 0; k < COLUMNS; k++) shift[k]! += m * W[j * COLUMNS + k]!;
    }
    gradient.fill(0);
    residualTotal.fill(0);
    for (let i = 0; i < rows.length; i++) {
      const { at, value } = sparse[i]!;
      for (let k = 0; k < COLUMNS; k++) sums[k] = bias[k]! - shift[k]!;
      for (let j = 0; j < at.length; j++) {
        const x = value[j]! * scale[at[j]!]!;
        const base = at[j]! * COLUMNS;
        for (let k = 0; k < COLUMNS; k++) sums[k]! += x * W[base + k]!;
      }
      softmaxInPlace(sums, 0, TYPES);
      softmaxInPlace(sums, TYPES, COLUMNS);
      const residual = sums;
      for (let k = 0; k < COLUMNS; k++) residual[k] = (residual[k]! - rows[i]!.target[k]!) * rows[i]!.weight;
      for (let k = 0; k < COLUMNS; k++) residualTotal[k]! += residual[k]!;
      for (let j = 0; j < at.length; j++) {
        const x = value[j]! * scale[at[j]!]!;
        const base = at[j]! * COLUMNS;
        for (let k = 0; k < COLUMNS; k++) gradient[base + k]! += x * residual[k]!;
      }
    }
    for (let j = 0; j < F; j++) {
      const m = mean[j]! * scale[j]!;
      for (let k = 0; k < COLUMNS; k++) {
        const g = (gradient[j * COLUMNS + k]! - m * residualTotal[k]! + PENALTY * W[j * COLUMNS + k]!) / N;
        velocity[j * COLUMNS + k] = MOMENTUM * velocity[j * COLUMNS + k]! - RATE * g;
        W[j * COLUMNS + k]! += velocity[j * COLUMNS + k]!;
      }
    }
    for (let k = 0; k < COLUMNS; k++) bias[k]! -= (RATE * residualTotal[k]!) / N;
  }
  // Fold the standardisation into the weights, so that classify multiplies raw features.
  const weights: Record<string, number[]> = {};
  const folded = Array.from(bias);
  names.forEach((name, j) => {
    const row = Array.from({ length: COLUMNS }, (_, k) => W[j * COLUMNS + k]! * scale[j]!);
    row.forEach((w, k) => (folded[k]! -= w * mean[j]!));
    const rounded = row.map((w) => Math.round(w * 1000) / 1000);
    if (rounded.some((w) => w !== 0)) weights[name] = rounded;
  });
  return { fittedOn: '', bias: folded.map((b) => Math.round(b * 1000) / 1000), weights };
}

function cross(rows: Row[]): void {
  const files = [...new Set(rows.map((r) => r.file))].filter((file) => file !== SPEC);
  let types = 0;
  let personas = 0;
  const confusion = new Map<string, number>();
  const personaConfusion = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const file of files) {
    const table = tableOf(fit(rows.filter((r) => r.file !== file)));
    const test = rows.filter((r) => r.file === file);
    let t = 0;
    let p = 0;
    for (const row of test) {
      const weighed = weigh(row.features, table);
      const guess = { type: MESSAGE_TYPES[argmax(weighed.types)]!, persona: PERSONAS[argmax(weighed.personas)]! };
      if (guess.type === row.type) t++;
      else bump(confusion, `${row.type} → ${guess.type}`);
      if (row.personas.includes(guess.persona)) p++;
      else bump(personaConfusion, `${row.personas[0]} → ${guess.persona}`);
    }
    types += t;
    personas += p;
    console.log(`${file.padEnd(28)} ${String(test.length).padStart(4)}  type ${pct(t, test.length)}  persona ${pct(p, test.length)}`);
  }
  const scored = rows.filter((r) => r.file !== SPEC).length;
  console.log(`${'all, each set left out'.padEnd(28)} ${String(scored).padStart(4)}  type ${pct(types, scored)}  persona ${pct(personas, scored)}`);
  const pairs = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, n]) => `${k} ×${n}`).join(', ');
  console.log(`type confusion (label → suggestion): ${pairs(confusion)}`);
  console.log(`persona confusion (best label → suggestion, outside the acceptable labels): ${pairs(personaConfusion)}`);
}

const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1).padStart(5)}%`;

const rows = load();
if (process.argv.includes('--cross')) cross(rows);
else {
  const weights = fit(rows);
  weights.fittedOn = `${rows.length} labelled messages in ${new Set(rows.map((r) => r.file)).size} sets of test/fixtures`;
  const lines = Object.entries(weights.weights).map(([name, row]) => `    ${JSON.stringify(name)}: ${JSON.stringify(row)}`);
  writeFileSync(
    'src/core/weights.json',
    `{\n  "fittedOn": ${JSON.stringify(weights.fittedOn)},\n  "bias": ${JSON.stringify(weights.bias)},\n  "weights": {\n${lines.join(',\n')}\n  }\n}\n`,
  );
  console.log(`src/core/weights.json: ${lines.length} features, fitted on ${weights.fittedOn}`);
}
