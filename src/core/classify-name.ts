// The customer's name, when the message shows it: a signature ("Groet, Marja", "Gr. Piet",
// "— Dennis Voorn (@VoornDennis)", "Thanks, Sarah") or an introduction ("ik ben Anna",
// "My name is Daniel O'Brien"). Never a company, a handle or a common word.
//
// Read by hand, not by regex: a name regex needs \p{Lu} and \p{Ll} a dozen times over, and V8
// took some 25 ms to compile those, which every `draft` waited for before its first question.
import { keyOf } from './cues.js';
import type { Compiled } from './cues.js';

const PARTICLES = new Set(['van', 'de', 'der', 'den', 'het', 'ten', 'ter', 'te', 'von', 'la', 'le', 'du', 'da', 'di', 'del', 'el', "'t", "d'"]);
const TITLES = new Set(['mevr', 'mevrouw', 'mw', 'dhr', 'hr', 'meneer', 'mr', 'mrs', 'ms', 'dr']);
const DASHES = '—–~^-';
// Where a sentence may start on the last line: after . ! ? or an emoji.
const SENTENCE_START = /[.!?\p{Extended_Pictographic}]\uFE0F?\s+/gu;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const SPACE = /\s/;

const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const isLower = (ch: string) => ch !== ch.toUpperCase() && ch === ch.toLowerCase();
const isMark = (ch: string) => {
  const c = ch.charCodeAt(0);
  return (c >= 0x300 && c <= 0x36f) || (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff);
};
const isSpace = (ch: string | undefined) => ch !== undefined && SPACE.test(ch);

/** End of the lower-case run ("arja" in "Marja", accents included) at i, or -1 when empty. */
function lowerRun(s: string, i: number): number {
  let j = i;
  while (j < s.length && (isLower(s[j]!) || isMark(s[j]!))) j++;
  return j > i ? j : -1;
}

/** A capital and a lower-case run: "Marja", "Donald" of "McDonald". */
function capitalised(s: string, i: number): number {
  return i < s.length && isUpper(s[i]!) ? lowerRun(s, i + 1) : -1;
}

/** A name word: "Marja", "Zoë", "Jan-Willem", "O'Brien", "McDonald". End index, or -1. */
function nameWord(s: string, i: number): number {
  let end = -1;
  if (isUpper(s[i] ?? '') && (s[i + 1] === "'" || s[i + 1] === '’')) end = capitalised(s, i + 2);
  if (end < 0) end = capitalised(s, i);
  if (end < 0) return -1;
  end = Math.max(end, capitalised(s, end));
  while (s[end] === '-') {
    const next = capitalised(s, end + 1);
    if (next < 0) break;
    end = next;
  }
  return end;
}

function spaces(s: string, i: number): number {
  let j = i;
  while (isSpace(s[j])) j++;
  return j;
}

/** The run of letters and apostrophes at i: a particle or title is one of these. */
function letters(s: string, i: number): string {
  let j = i;
  while (j < s.length && (s[j] === "'" || isUpper(s[j]!) || isLower(s[j]!))) j++;
  return s.slice(i, j);
}

/** Up to three particles at i, each followed by spaces ("van de "), capitalised or not. */
function particleEnds(s: string, i: number): number[] {
  const ends = [i];
  for (let at = i; ends.length <= 3; ) {
    const word = letters(s, at);
    const after = at + word.length;
    if (word === '' || !PARTICLES.has(word[0]!.toLowerCase() + word.slice(1)) || !isSpace(s[after])) break;
    at = spaces(s, after);
    ends.push(at);
  }
  return ends;
}

/** Particles, then a name word; the most particles that still leave a word after them. */
function particlesAndWord(s: string, i: number): number {
  const ends = particleEnds(s, i);
  for (let k = ends.length - 1; k >= 0; k--) {
    const end = nameWord(s, ends[k]!);
    if (end > 0) return end;
  }
  return -1;
}

