// The cue machinery. The cue lists are data, one file per language (cues-nl.ts, cues-en.ts);
// here they are compiled once into lookup tables, and one pass over a message's words reports
// every cue in it. classify.ts decides what the cues add up to.
import type { Channel, Fault, MessageType, Persona, Topic } from './domain.js';

/**
 * Cue phrases. A number sets the weight of the phrases after it (default 1; 0 or less mutes a
 * shorter cue inside this one). In a phrase: `#` is any number ("3", "drie", "3e", "derde"),
 * `_` any one word, `~` up to four words, and a trailing `*` any word that starts so ("bezorg*").
 * Case and accents do not matter; hyphens split words ("kut-bedrijf" reads as "kut bedrijf").
 */
export type CueList = readonly (string | number)[];

export type AbuseKind = 'person' | 'threat' | 'swear' | 'company';
export type SensitiveKey = 'money' | 'health' | 'personal-data' | 'legal' | 'safety' | 'minors';

/** A concrete thing a reply can name: "je pakket", "de storing", "your flight to Rome". */
export interface SubjectCue {
  topic: Topic;
  phrase: string;
  possessive: boolean;
  cues: readonly string[];
  /** Followed by "naar <Place>"/"to <Place>", the place joins the phrase. */
  place?: boolean;
}

export interface LangCues {
  type: Record<MessageType, CueList>;
  persona: Record<Persona, CueList>;
  topic: Partial<Record<Topic, CueList>>;
  sensitive: Partial<Record<SensitiveKey, CueList>>;
  fault: Partial<Record<Fault, CueList>>;
  abuse: Record<AbuseKind, CueList>;
  channel: Partial<Record<Channel, CueList>>;
  urgency: CueList;
  /** The customer writing formally ("u", "Geachte", "Dear Sir"): answer in the same register. */
  formal: CueList;
  /** The writer saying this asks for nothing: "not complaining, just saying", "even melden". */
  notComplaining: CueList;
  /** Asking the company to do something: "please", "kunnen jullie", "I want", "refund". */
  requests: CueList;
  /** Praise that means the opposite when something went wrong: "geweldig hoor", "love how". */
  sarcasm: CueList;
  /** A death in the writer's life ("overleden", "my late husband"): the reply opens with condolences. */
  bereavement: CueList;
  /** Asking whether a mail, text or call really came from us ("is this really from you?"): warn before anything else. */
  scam: CueList;
  /** Days and moments ("gisteren", "last week", "Monday"): three different ones list incidents, "it keeps happening". */
  times: CueList;
  /** Words that take back the praise before them in a sentence: "Thanks, but ...", "Leuk, maar ...". */
  contrast: readonly string[];
  /** In priority order: the first that occurs for the message's topic is its subject. */
  subjects: readonly SubjectCue[];
  /** Number words and ordinals, for `#`. */
  numbers: readonly string[];
  /** A word just before praise turns it around ("niet tevreden", "not impressed"). */
  negators: readonly string[];
  /** The writer talking about themselves: an insult after these is not aimed at anyone else. */
  firstPerson: readonly string[];
  /** The word before these is someone else: "je", "your", "die". */
  otherPerson: readonly string[];
  /** Words that open a question ("hoe", "kan", "how", "can"). */
  questionOpeners: readonly string[];
  /** Sign-offs a name may follow with or without a comma: "Groet Marja", "Gr. Piet". */
  signoffs: readonly string[];
  /** Thanks that are a signature only with a comma or line break: "Thanks, Sarah" (not "Thanks Mark!"). */
  thanks: readonly string[];
  /** "ik ben Anna", "my name is Sarah". */
  introductions: readonly string[];
  /** The word before a place: "vlucht naar Rome", "flight to Rome". */
  placePrepositions: readonly string[];
  /** Words around a colleague's name in praise: "geholpen door Youssef", "Mark from your team". */
  colleagueBefore: readonly string[];
  colleagueAfter: readonly string[];
  /** Words that look like names in a signature but never are. */
  notNames: readonly string[];
}

