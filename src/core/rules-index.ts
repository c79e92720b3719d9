// Makes the phrase sets fast. One big regex per set tries all its phrases at every position of
// the reply: ~100 µs a reply. Instead, each phrase is filed under the two characters it can
// start with, and at each word start only the phrases filed under the two characters found
// there are tried, all sets at once: ~10 µs. Built once, at load.
import { PHRASE_SETS, type PhraseSet } from './rules-sets.js';

const BOUNDARY_AFTER = '(?![\\p{L}\\p{N}_])';
const WORD_CHAR = /[\p{L}\p{N}_]/u;
/** Second character of a key when a phrase can go on with any character there. */
const ANY = 0;

interface Bucket {
  /** Every set's phrases for this start in one regex: most places match none of them. */
  any: RegExp;
  sets: PhraseSet[];
  /** The same per set, run only where `any` matched. */
  singles: RegExp[];
}

export type OnMatch = (set: PhraseSet, index: number, end: number) => void;

/** Calls onMatch for every phrase match of every set, in text order. */
export function scanPhrases(text: string, onMatch: OnMatch): void {
  // Matching runs on the lower-cased text (same length, so indexes hold) with case-sensitive regexes.
  let lower = text.toLowerCase();
  if (lower.length !== text.length) lower = text.replace(/\u0130/g, 'I').toLowerCase();
  if (lower.length !== text.length) lower = text;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    const starts = STARTS[code]!;
    if (starts === 0) continue;
    const atWordStart = i === 0 || !isWordChar(lower, i - 1);
    if (starts === WORD && !atWordStart) continue;
    const first = code * 0x10000;
    const second = first + (i + 1 < lower.length ? lower.charCodeAt(i + 1) : 0xffff);
    for (const buckets of atWordStart ? BOTH : ANYWHERE_ONLY) {
      const exact = buckets.get(second);
      if (exact) tryBucket(exact, lower, i, onMatch);
      const loose = buckets.get(first + ANY);
      if (loose) tryBucket(loose, lower, i, onMatch);
    }
  }
}

function tryBucket(bucket: Bucket, text: string, index: number, onMatch: OnMatch): void {
  bucket.any.lastIndex = index;
  if (!bucket.any.test(text)) return;
  for (let k = 0; k < bucket.sets.length; k++) {
    const single = bucket.singles[k]!;
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
      const source = lowerSource(phrase);
      for (const key of startKeys(source)) {
        const bySet = filed.get(key) ?? new Map<PhraseSet, string[]>();
        filed.set(key, bySet);
        bySet.set(set, [...(bySet.get(set) ?? []), source]);
      }
    }
  }
  const buckets = new Map<number, Bucket>();
  for (const [key, bySet] of filed) {
    const sets = [...bySet.keys()];
    const bodies = sets.map((set) => `${factor(bySet.get(set)!)}${set.open ? '' : BOUNDARY_AFTER}`);
    buckets.set(key, { any: new RegExp(bodies.join('|'), 'uy'), sets, singles: bodies.map((body) => new RegExp(body, 'uy')) });
  }
  return buckets;
}

const ANYWHERE_ONLY = [buildBuckets(true)];
const BOTH = [ANYWHERE_ONLY[0]!, buildBuckets(false)];
/** Per first character: 0 nothing starts with it, WORD only at a word start, 2 also inside a word. */
const WORD = 1;
const STARTS = new Uint8Array(0x10000);
for (const key of BOTH[1]!.keys()) STARTS[Math.floor(key / 0x10000)] = WORD;
for (const key of BOTH[0]!.keys()) STARTS[Math.floor(key / 0x10000)] = 2;

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

/** Lower-cases the literal characters of a regex source (not escapes like \S or \p{Lu}). */
function lowerSource(source: string): string {
  return source.replace(/\\[pP]\{[^}]*\}|\\.|[^\\]+/g, (part) => (part.startsWith('\\') ? part : part.toLowerCase()));
}

/** The keys (first character, second character or ANY) a phrase can start with. */
export function startKeys(source: string): Set<number> {
  const keys = new Set<number>();
  for (const prefix of sequencePrefixes(parse(source), 2)) {
    if (prefix === '' || prefix[0] === '\0') throw new Error(`a phrase must start with something definite: ${source}`);
    const second = prefix.length < 2 || prefix[1] === '\0' ? ANY : prefix.charCodeAt(1);
    keys.add(prefix.charCodeAt(0) * 0x10000 + second);
  }
  return keys;
}