/** Initials ("R. ", "J.K. ") or a title ("Mevr. ", "Mr "), with particles after: where the name word starts. */
function prefixEnd(s: string, i: number): number {
  let at = i;
  let initials = 0;
  while (initials < 3 && isUpper(s[at] ?? '') && s[at + 1] === '.') {
    at += 2;
    if (isSpace(s[at])) at++;
    initials++;
  }
  if (initials === 0) {
    const word = letters(s, i);
    if (word === '' || !TITLES.has(word[0]!.toLowerCase() + word.slice(1))) return -1;
    at = i + word.length + (s[i + word.length] === '.' ? 1 : 0);
    if (!isSpace(s[at])) return -1;
    at = spaces(s, at);
  }
  const ends = particleEnds(s, at);
  return ends[ends.length - 1]!;
}

interface NameShape {
  /** The name must start with initials or a title. */
  formal?: boolean;
  /** Words after the first (not counting particles). */
  maxMore: number;
  /** May end in an initial: "Karen M.". */
  endInitial: boolean;
}
const FULL: NameShape = { maxMore: 3, endInitial: true };
const FORMAL: NameShape = { formal: true, maxMore: 2, endInitial: false };

/** The end of the longest name at i ("Mevr. de Vries", "Dennis Voorn", "Karen M."), or -1. */
function nameAt(s: string, i: number, shape: NameShape): number {
  // With initials or a title first, and when that reads no name, without: "Mw" is also a word.
  const starts = [prefixEnd(s, i), shape.formal ? -1 : i].filter((start) => start >= 0);
  for (const start of starts) {
    let end = nameWord(s, start);
    if (end < 0) continue;
    for (let more = 0; more < shape.maxMore && isSpace(s[end]); more++) {
      const next = particlesAndWord(s, spaces(s, end));
      if (next < 0) break;
      end = next;
    }
    if (shape.endInitial && isSpace(s[end])) {
      const at = spaces(s, end);
      if (isUpper(s[at] ?? '') && s[at + 1] === '.') end = at + 2;
    }
    return end;
  }
  return -1;
}

/** After a name: nothing, or a handle in brackets, emoji, full stops. */
function onlyTrailFrom(s: string, i: number): boolean {
  let at = spaces(s, i);
  const handle = /^\(@\w+\)/.exec(s.slice(at, at + 60));
  if (handle) at += handle[0].length;
  for (const ch of s.slice(at)) {
    if (!(isSpace(ch) || ch === '.' || ch === '!' || ch === '\uFE0F' || ch === '\u200D' || PICTOGRAPH.test(ch))) return false;
  }
  return true;
}

/** "— Priya Nair, Nair Delicatessen": a company or role of up to 40 characters after a comma. */
function companyThen(s: string, i: number, rest: (s: string, at: number) => boolean): boolean {
  if (s[i] !== ',') return false;
  for (let k = i + 1; k <= i + 40 && k < s.length && s[k] !== ',' && s[k] !== '\n'; k++) if (rest(s, k + 1)) return true;
  return false;
}

const atEnd = (s: string, i: number) => i === s.length;

/** "— Dennis Voorn (@VoornDennis)", "^Tom", "~ R. van Dijk, Bakkerij": a name after a dash closing the line. */
function dashedName(line: string): string | null {
  for (let p = 0; p < line.length; p++) {
    if (!DASHES.includes(line[p]!) || (p > 0 && !isSpace(line[p - 1]))) continue;
    for (const dashes of DASHES.includes(line[p + 1] ?? '') ? [2, 1] : [1]) {
      const start = spaces(line, p + dashes);
      const end = nameAt(line, start, FULL);
      if (end > 0 && (onlyTrailFrom(line, end) || companyThen(line, end, onlyTrailFrom))) return line.slice(start, end);
    }
  }
  return null;
}