export type Group =
  | 'type' | 'persona' | 'topic' | 'sensitive' | 'fault' | 'abuse' | 'channel' | 'urgency' | 'subject' | 'sarcasm' | 'time'
  | 'formal' | 'notComplaining' | 'request' | 'bereavement' | 'scam';
const GROUP_BIT: Record<Group, number> = {
  type: 1, persona: 2, topic: 4, sensitive: 8, fault: 16, abuse: 32, channel: 64, urgency: 128, subject: 256, sarcasm: 512, time: 1024,
  formal: 2048, notComplaining: 4096, request: 8192, bereavement: 16384, scam: 32768,
};

interface Entry {
  group: Group;
  key: string;
  weight: number;
}
const enum Part { Exact, Prefix, Number, Any, Gap }
interface PhrasePart {
  kind: Part;
  text: string;
}
interface Phrase {
  parts: PhrasePart[];
  entries: Entry[];
  bits: number;
}

export interface Compiled {
  cues: LangCues;
  words: Map<string, Entry[]>;
  /** Prefix cues by their first three letters. */
  prefixes: Map<string, [string, Entry[]][]>;
  /** Multi-word cues by their first word, longest first. */
  phrases: Map<string, Phrase[]>;
  numbers: Set<string>;
  negators: Set<string>;
  firstPerson: Set<string>;
  otherPerson: Set<string>;
  questionOpeners: Set<string>;
  notNames: Set<string>;
  contrast: Set<string>;
  thanks: Set<string>;
}

/** One cue found in a message: tokens [start, end) of the scan. */
export interface Hit {
  group: Group;
  key: string;
  weight: number;
  start: number;
  end: number;
  cue: string;
}

const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}/gu;
const NUMBER = /^\d+(?:e|x|de|ste|st|nd|rd|th)?$/;
const NUMBER_START = /^\d/;
const NONE: never[] = [];
const UNICODE_WORD = /[\p{L}\p{M}\p{N}]/u;
export const BOUNDARY = '|';

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
  return UNICODE_WORD.test(text[i]!);
}

/** Lower case, no accents, straight apostrophes: the form every lookup uses. */
export function keyOf(word: string): string {
  const lower = word.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower.normalize('NFD').replace(MARKS, '').replace(/’/g, "'");
}

export interface Tokens {
  raw: string[];
  keys: string[];
}

/**
 * Words, numbers, @mentions, #hashtags, masked swearing ("k*t", "f***") and sentence punctuation
 * (as BOUNDARY). Hyphens split words; apostrophes inside a word keep it whole ("don't", "z'n").
 */
export function tokenize(text: string): Tokens {
  const raw: string[] = [];
  const keys: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const tagged = (c === 64 || c === 35) && i + 1 < n && isWordChar(text, i + 1);
    if (!tagged && !isWordChar(text, i)) {
      // . ! ? ; : and line breaks end a sentence
      if (c === 46 || c === 33 || c === 63 || c === 59 || c === 58 || c === 10) {
        raw.push(text[i]!);
        keys.push(BOUNDARY);
      }
      i++;
      continue;
    }
    const start = i;
    i += tagged ? 2 : 1;
    for (;;) {
      while (i < n && isWordChar(text, i)) i++;
      const d = text.charCodeAt(i);
      if ((d === 39 || d === 8217 || d === 42) && i + 1 < n && isWordChar(text, i + 1)) i++;
      else break;
    }
    while (text.charCodeAt(i) === 42) i++;
    const token = text.slice(start, i);
    raw.push(token);
    keys.push(c === 64 ? token : keyOf(token));
  }
  return { raw, keys };
}

// Most cue words are plain lower-case ASCII: their key is the word itself, no tokenizing needed
// (compiling a language's cues, before the first question of `draft`, takes about half as long).
const PLAIN_WORD = /^[a-z]+\*?$/;