// A small parser for the regex subset the phrase lists use, enough to know how a match starts.
// '\0' stands for "any character".
type Atom = { chars: string[] } | { options: Item[][] } | { zero: true };
interface Item {
  atom: Atom;
  min: number;
  max: number;
}

function parse(source: string): Item[] {
  let i = 0;
  const alternation = (): Item[][] => {
    const options: Item[][] = [[]];
    while (i < source.length && source[i] !== ')') {
      if (source[i] === '|') {
        i++;
        options.push([]);
      } else options[options.length - 1]!.push(item());
    }
    return options;
  };
  const item = (): Item => {
    const atom = parseAtom();
    let min = 1;
    let max = 1;
    const quantifier = source[i];
    if (quantifier === '?' || quantifier === '*' || quantifier === '+') {
      [min, max] = quantifier === '?' ? [0, 1] : quantifier === '*' ? [0, Infinity] : [1, Infinity];
      i++;
    } else if (quantifier === '{') {
      const close = source.indexOf('}', i);
      const [low, high] = source.slice(i + 1, close).split(',');
      min = Number(low);
      max = high === undefined ? min : high === '' ? Infinity : Number(high);
      i = close + 1;
    }
    if (source[i] === '?') i++;
    return { atom, min, max };
  };
  const parseAtom = (): Atom => {
    const char = source[i]!;
    if (char === '(') {
      const lookaround = /^\(\?<?[=!]/.test(source.slice(i, i + 4));
      if (lookaround) i += source[i + 2] === '<' ? 4 : 3;
      else if (source.startsWith('(?:', i)) i += 3;
      else if (source.startsWith('(?<', i)) i = source.indexOf('>', i) + 1;
      else i++;
      const options = alternation();
      i++; // the closing parenthesis
      return lookaround ? { zero: true } : { options };
    }
    if (char === '[') {
      const close = classEnd(source, i);
      const body = source.slice(i + 1, close);
      i = close + 1;
      if (body.startsWith('^') || /\\[pPdDsSwW]|[^\\]-./.test(body)) return { chars: ['\0'] };
      return { chars: (body.match(/\\x[0-9a-f]{2}|\\.|./gi) ?? []).map(unescape) };
    }
    if (char === '^' || char === '$') return i++, { zero: true };
    if (char === '\\') {
      const next = source[i + 1]!;
      if (next === 'p' || next === 'P') return (i = source.indexOf('}', i) + 1), { chars: ['\0'] };
      const part = source.slice(i, next === 'x' ? i + 4 : i + 2);
      i += part.length;
      return { chars: [/^\\[dDsSwW]$/.test(part) ? '\0' : unescape(part)] };
    }
    i++;
    return { chars: [char === '.' ? '\0' : char] };
  };
  return [{ atom: { options: alternation() }, min: 1, max: 1 }];
}

function classEnd(source: string, start: number): number {
  let j = start + 1;
  while (source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
  return j;
}

/** Every way the items can start, cut to `length` characters; shorter strings are complete matches. */
function sequencePrefixes(items: Item[], length: number): Set<string> {
  let current = new Set(['']);
  for (const item of items) {
    const next = new Set<string>();
    for (const start of current) {
      if (start.length >= length) next.add(start);
      else for (const rest of itemPrefixes(item, length - start.length)) next.add(start + rest);
    }
    current = next;
  }
  return current;
}

function itemPrefixes(item: Item, length: number): Set<string> {
  const result = new Set<string>();
  let repeated = new Set(['']);
  for (let times = 0; times <= Math.min(item.max, item.min + length); times++) {
    for (const start of repeated) if (times >= item.min || start.length >= length) result.add(start);
    const next = new Set<string>();
    for (const start of repeated) {
      if (start.length >= length) continue;
      for (const rest of atomPrefixes(item.atom, length - start.length)) next.add((start + rest).slice(0, length));
    }
    repeated = next;
  }
  return result;
}

function atomPrefixes(atom: Atom, length: number): Set<string> {
  if ('zero' in atom) return new Set(['']);
  if ('chars' in atom) return new Set(atom.chars);
  const result = new Set<string>();
  for (const option of atom.options) for (const prefix of sequencePrefixes(option, length)) result.add(prefix);
  return result;
}

function unescape(part: string): string {
  if (part.startsWith('\\x')) return String.fromCharCode(parseInt(part.slice(2), 16));
  if (part === '\\t') return '\t';
  if (part === '\\n') return '\n';
  return part.startsWith('\\') ? part.slice(1) : part;
}
