// The last step of classify: fitted weights turn what the cue lists found, the shape of the
// message and its words into a message type and a ranking of the nine personas.
//
// Hand-set rules for that step kept failing on messages nobody had tuned them on (69–81% of types
// right on fresh labelled sets, while the tuned sets said 85–99%), so the weights are fitted to
// the labelled messages in test/fixtures by `npm run fit` and kept as data in weights.json: one
// line per feature, a weight per type and per persona. The cue lists stay the explanation: a new
// cue counts at once through its group's weight ("cue:type:complaint"), without a refit.
import type { MessageType, Persona } from './domain.js';
import { MESSAGE_TYPES, PERSONAS } from './domain.js';
import { BOUNDARY } from './cues.js';
import type { Hit, Tokens } from './cues.js';
import FITTED from './weights.json' with { type: 'json' };

/** Feature name → value; absent features are 0. */
export type Features = Map<string, number>;

/** weights.json: a row of weights per feature, one column per type (MESSAGE_TYPES order), then one per persona (PERSONAS order). */
export interface Weights {
  /** What the weights were fitted on. */
  fittedOn: string;
  bias: number[];
  weights: Record<string, number[]>;
}

/**
 * weights.json as the build packs it into the bundle: JSON.parse of the readable file took
 * `webcare draft` ~18 ms. Thousandths, as weights.json rounds them.
 */
export interface PackedWeights {
  fittedOn: string;
  bias: number[];
  /** The feature names, one per line, in row order. */
  names: string;
  /** Base64 of the rows, little-endian 16-bit thousandths. */
  rows: string;
}

/** The weights ready to look up: a feature's row of thousandths starts at `row.get(name) * COLUMNS`. */
export interface Table {
  bias: readonly number[];
  row: Map<string, number>;
  thousandths: Int16Array;
}

const TYPE_COLUMNS = MESSAGE_TYPES.length;
const COLUMNS = TYPE_COLUMNS + PERSONAS.length;

/** Whether this machine stores numbers little-endian, as the packed rows are: then they need no conversion. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function pack(weights: Weights): PackedWeights {
  const { row, thousandths } = tableOf(weights);
  const bytes = Buffer.alloc(thousandths.length * 2);
  thousandths.forEach((value, i) => bytes.writeInt16LE(value, i * 2));
  return { fittedOn: weights.fittedOn, bias: weights.bias, names: [...row.keys()].join('\n'), rows: bytes.toString('base64') };
}

export function tableOf(source: Weights | PackedWeights): Table {
  if ('weights' in source) {
    const names = Object.keys(source.weights);
    const thousandths = Int16Array.from(names.flatMap((name) => source.weights[name]!.map((w) => Math.round(w * 1000))));
    return { bias: source.bias, row: rowsByName(names), thousandths };
  }
  // Copied, so that the rows are aligned for a 16-bit view.
  const bytes = Uint8Array.from(Buffer.from(source.rows, 'base64'));
  const view = new DataView(bytes.buffer);
  const thousandths = LITTLE_ENDIAN ? new Int16Array(bytes.buffer) : Int16Array.from({ length: bytes.length / 2 }, (_, i) => view.getInt16(i * 2, true));
  return { bias: source.bias, row: rowsByName(source.names.split('\n')), thousandths };
}

/** A loop, not `new Map(names.map(...))`: no pair per name (7,500 of them, before the first question). */
function rowsByName(names: readonly string[]): Map<string, number> {
  const rows = new Map<string, number>();
  for (let r = 0; r < names.length; r++) rows.set(names[r]!, r);
  return rows;
}

let fitted: Table | undefined;
/** Unpacked on first use: most commands never classify. */
const fittedTable = (): Table => (fitted ??= tableOf(FITTED as Weights | PackedWeights));

/** What the cue tallies and the rest of classify found, before any decision. */
export interface Evidence {
  tokens: Tokens;
  hits: readonly Hit[];
  lang: string;
  /** The cue tallies' score per type and per persona. */
  types: (type: MessageType) => number;
  personas: (persona: Persona) => number;
  /** Named signals: a rating, "not complaining", loudness, ... (name → strength). */
  signals: Record<string, number>;
  emoji: Iterable<string>;
}

/**
 * The features of one message. Numbers are damped (log1p) so that a long rant does not outweigh
 * everything by its length alone; words and word pairs count once each.
 */
export function featuresOf(evidence: Evidence): Features {
  const features: Features = new Map();
  const add = (name: string, value: number) => {
    if (value !== 0) features.set(name, (features.get(name) ?? 0) + value);
  };
  add(`lang:${evidence.lang}`, 1);
  for (const type of MESSAGE_TYPES) add(`type:${type}`, Math.log1p(Math.max(0, evidence.types(type))));
  for (const persona of PERSONAS) add(`persona:${persona}`, Math.log1p(Math.max(0, evidence.personas(persona))));
  for (const [name, value] of Object.entries(evidence.signals)) add(name, Math.log1p(Math.max(0, value)));
  const groups = new Map<string, number>();
  for (const hit of evidence.hits) {
    const name = `cue:${hit.group}:${hit.key}`;
    groups.set(name, (groups.get(name) ?? 0) + 1);
  }
  for (const [name, count] of groups) add(name, Math.log1p(count));
  for (const emoji of evidence.emoji) features.set(`emoji:${emoji}`, 1);
  readSentences(evidence.tokens, add);
  const { keys } = evidence.tokens;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (!isWord(key)) continue;
    // The word itself names its feature: no string to build, and its hash is already known from
    // the cue lookups. A pair is "word word".
    features.set(key, 1);
    const next = keys[i + 1];
    if (next !== undefined && isWord(next)) features.set(`${key} ${next}`, 1);
  }
  return features;
}