function cueParts(cue: string): PhrasePart[] {
  const parts: PhrasePart[] = [];
  for (const piece of cue.trim().split(/\s+/)) {
    if (PLAIN_WORD.test(piece)) {
      if (piece.endsWith('*')) parts.push({ kind: Part.Prefix, text: piece.slice(0, -1) });
      else parts.push({ kind: Part.Exact, text: piece });
    } else if (piece === '#') parts.push({ kind: Part.Number, text: '' });
    else if (piece === '_') parts.push({ kind: Part.Any, text: '' });
    else if (piece === '~') parts.push({ kind: Part.Gap, text: '' });
    else {
      const before = parts.length;
      for (const key of tokenize(piece).keys) {
        if (key === BOUNDARY) continue;
        if (key.length > 1 && key.endsWith('*') && !key.slice(0, -1).includes('*')) {
          parts.push({ kind: Part.Prefix, text: key.slice(0, -1) });
        } else parts.push({ kind: Part.Exact, text: key });
      }
      // "% off" would quietly be the cue "off": messages are read as words, and "%" is none.
      if (parts.length === before) throw new Error(`cue "${cue}": "${piece}" is no word; write # for a number`);
    }
  }
  return parts;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Turns one language's cue lists into lookup tables. Runs once per language, at load. */
export function compileCues(cues: LangCues): Compiled {
  const compiled: Compiled = {
    cues,
    words: new Map(),
    prefixes: new Map(),
    phrases: new Map(),
    numbers: new Set(cues.numbers.map(keyOf)),
    negators: new Set(cues.negators.map(keyOf)),
    firstPerson: new Set(cues.firstPerson.map(keyOf)),
    otherPerson: new Set(cues.otherPerson.map(keyOf)),
    questionOpeners: new Set(cues.questionOpeners.map(keyOf)),
    notNames: new Set(cues.notNames.map(keyOf)),
    contrast: new Set(cues.contrast.map(keyOf)),
    thanks: new Set(cues.thanks.map(keyOf)),
  };
  const phraseIndex = new Map<string, Phrase>();
  const add = (group: Group, key: string, list: CueList) => {
    // One entry for all the cues of a weight: nothing changes an entry once filed.
    let entry: Entry = { group, key, weight: 1 };
    for (const item of list) {
      if (typeof item === 'number') {
        entry = { group, key, weight: item };
        continue;
      }
      const parts = cueParts(item);
      const [first] = parts;
      if (!first) continue;
      if (parts.length === 1 && first.kind === Part.Exact) push(compiled.words, first.text, entry);
      else if (parts.length === 1 && first.kind === Part.Prefix) addPrefix(compiled, first.text, entry, item);
      else if (first.kind !== Part.Exact && first.kind !== Part.Number) {
        throw new Error(`cue "${item}" must start with a plain word or #`);
      } else {
        const id = parts.map((p) => `${p.kind}${p.text}`).join(' ');
        let phrase = phraseIndex.get(id);
        if (!phrase) {
          phrase = { parts, entries: [], bits: 0 };
          phraseIndex.set(id, phrase);
          push(compiled.phrases, first.kind === Part.Number ? '#' : first.text, phrase);
        }
        phrase.entries.push(entry);
        phrase.bits |= GROUP_BIT[group];
      }
    }
  };
  const addAll = (group: Group, lists: Partial<Record<string, CueList>>) => {
    for (const [key, list] of Object.entries(lists)) if (list) add(group, key, list);
  };
  addAll('type', cues.type);
  addAll('persona', cues.persona);
  addAll('topic', cues.topic);
  addAll('sensitive', cues.sensitive);
  addAll('fault', cues.fault);
  addAll('abuse', cues.abuse);
  addAll('channel', cues.channel);
  add('urgency', 'urgency', cues.urgency);
  add('formal', 'formal', cues.formal);
  add('notComplaining', 'notComplaining', cues.notComplaining);
  add('request', 'request', cues.requests);
  add('sarcasm', 'sarcasm', cues.sarcasm);
  add('bereavement', 'bereavement', cues.bereavement);
  add('scam', 'scam', cues.scam);
  add('time', 'time', cues.times);
  cues.subjects.forEach((subject, index) => add('subject', String(index), subject.cues));
  for (const list of compiled.phrases.values()) list.sort((a, b) => b.parts.length - a.parts.length);
  return compiled;
}

function addPrefix(compiled: Compiled, prefix: string, entry: Entry, cue: string): void {
  if (prefix.length < 3) throw new Error(`prefix cue "${cue}" needs at least three letters`);
  const list = compiled.prefixes.get(prefix.slice(0, 3)) ?? [];
  compiled.prefixes.set(prefix.slice(0, 3), list);
  const known = list.find(([p]) => p === prefix);
  if (known) known[1].push(entry);
  else list.push([prefix, [entry]]);
}

function isNumber(compiled: Compiled, key: string): boolean {
  return NUMBER.test(key) || compiled.numbers.has(key);
}

function matchParts(compiled: Compiled, parts: PhrasePart[], p: number, keys: string[], i: number): number {
  if (p === parts.length) return i;
  const part = parts[p]!;
  if (part.kind === Part.Gap) {
    for (let skip = 0; skip <= 4; skip++) {
      if (skip > 0 && (i + skip > keys.length || keys[i + skip - 1] === BOUNDARY)) return -1;
      const end = matchParts(compiled, parts, p + 1, keys, i + skip);
      if (end >= 0) return end;
    }
    return -1;
  }
  const key = keys[i];
  if (key === undefined || key === BOUNDARY) return -1;
  const ok =
    part.kind === Part.Exact
      ? key === part.text
      : part.kind === Part.Prefix
        ? key.startsWith(part.text)
        : part.kind === Part.Number
          ? isNumber(compiled, key)
          : true;
  return ok ? matchParts(compiled, parts, p + 1, keys, i + 1) : -1;
}

/**
 * Every cue in the words, once per place. A longer phrase wins over the cues of the same group
 * inside it ("alvast bedankt" is politeness, not the "bedankt" of a compliment).
 */
export function findCues(compiled: Compiled, { raw, keys }: Tokens): Hit[] {
  const hits: Hit[] = [];
  const covered = new Uint16Array(keys.length);
  const record = (entries: Entry[], start: number, end: number, skipBits: number): number => {
    let bits = 0;
    for (const entry of entries) {
      const bit = GROUP_BIT[entry.group];
      if (skipBits & bit) continue;
      bits |= bit;
      if (entry.weight === 0) continue;
      const cue = end - start === 1 ? raw[start]! : raw.slice(start, end).join(' ');
      hits.push({ group: entry.group, key: entry.key, weight: entry.weight, start, end, cue });
    }
    return bits;
  };
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key === BOUNDARY || key.charCodeAt(0) === 64) continue;
    const word = key.charCodeAt(0) === 35 ? key.slice(1) : key;
    const candidates = compiled.phrases.get(word);
    const numbered = NUMBER_START.test(word) || compiled.numbers.has(word) ? compiled.phrases.get('#') : undefined;
    for (const list of [candidates, numbered]) {
      if (!list) continue;
      for (const phrase of list) {
        if (!(phrase.bits & ~covered[i]!)) continue;
        const end = matchParts(compiled, phrase.parts, 1, keys, i + 1);
        if (end < 0) continue;
        const bits = record(phrase.entries, i, end, covered[i]!);
        for (let j = i; j < end; j++) covered[j]! |= bits;
      }
    }
    const exact = compiled.words.get(word);
    const done = exact ? record(exact, i, i + 1, covered[i]!) : 0;
    if (word.length >= 3) {
      for (const [prefix, entries] of compiled.prefixes.get(word.slice(0, 3)) ?? NONE) {
        if (word.startsWith(prefix)) record(entries, i, i + 1, covered[i]! | done);
      }
    }
  }
  return hits;
}