/** A first name on its own after the last sentence: "... today please. Dave" (not "... Sure."). */
function singleName(segment: string): string | null {
  let end = capitalised(segment, 0);
  if (end < 3) return null;
  if (segment[end] === '-') end = Math.max(end, capitalised(segment, end + 1));
  return spaces(segment, end) === segment.length ? segment.slice(0, end) : null;
}

/** The text before ends with an initial ("... H."): the word after it is a last name, not a first. */
function afterInitial(before: string): boolean {
  const t = before.trimEnd();
  return t.endsWith('.') && isUpper(t[t.length - 2] ?? '') && (t.length === 2 || isSpace(t[t.length - 3]));
}

interface NameCues {
  /** Sign-offs, longest first, each with whether it needs a comma before the name (thanks do). */
  signoffs: [string, boolean][];
  /** "ik ben ", "my name is ": where an introduced name starts. */
  introduction: RegExp;
  /** "geholpen door " before a colleague's name, or the word before "van jullie" (group 1). */
  colleague: RegExp;
}
const prepared = new WeakMap<Compiled, NameCues>();

function caseless(phrase: string): string {
  return [...phrase]
    .map((ch) =>
      ch === ' '
        ? String.raw`\s+`
        : ch === "'"
          ? "['’]"
          : ch.toUpperCase() !== ch
            ? `[${ch.toUpperCase()}${ch}]`
            : ch.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'),
    )
    .join('');
}

function prepare(compiled: Compiled): NameCues {
  let cues = prepared.get(compiled);
  if (!cues) {
    const { signoffs, thanks, introductions, colleagueBefore, colleagueAfter } = compiled.cues;
    const before = colleagueBefore.map(caseless).join('|');
    const after = colleagueAfter.map(caseless).join('|');
    cues = {
      signoffs: [
        ...signoffs.map((s) => [s, false] as [string, boolean]),
        ...thanks.map((s) => [s, true] as [string, boolean]),
      ].sort((a, b) => b[0].length - a[0].length),
      introduction: new RegExp(String.raw`(?:^|[\s,.!?;:])(?:${introductions.map(caseless).join('|')})\s+`, 'g'),
      // Before: the marker, then the name. After: a word (nameWord checks it is a name), then the marker.
      colleague: new RegExp(String.raw`(?:^|[\s,.!?;:(])(?:(?:${before})\s+(?=\S)|(\S+)\s+(?:${after})(?![a-z]))`, 'g'),
    };
    prepared.set(compiled, cues);
  }
  return cues;
}

/** A name only when no word of it is a cue, a common word or a "not a name" word. */
function plausible(name: string, compiled: Compiled): boolean {
  return name
    .split(/\s+/)
    .filter((word) => !PARTICLES.has(word.toLowerCase()))
    .every((word) => {
      const key = keyOf(word);
      return !compiled.notNames.has(key) && !compiled.words.has(key) && !compiled.negators.has(key);
    });
}

/** The candidate is a name and nothing else (a handle, emoji or full stop may follow). */
function nameIn(candidate: string | undefined, compiled: Compiled): string | null {
  if (candidate === undefined) return null;
  const text = candidate.trim();
  const end = nameAt(text, 0, FULL);
  const name = end > 0 && onlyTrailFrom(text, end) ? text.slice(0, end) : null;
  return name && plausible(name, compiled) ? name : null;
}

/** "Mevr. Postma", "R. van Dijk, Bakkerij Dijk": with initials or a title, the whole segment. */
function formalName(segment: string): string | null {
  const end = nameAt(segment, 0, FORMAL);
  return end > 0 && (atEnd(segment, end) || companyThen(segment, end, atEnd)) ? segment.slice(0, end) : null;
}

