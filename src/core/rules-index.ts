// Makes the phrase sets fast. One big regex per set tries all its phrases at every position of
// the reply: ~100 µs a reply. Instead, each phrase is filed under the characters it must start
// with (up to KEY_LENGTH), and at each word start only the phrases filed under the text's first
// characters there are tried, all sets at once: ~10 µs. Filing takes tens of milliseconds, so
// build.mjs does it once and the bundle carries the result (rules-prebuilt.ts). Regexes compile
// on first use, and the longer the keys, the fewer a reply needs: a single `check --text` waits
// for each.
import { isSpace } from './render-layout.js';
import { PREBUILT_PHRASE_INDEX } from './rules-prebuilt.js';
import { ANY_CHAR, SPACE_CHAR, classEnd, startPrefixes } from './rules-prefix.js';
import { PHRASE_SETS, phraseSource, type PhraseSet } from './rules-sets.js';

/**
 * Letters and digits of the lower-cased text as the matching regexes see them: Latin with every
 * accent, Greek, Cyrillic, combining accents. Spelled out instead of \p{L}, whose full Unicode
 * table costs V8 a third of a millisecond to compile at each of its hundreds of uses.
 */
const WORD_RANGES = 'a-z0-9_\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u0300-\\u036f\\u0370-\\u03ff\\u0400-\\u052f\\u1e00-\\u1eff';
const LETTER_RANGES = WORD_RANGES.replace('0-9_', '');
const BOUNDARY_AFTER = `(?![${WORD_RANGES}])`;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
/** How many of a phrase's first characters it is filed under, at most. */
const KEY_LENGTH = 6;
/** A run of whitespace, in a key: `\s+` in a phrase, any spacing in the text. */
const SPACE = ' ';

/** The thousands of buckets are made at start-up, and a reply touches a few dozen: all else waits for first use. */
interface Bucket {
  /** Numbers in PHRASE_SETS, and per set its phrases for this start, by number in `sources`. */
  setNumbers: number[];
  phrases: number[][];
  sources: readonly string[];
  sets?: PhraseSet[];
  /** Per set: those phrases as one regex source. */
  bodies?: string[];
  /** Every set's phrases in one regex (most places match none of them). */
  any?: RegExp;
  /** The same per set, compiled only once `any` matched somewhere. */
  singles?: (RegExp | undefined)[];
}

export type OnMatch = (set: PhraseSet, index: number, end: number) => void;

/** Calls onMatch for every phrase match of every set, in text order. */
export function scanPhrases(text: string, onMatch: OnMatch): void {
  // Matching runs on the lower-cased text (same length, so indexes hold) with case-sensitive regexes.
  let lower = text.toLowerCase();
  if (lower.length !== text.length) lower = text.replace(/\u0130/g, 'I').toLowerCase();
  if (lower.length !== text.length) lower = text;
  const { anywhere, atWordStart, starts: startsAt } = getPhraseIndex();
  for (let i = 0; i < lower.length; i++) {
    const starts = startsAt[lower.charCodeAt(i)]!;
    if (starts === 0) continue;
    const wordStart = i === 0 || !isWordChar(lower, i - 1);
    if (starts === WORD && !wordStart) continue;
    if (starts === ANYWHERE) tryKeys(anywhere, lower, i, onMatch);
    if (wordStart) tryKeys(atWordStart, lower, i, onMatch);
  }
}

/** The phrases filed under the text's first character at `index`, its first two, and so on. */
function tryKeys(buckets: Map<string, Bucket>, text: string, index: number, onMatch: OnMatch): void {
  let key = '';
  for (let i = index; i < text.length && key.length < KEY_LENGTH; i++) {
    if (isSpace(text.charCodeAt(i))) {
      if (key.endsWith(SPACE)) continue;
      key += SPACE;
    } else key += text[i];
    const bucket = buckets.get(key);
    if (bucket) tryBucket(bucket, text, index, onMatch);
  }
}

function tryBucket(bucket: Bucket, text: string, index: number, onMatch: OnMatch): void {
  const sets = (bucket.sets ??= bucket.setNumbers.map((k) => PHRASE_SETS[k]!));
  const bodies = (bucket.bodies ??= sets.map((set, k) => body(set, bucket.phrases[k]!, bucket.sources)));
  const any = (bucket.any ??= new RegExp(bodies.join('|'), 'y'));
  // test(), not exec(): a sticky match ends at lastIndex, and no match array is made.
  any.lastIndex = index;
  if (!any.test(text)) return;
  if (sets.length === 1) {
    onMatch(sets[0]!, index, any.lastIndex);
    return;
  }
  const singles = (bucket.singles ??= []);
  for (let k = 0; k < sets.length; k++) {
    const single = (singles[k] ??= new RegExp(bodies[k]!, 'y'));
    single.lastIndex = index;
    if (single.test(text)) onMatch(sets[k]!, index, single.lastIndex);
  }
}

function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
  return WORD_CHAR.test(text[i]!);
}

/** One bucket as data: its key, set numbers in PHRASE_SETS, and per set its phrases' numbers. */
type BucketData = [key: string, sets: number[], phrases: number[][]];

/**
 * The whole index as plain data, for build.mjs to put in the bundle. A phrase is filed under
 * each way it can start, so the buckets name phrases by number and each source is kept once.
 */
export interface PhraseIndexData {
  sources: string[];
  anywhere: BucketData[];
  atWordStart: BucketData[];
}

export function phraseIndexData(): PhraseIndexData {
  const sources: string[] = [];
  return { sources, anywhere: fileBuckets(true, sources), atWordStart: fileBuckets(false, sources) };
}

