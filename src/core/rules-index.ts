// Makes the phrase sets fast. One big regex per set tries all its phrases at every position of
// the reply: ~100 µs a reply. Instead, each phrase is filed under the two characters it can
// start with, and at each word start only the phrases filed under the two characters found
// there are tried, all sets at once: ~10 µs. Filed at load, compiled on first use.
import { ANY_CHAR, classEnd, startPrefixes } from './rules-prefix.js';
import { PHRASE_SETS, type PhraseSet } from './rules-sets.js';

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
  /** Per set: its phrases for this start. */
  sources: string[][];
  /** Per set: those phrases as one regex source, made on first use. */
  bodies?: string[];
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
  const { anywhereOnly, both, starts: startsAt } = getPhraseIndex();
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    const starts = startsAt[code]!;
    if (starts === 0) continue;
    const atWordStart = i === 0 || !isWordChar(lower, i - 1);
    if (starts === WORD && !atWordStart) continue;
    const first = code * 0x10000;
    const second = first + (i + 1 < lower.length ? lower.charCodeAt(i + 1) : 0xffff);
    for (const buckets of atWordStart ? both : anywhereOnly) {
      const exact = buckets.get(second);
      if (exact) tryBucket(exact, lower, i, onMatch);
      const loose = buckets.get(first + ANY);
      if (loose) tryBucket(loose, lower, i, onMatch);
    }
  }
}

function tryBucket(bucket: Bucket, text: string, index: number, onMatch: OnMatch): void {
  // Regexes are compiled when first needed: `webcare check --text` touches a few dozen of them.
  const bodies = (bucket.bodies ??= bucket.sets.map((set, k) => `${factor(bucket.sources[k]!)}${set.open ? '' : BOUNDARY_AFTER}`));
  const any = (bucket.any ??= new RegExp(bodies.join('|'), 'y'));
  any.lastIndex = index;
  if (bucket.sets.length === 1) {
    const match = any.exec(text);
    if (match) onMatch(bucket.sets[0]!, index, index + match[0].length);
    return;
  }
  if (!any.test(text)) return;
  for (let k = 0; k < bucket.sets.length; k++) {
    const single = (bucket.singles[k] ??= new RegExp(bodies[k]!, 'y'));
    single.lastIndex = index;
    const match = single.exec(text);
    if (match) onMatch(bucket.sets[k]!, index, index + match[0].length);
  }
}

function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
  return WORD_CHAR.test(text[i]!);
}

function buildBuckets(anywhere: boolean): Map<number, Bucket> {
  const filed = new Map<number, Map<PhraseSet, string[]>>();
  for (const set of PHRASE_SETS) {
    if (Boolean(set.anywhere) !== anywhere) continue;
    for (const phrase of set.phrases) {
      const source = withoutUnicodeClasses(lowerSource(phrase));
      for (const key of startKeys(source)) {
        let bySet = filed.get(key);
        if (!bySet) filed.set(key, (bySet = new Map()));
        const sources = bySet.get(set);
        if (sources) sources.push(source);
        else bySet.set(set, [source]);
      }
    }
  }
  const buckets = new Map<number, Bucket>();
  for (const [key, bySet] of filed) {
    buckets.set(key, { sets: [...bySet.keys()], sources: [...bySet.values()], singles: [] });
  }
  return buckets;
}

const WORD = 1;
interface PhraseIndex {
  anywhereOnly: Map<number, Bucket>[];
  both: Map<number, Bucket>[];
  /** Per first character: 0 nothing starts with it, WORD only at a word start, 2 also inside a word. */
  starts: Uint8Array;
}
let phraseIndex: PhraseIndex | undefined;

/** Filed on first use, not at load: `webcare draft` asks its first question before it checks anything. */
function getPhraseIndex(): PhraseIndex {
  if (phraseIndex) return phraseIndex;
  const anywhere = buildBuckets(true);
  const atWordStart = buildBuckets(false);
  const starts = new Uint8Array(0x10000);
  for (const key of atWordStart.keys()) starts[Math.floor(key / 0x10000)] = WORD;
  for (const key of anywhere.keys()) starts[Math.floor(key / 0x10000)] = 2;
  phraseIndex = { anywhereOnly: [anywhere], both: [anywhere, atWordStart], starts };
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