/** "Groet, Marja" / "Gr. Piet" / "Thanks, Sarah": the name after a sign-off on the same line. */
function afterSignoff(segment: string, cues: NameCues, compiled: Compiled): string | null {
  const lower = segment.toLowerCase();
  for (const [signoff, needsComma] of cues.signoffs) {
    if (!lower.startsWith(signoff) || /\p{L}/u.test(segment[signoff.length] ?? '')) continue;
    const rest = segment.slice(signoff.length);
    const separator = (needsComma ? /^\s*[,:–—-]\s*/ : /^[.,:!]*\s+|^[.,:]+\s*/).exec(rest);
    if (separator) return nameIn(rest.slice(separator[0].length), compiled);
  }
  return null;
}

function isSignoff(line: string, cues: NameCues): boolean {
  const bare = line.toLowerCase().replace(/[\s,.!:]+$/, '');
  return cues.signoffs.some(([signoff]) => bare === signoff);
}

function introducedName(text: string, cues: NameCues, compiled: Compiled): string | null {
  const { introduction } = cues;
  introduction.lastIndex = 0;
  for (let match = introduction.exec(text); match; match = introduction.exec(text)) {
    const start = match.index + match[0].length;
    const end = nameAt(text, start, FULL);
    if (end > 0) {
      const name = text.slice(start, end);
      return plausible(name, compiled) ? name : null;
    }
    introduction.lastIndex = match.index + 1;
  }
  return null;
}

/** The name as the message writes it ("Dennis Voorn", "Zoë"), or null. */
export function findName(text: string, compiled: Compiled): string | null {
  const cues = prepare(compiled);
  const lines = text.trimEnd().split('\n');
  const last = lines[lines.length - 1]!.trim();
  const dashed = dashedName(last);
  if (dashed && plausible(dashed, compiled)) return dashed;
  // The last line, then each sentence ending it ("... Dank u wel. Mevr. Postma", "... 👍 Groet, Willem").
  const starts = [0, ...[...last.matchAll(SENTENCE_START)].map((m) => m.index! + m[0].length)].slice(-6);
  for (const start of starts) {
    const segment = last.slice(start).trim();
    const name = afterSignoff(segment, cues, compiled);
    if (name) return name;
    const formal = start > 0 ? formalName(segment) : null;
    if (formal && plausible(formal, compiled)) return formal;
    const single = start > 0 && start === starts[starts.length - 1] && !afterInitial(last.slice(0, start)) ? singleName(segment) : null;
    if (single && plausible(single, compiled)) return single;
  }
  // A name alone on the last line, set apart by a blank line or under a sign-off ("Groet,"),
  // or under a finished sentence ("...again.\nThomas Berg", "...rechtzetten?\nNoor").
  const lineBefore = lines.length >= 2 ? lines[lines.length - 2]!.trim() : null;
  const underSentence = lineBefore !== null && /[.!?)]$/.test(lineBefore);
  if (lineBefore !== null && (lineBefore === '' || underSentence || isSignoff(lineBefore, cues))) {
    const name = nameIn(last, compiled);
    if (name) return name;
  }
  return introducedName(text, cues, compiled);
}

/**
 * The first name of a colleague the message names ("geholpen door Youssef", "Mark from your
 * team", "Anouk aan de balie"), so that praise can be passed on to them by name. Never the
 * customer, a company (a lone capitalised word after "thanks to" often is) or a word of ours.
 */
export function findColleague(text: string, compiled: Compiled, customer: string | null): string | null {
  const markers = prepare(compiled).colleague;
  const customerWords = new Set((customer ?? '').split(/\s+/));
  markers.lastIndex = 0;
  for (let match = markers.exec(text); match; match = markers.exec(text)) {
    const start = match[1] === undefined ? match.index + match[0].length : match.index + match[0].indexOf(match[1]);
    const end = nameWord(text, start);
    const name = end > 0 ? text.slice(start, end) : null;
    if (name && (match[1] === undefined || end === start + match[1].replace(/[,.!?;:]+$/, '').length) && !customerWords.has(name) && plausible(name, compiled)) {
      return name;
    }
    markers.lastIndex = match.index + 1;
  }
  return null;
}