// Signals that read the same in every language.

/** Emoji and what they say: persona or type, and a weight. */
type EmojiSignal = readonly [Persona | MessageType | 'sarcasm', number];
const emoji = (glyphs: string, ...signals: EmojiSignal[]) =>
  [...glyphs].map((glyph) => [glyph, signals] as [string, readonly EmojiSignal[]]);
const SAD_GLYPHS = '😢😭😞😔🙁☹😕😩😫';
/** Tears and sighs: sadness, or (next to praise) joy. */
export const SAD_EMOJI: ReadonlySet<string> = new Set(SAD_GLYPHS);
export const EMOJI: ReadonlyMap<string, readonly EmojiSignal[]> = new Map([
  ...emoji('😡😠👿💢', ['angry', 1], ['aggressive', 0.6], ['complaint', 1]),
  ...emoji('🤬😤🖕', ['aggressive', 1], ['angry', 0.6], ['complaint', 1]),
  ...emoji('🙄😒🤡🥱💤🤦', ['critic', 1], ['sarcasm', 1], ['complaint', 0.5]),
  ...emoji('👎💩', ['critic', 1], ['complaint', 1]),
  ...emoji(SAD_GLYPHS, ['meek', 0.5], ['angry', 0.5], ['complaint', 0.7]),
  ...emoji('😍❤🥰👏🙌💯🤩😊😁💙💚💜🧡💛🎉🎂🥳✨👌', ['ambassador', 1], ['compliment', 1]),
  ...emoji('👍🙏😀🙂', ['ambassador', 0.4], ['compliment', 0.4]),
  ...emoji('🤔', ['introvert', 0.5], ['question', 0.5]),
]);
export const EMOJI_RE = /\p{Extended_Pictographic}/gu;

