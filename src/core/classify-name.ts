// The customer's name, when the message shows it: a signature ("Groet, Marja", "Gr. Piet",
// "— Dennis Voorn (@VoornDennis)", "Thanks, Sarah") or an introduction ("ik ben Anna",
// "My name is Daniel O'Brien"). Never a company, a handle or a common word.
import { keyOf } from './cues.js';
import type { Compiled } from './cues.js';

// A name word: "Marja", "Zoë", "Jan-Willem", "O'Brien", "McDonald"; particles in between: "de Wit".
const WORD = String.raw`(?:\p{Lu}['’])?\p{Lu}[\p{Ll}\p{M}]+(?:\p{Lu}[\p{Ll}\p{M}]+)?(?:-\p{Lu}[\p{Ll}\p{M}]+)*`;
const PARTICLES = new Set(['van', 'de', 'der', 'den', 'het', 'ten', 'ter', 'te', 'von', 'la', 'le', 'du', 'da', 'di', 'del', "'t", "d'"]);
// After a title or an initial a particle is capitalised: "mevrouw De Vries", "J. Van Dam".
const PARTICLE = `(?:${[...PARTICLES].map((p) => `[${p[0]!.toUpperCase()}${p[0]}]${p.slice(1)}`).join('|')})`;
// Before it, initials or a title: "R. van Dijk", "J. Hoekstra", "Mevr. Postma", "Hr. Jansen".
const INITIALS = String.raw`(?:\p{Lu}\.\s?){1,3}(?:${PARTICLE}\s+){0,3}`;
const TITLE = String.raw`(?:[Mm]evr|[Mm]evrouw|[Mm]w|[Dd]hr|[Hh]r|[Mm]eneer|[Mm]r|[Mm]rs|[Mm]s|[Dd]r)\.?\s+(?:${PARTICLE}\s+){0,3}`;
// A last name may be only an initial: "Karen M.".
const FULL = String.raw`(?:${INITIALS}|${TITLE})?${WORD}(?:\s+(?:${PARTICLE}\s+){0,3}${WORD}){0,3}(?:\s+\p{Lu}\.)?`;
// A name that cannot be an ordinary word: with initials or a title.
const FORMAL = new RegExp(String.raw`^((?:${INITIALS}|${TITLE})${WORD}(?:\s+(?:${PARTICLE}\s+){0,3}${WORD}){0,2})(?:,[^\n,]{1,40})?${'$'}`, 'u');
// A first name on its own after the last sentence: "... today please. Dave".
// No full stop after it: "... Every. Single. Time." and "Sure." are words, not names.
const SINGLE = /^(\p{Lu}[\p{Ll}\p{M}]{2,}(?:-\p{Lu}[\p{Ll}\p{M}]+)?)\s*$/u;
const AFTER_INITIAL = /(?:^|\s)\p{Lu}\.\s*$/u;
// Where a sentence may start on the last line: after . ! ? or an emoji.
const SENTENCE_START = /[.!?\p{Extended_Pictographic}]\uFE0F?\s+/gu;
// After the name: a handle in brackets, emoji, a full stop.
const TRAIL = String.raw`\s*(?:\(@\w+\))?[\s.!\p{Extended_Pictographic}\u{FE0F}\u{200D}]*$`;
const NAME_ONLY = new RegExp(String.raw`^(${FULL})${TRAIL}`, 'u');
// "— Priya Nair, Nair Delicatessen": a company or role after a comma.
// "^Tom" too: customers copy the caret from webcare signatures.
const DASHED = new RegExp(String.raw`(?:^|\s)[—–~^-]{1,2}\s*(${FULL})(?:,[^\n,]{1,40})?${TRAIL}`, 'u');

interface NameCues {
  /** Sign-offs, longest first, each with whether it needs a comma before the name (thanks do). */
  signoffs: [string, boolean][];
  introduction: RegExp;
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
    const { signoffs, thanks, introductions } = compiled.cues;
    cues = {
      signoffs: [
        ...signoffs.map((s) => [s, false] as [string, boolean]),
        ...thanks.map((s) => [s, true] as [string, boolean]),
      ].sort((a, b) => b[0].length - a[0].length),
      introduction: new RegExp(String.raw`(?:^|[\s,.!?;:])(?:${introductions.map(caseless).join('|')})\s+(${FULL})`, 'u'),
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

function nameIn(candidate: string | undefined, compiled: Compiled): string | null {
  const match = candidate === undefined ? null : NAME_ONLY.exec(candidate.trim());
  return match && plausible(match[1]!, compiled) ? match[1]! : null;
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

/** The name as the message writes it ("Dennis Voorn", "Zoë"), or null. */
export function findName(text: string, compiled: Compiled): string | null {
  const cues = prepare(compiled);
  const lines = text.trimEnd().split('\n');
  const last = lines[lines.length - 1]!.trim();
  const dashed = DASHED.exec(last);
  if (dashed && plausible(dashed[1]!, compiled)) return dashed[1]!;
  // The last line, then each sentence ending it ("... Dank u wel. Mevr. Postma", "... 👍 Groet, Willem").
  const starts = [0, ...[...last.matchAll(SENTENCE_START)].map((m) => m.index! + m[0].length)].slice(-6);
  for (const start of starts) {
    const segment = last.slice(start).trim();
    const name = afterSignoff(segment, cues, compiled);
    if (name) return name;
    const formal = start > 0 ? FORMAL.exec(segment) : null;
    if (formal && plausible(formal[1]!, compiled)) return formal[1]!;
    const single =
      start > 0 && start === starts[starts.length - 1] && !AFTER_INITIAL.test(last.slice(0, start)) ? SINGLE.exec(segment) : null;
    if (single && plausible(single[1]!, compiled)) return single[1]!;
  }
  // A name alone on the last line, set apart by a blank line or under a sign-off ("Groet,"),
  // or under a finished sentence ("...again.\nThomas Berg", "...rechtzetten?\nNoor").
  const lineBefore = lines.length >= 2 ? lines[lines.length - 2]!.trim() : null;
  const underSentence = lineBefore !== null && /[.!?)]$/.test(lineBefore);
  if (lineBefore !== null && (lineBefore === '' || underSentence || isSignoff(lineBefore, cues))) {
    const name = nameIn(last, compiled);
    if (name) return name;
  }
  const introduced = cues.introduction.exec(text);
  return introduced && plausible(introduced[1]!, compiled) ? introduced[1]! : null;
}