function fileBuckets(anywhere: boolean, sources: string[]): BucketData[] {
  const filed = new Map<string, Map<PhraseSet, number[]>>();
  for (const set of PHRASE_SETS) {
    if (Boolean(set.anywhere) !== anywhere) continue;
    for (const phrase of set.phrases) {
      const source = withoutUnicodeClasses(lowerSource(phraseSource(phrase)));
      const id = sources.push(source) - 1;
      for (const key of startKeys(source)) {
        let bySet = filed.get(key);
        if (!bySet) filed.set(key, (bySet = new Map()));
        const ids = bySet.get(set);
        if (ids) ids.push(id);
        else bySet.set(set, [id]);
      }
    }
  }
  return [...filed].map(([key, bySet]) => [key, [...bySet.keys()].map((set) => PHRASE_SETS.indexOf(set)), [...bySet.values()]]);
}

function toBuckets(data: readonly BucketData[], sources: readonly string[]): Map<string, Bucket> {
  const buckets = new Map<string, Bucket>();
  for (const [key, setNumbers, phrases] of data) buckets.set(key, { setNumbers, phrases, sources });
  return buckets;
}

/** One set's phrases of a bucket as one regex source. */
function body(set: PhraseSet, phrases: number[], sources: readonly string[]): string {
  return `${factor(phrases.map((id) => sources[id]!))}${set.open ? '' : BOUNDARY_AFTER}`;
}

const WORD = 1;
const ANYWHERE = 2;
interface PhraseIndex {
  /** Phrases that may start inside a word, then those that start a word: by key. */
  anywhere: Map<string, Bucket>;
  atWordStart: Map<string, Bucket>;
  /** Per first character: 0 nothing starts with it, WORD only at a word start, ANYWHERE also inside a word. */
  starts: Uint8Array;
}
let phraseIndex: PhraseIndex | undefined;

/** Made on first use, not at load: `webcare draft` asks its first question before it checks anything. */
function getPhraseIndex(): PhraseIndex {
  if (phraseIndex) return phraseIndex;
  const data = PREBUILT_PHRASE_INDEX === null ? phraseIndexData() : (JSON.parse(PREBUILT_PHRASE_INDEX) as PhraseIndexData);
  const anywhere = toBuckets(data.anywhere, data.sources);
  const atWordStart = toBuckets(data.atWordStart, data.sources);
  const starts = new Uint8Array(0x10000);
  for (const key of atWordStart.keys()) starts[key.charCodeAt(0)] = WORD;
  for (const key of anywhere.keys()) starts[key.charCodeAt(0)] = ANYWHERE;
  phraseIndex = { anywhere, atWordStart, starts };
  return phraseIndex;
}

/**
 * Joins phrases into one alternation, sharing a first word they have in common: "(we|wij) (A)"
 * and "(we|wij) (B)" become "(?:we|wij)\s+(?:A|B)", so the engine reads "we " once, not per phrase.
 */
function factor(sources: string[]): string {
  const byHead = new Map<string, string[]>();
  for (const source of sources) {
    const cut = firstSpace(source);
    const head = cut < 0 ? '' : source.slice(0, cut + 3);
    byHead.set(head, [...(byHead.get(head) ?? []), cut < 0 ? source : source.slice(cut + 3)]);
  }
  const parts: string[] = [];
  for (const [head, tails] of byHead) {
    if (head === '' || tails.length === 1) parts.push(...tails.map((tail) => head + tail));
    else parts.push(`${head}(?:${tails.join('|')})`);
  }
  return `(?:${parts.join('|')})`;
}

/** Where the first whitespace run (\s+) outside any group or class starts; -1 when there is none. */
function firstSpace(source: string): number {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      if (depth === 0 && source.startsWith('\\s+', i) && source[i + 3] !== '?') return i;
      i++;
    } else if (char === '[') i = classEnd(source, i);
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) return -1;
  }
  return -1;
}

/** Replaces \\p{L} and \\p{N} (in and out of [classes]) by the ranges above, so no regex needs the u flag. */
function withoutUnicodeClasses(source: string): string {
  let inClass = false;
  return source.replace(/\\p\{[LN]\}|\\.|\[|\]/g, (part) => {
    if (part === '[') inClass = true;
    else if (part === ']') inClass = false;
    else if (part === '\\p{L}') return inClass ? LETTER_RANGES : `[${LETTER_RANGES}]`;
    else if (part === '\\p{N}') return inClass ? '0-9' : '[0-9]';
    else if (part.startsWith('\\p')) throw new Error(`no regex in the lists may use ${part}`);
    return part;
  });
}

/** Lower-cases the literal characters of a regex source (not escapes like \S or \p{Lu}). */
function lowerSource(source: string): string {
  return source.replace(/\\[pP]\{[^}]*\}|\\.|[^\\]+/g, (part) => (part.startsWith('\\') ? part : part.toLowerCase()));
}

/**
 * The keys a phrase is filed under: each way it can start, up to KEY_LENGTH characters and up
 * to the first character that could be anything, with its whitespace as in scanPhrases.
 */
export function startKeys(source: string): Set<string> {
  const keys = new Set<string>();
  for (const prefix of startPrefixes(source, KEY_LENGTH)) {
    let key = '';
    for (const char of prefix) {
      if (char === ANY_CHAR) break;
      if (char === SPACE_CHAR) {
        if (!key.endsWith(SPACE)) key += SPACE;
      } else key += char;
    }
    if (key === '' || key === SPACE) throw new Error(`a phrase must start with something definite: ${source}`);
    keys.add(key);
  }
  return keys;
}