/** Written-out personal data: e-mail, phone numbers, IBAN, a street address or postcode. Order numbers are not. */
export const PERSONAL_DATA: readonly (readonly [string, RegExp])[] = [
  ['e-mail address', /(?<![\w.+-])[\w.+-]+@[\w-]+\.[a-z]{2,}/i],
  ['phone number', /(?:^|[^\d])(?:06[\s-]?\d{2}[\s-]?\d{2}[\s-]?\d{2}[\s-]?\d{2}|\+\d{2}[\s-]?(?:\(0\))?\d(?:[\s-]?\d){7,10}|0\d{2,3}[\s-]\d{6,7}|07\d{3}[\s-]?\d{6}|\(\d{3}\)\s?\d{3}-\d{4}|\d{3}-\d{3}-\d{4})(?!\d)/],
  ['IBAN', /\b[A-Z]{2}\d{2}\s?[A-Z]{4}(?:\s?\d{2,4}){2,5}\b/],
  ['address', /\b\p{Lu}\p{Ll}+(?:straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|hof)\s\d+|\b\d+\s\p{Lu}\p{Ll}+\s(?:Street|Road|Avenue|Lane|Close|Drive|Crescent)\b|\b[1-9]\d{3}\s?[A-Z]{2}\b(?!\w)/u],
];

/** Short all-caps words that are names, not shouting. */
export const ACRONYMS: ReadonlySet<string> = new Set(
  'kpn ns dhl ups dpd gls ing abn amro klm tv ov bsn iban ok pc usb wifi sms pin dm ps nl uk us eu rt id ceo faq pdf btw fyi hdmi led api gps vip sla eta vat pr gdpr qr avg kvk tnt ikea hema aldi lidl bt ee o2 bbc nhs gp uptime ios 4g 5g ssd cv ab xl xs'.split(' '),
);

/** Star ratings and scores: "★★☆☆☆", "2/5", "1 ster", "5 stars". */
export const RATING_RE = /([★⭐]{1,5})(☆*)|\b([0-5])\s?\/\s?5\b|\b([1-5])\s?(?:sterren|ster|stars?)\b/iu;
