// Makes the phrase sets fast. One big regex per set tries all its phrases at every position of
// the reply: ~100 µs a reply. Instead, each phrase is filed under the two characters it can
// start with, and at each word start only the phrases filed under the two characters found
// there are tried, all sets at once: ~10 µs. Filing takes tens of milliseconds, so build.mjs
// does it once and the bundle carries the result (rules-prebuilt.ts); regexes compile on first use.
import { PREBUILT_PHRASE_INDEX } from './rules-prebuilt.js';
import { ANY_CHAR, classEnd, startPrefixes } from './rules-prefix.js';
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
/** Second character of a key when a phrase can go on with any character there. */
const ANY = 0;

interface Bucket {
  sets: PhraseSet[];
  /** Per set: its phrases for this start as one regex source. */
  bodies: string[];
  /** Every set's phrases in one regex (most places match none of them); compiled on first use. */
  any?: RegExp;
  /** The same per set, compiled only once `any` matched somewhere. */
  singles: (RegExp | undefined)[];
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
    const code = lower.charCodeAt(i);
    const starts = startsAt[code]!;
    if (starts === 0) continue;
    const wordStart = i === 0 || !isWordChar(lower, i - 1);
    if (starts === WORD && !wordStart) continue;
    const next = i + 1 < lower.length ? lower.charCodeAt(i + 1) : 0xffff;
    if (starts === ANYWHERE) tryStart(anywhere.get(code)!, next, lower, i, onMatch);
    if (wordStart) {
      const bySecond = atWordStart.get(code);
      if (bySecond) tryStart(bySecond, next, lower, i, onMatch);
    }
  }
}

/** The phrases filed under this first character: those for the next character, then those for any. */
function tryStart(bySecond: Map<number, Bucket>, next: number, text: string, index: number, onMatch: OnMatch): void {
  const exact = bySecond.get(next);
  if (exact) tryBucket(exact, text, index, onMatch);
  const loose = bySecond.get(ANY);
  if (loose) tryBucket(loose, text, index, onMatch);
}

function tryBucket(bucket: Bucket, text: string, index: number, onMatch: OnMatch): void {
  // Regexes are compiled when first needed: `webcare check --text` touches a few dozen of them.
  const { bodies } = bucket;
  const any = (bucket.any ??= new RegExp(bodies.join('|'), 'y'));
  // test(), not exec(): a sticky match ends at lastIndex, and no match array is made.
  any.lastIndex = index;
  if (!any.test(text)) return;
  if (bucket.sets.length === 1) {
    onMatch(bucket.sets[0]!, index, any.lastIndex);
    return;
  }
  for (let k = 0; k < bucket.sets.length; k++) {
    const single = (bucket.singles[k] ??= new RegExp(bodies[k]!, 'y'));
    single.lastIndex = index;
    if (single.test(text)) onMatch(bucket.sets[k]!, index, single.lastIndex);
  }
}

function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
  return WORD_CHAR.test(text[i]!);
}

/** One bucket as data: first character, second character (or ANY), set numbers in PHRASE_SETS, regex body per set. */
type BucketData = [first: number, second: number, sets: number[], bodies: string[]];

/** The whole index as plain data, for build.mjs to put in the bundle. */
export interface PhraseIndexData {
  anywhere: BucketData[];
  atWordStart: BucketData[];
}

export function phraseIndexData(): PhraseIndexData {
  return { anywhere: fileBuckets(true), atWordStart: fileBuckets(false) };
}

function fileBuckets(anywhere: boolean): BucketData[] {
  const filed = new Map<number, Map<PhraseSet, string[]>>();
  for (const set of PHRASE_SETS) {
    if (Boolean(set.anywhere) !== anywhere) continue;
    for (const phrase of set.phrases) {
      const source = withoutUnicodeClasses(lowerSource(phraseSource(phrase)));
      for (const key of startKeys(source)) {
        let bySet = filed.get(key);
        if (!bySet) filed.set(key, (bySet = new Map()));
        const sources = bySet.get(set);
        if (sources) sources.push(source);
        else bySet.set(set, [source]);
      }
    }
  }
  return [...filed].map(([key, bySet]) => [
    Math.floor(key / 0x10000),
    key % 0x10000,
    [...bySet.keys()].map((set) => PHRASE_SETS.indexOf(set)),
    [...bySet].map(([set, sources]) => `${factor(sources)}${set.open ? '' : BOUNDARY_AFTER}`),
  ]);
}

/** Buckets by first character, then by second character (or ANY). */
function toBuckets(data: readonly BucketData[]): Map<number, Map<number, Bucket>> {
  const buckets = new Map<number, Map<number, Bucket>>();
  for (const [first, second, sets, bodies] of data) {
    let bySecond = buckets.get(first);
    if (!bySecond) buckets.set(first, (bySecond = new Map()));
    bySecond.set(second, { sets: sets.map((k) => PHRASE_SETS[k]!), bodies, singles: [] });
  }
  return buckets;
}

const WORD = 1;
const ANYWHERE = 2;
interface PhraseIndex {
  /** Phrases that may start inside a word, then those that start a word: by first, then second character. */
  anywhere: Map<number, Map<number, Bucket>>;
  atWordStart: Map<number, Map<number, Bucket>>;
  /** Per first character: 0 nothing starts with it, WORD only at a word start, ANYWHERE also inside a word. */
  starts: Uint8Array;
}
let phraseIndex: PhraseIndex | undefined;

/** Made on first use, not at load: `webcare draft` asks its first question before it checks anything. */
function getPhraseIndex(): PhraseIndex {
  if (phraseIndex) return phraseIndex;
  const data = PREBUILT_PHRASE_INDEX === null ? phraseIndexData() : (JSON.parse(PREBUILT_PHRASE_INDEX) as PhraseIndexData);
  const anywhere = toBuckets(data.anywhere);
  const atWordStart = toBuckets(data.atWordStart);
  const starts = new Uint8Array(0x10000);
  for (const first of atWordStart.keys()) starts[first] = WORD;
  for (const first of anywhere.keys()) starts[first] = ANYWHERE;
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

/** The keys (first character, second character or ANY) a phrase can start with. */
export function startKeys(source: string): Set<number> {
  const keys = new Set<number>();
  for (const prefix of startPrefixes(source, 2)) {
    if (prefix === '' || prefix[0] === ANY_CHAR) throw new Error(`a phrase must start with something definite: ${source}`);
    const second = prefix.length < 2 || prefix[1] === ANY_CHAR ? ANY : prefix.charCodeAt(1);
    keys.add(prefix.charCodeAt(0) * 0x10000 + second);
  }
  return keys;
}