/** Words and word pairs are named by themselves; every other feature by "kind:name" (a word holds no colon). */
export function isWordFeature(name: string): boolean {
  return !name.includes(':');
}

/** @mentions name the company, numbers are order numbers and amounts: neither says what the message is. */
function isWord(key: string): boolean {
  const c = key.charCodeAt(0);
  return key !== BOUNDARY && c !== 64 && !(c >= 48 && c <= 57);
}

/** How many sentences, how many ask, and whether the first and the last one do. */
function readSentences({ raw, keys }: Tokens, add: (name: string, value: number) => void): void {
  const sentences: { words: number; asks: boolean }[] = [];
  const opens = new Set<string>();
  let words = 0;
  for (let i = 0; i <= keys.length; i++) {
    if (i < keys.length && keys[i] !== BOUNDARY) {
      // How a sentence opens ("Kunnen", "Why", "Thanks") says much of what it does.
      if (words === 0 && isWord(keys[i]!)) opens.add(`start:${keys[i]}`);
      if (isWord(keys[i]!)) words++;
      continue;
    }
    if (words > 0) sentences.push({ words, asks: raw[i] === '?' });
    words = 0;
  }
  for (const open of opens) add(open, 1);
  if (sentences.length === 0) return;
  // A sign-off ("Groet, Henk") is not the last thing said.
  let last = sentences.length - 1;
  if (last > 0 && sentences[last]!.words <= 3 && !sentences[last]!.asks) last--;
  add('shape:sentences', Math.log1p(sentences.length));
  add('shape:words', Math.log1p(sentences.reduce((sum, s) => sum + s.words, 0)));
  add('shape:questions', Math.log1p(sentences.filter((s) => s.asks).length));
  add('shape:first-asks', sentences[0]!.asks ? 1 : 0);
  add('shape:last-asks', sentences[last]!.asks ? 1 : 0);
}

export interface Weighed {
  /** Per type, a probability; MESSAGE_TYPES order. */
  types: number[];
  /** Per persona, a probability; PERSONAS order. */
  personas: number[];
}

/** The shipped weights, or, for `npm run fit -- --cross`, weights just fitted. */
export function weigh(features: Features, table: Table = fittedTable()): Weighed {
  const { bias, row, thousandths } = table;
  const sums = new Float64Array(COLUMNS);
  // forEach, not for-of: no [name, value] pair to allocate per feature (batch weighs millions).
  features.forEach((value, name) => {
    const r = row.get(name);
    if (r === undefined) return;
    for (let k = 0, at = r * COLUMNS; k < COLUMNS; k++, at++) sums[k]! += thousandths[at]! * value;
  });
  for (let k = 0; k < COLUMNS; k++) sums[k] = sums[k]! / 1000 + bias[k]!;
  softmaxInPlace(sums, 0, TYPE_COLUMNS);
  softmaxInPlace(sums, TYPE_COLUMNS, COLUMNS);
  return { types: Array.from(sums.subarray(0, TYPE_COLUMNS)), personas: Array.from(sums.subarray(TYPE_COLUMNS)) };
}

/** Scores in [from, to) become probabilities, in place (the fit runs this millions of times). */
export function softmaxInPlace(values: Float64Array, from: number, to: number): void {
  let top = -Infinity;
  for (let k = from; k < to; k++) top = Math.max(top, values[k]!);
  let total = 0;
  for (let k = from; k < to; k++) total += values[k] = Math.exp(values[k]! - top);
  for (let k = from; k < to; k++) values[k]! /= total;
}

/** Index of the highest value; ties go to the first. */
export function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/** The words of the message that pushed hardest towards `column`, beyond the other columns of its head. */
export function strongestWords(features: Features, column: number, count: number): string[] {
  const { row, thousandths } = fittedTable();
  const [from, to] = column < TYPE_COLUMNS ? [0, TYPE_COLUMNS] : [TYPE_COLUMNS, COLUMNS];
  const pushes: [string, number][] = [];
  for (const [name, value] of features) {
    const r = isWordFeature(name) ? row.get(name) : undefined;
    if (r === undefined) continue;
    let mean = 0;
    for (let k = from; k < to; k++) mean += thousandths[r * COLUMNS + k]! / 1000 / (to - from);
    const push = (thousandths[r * COLUMNS + column]! / 1000 - mean) * value;
    if (push >= 0.1) pushes.push([name, push]);
  }
  return pushes
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([word]) => word);
}
