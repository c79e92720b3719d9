// The word and phrase rules: each set is a list of phrases from both languages (a reply may mix
// them, and a short one may be detected wrongly), filed for matching in rules-index.ts.
//
// Phrase syntax, so the lists stay readable: a space is any run of whitespace, ' also matches ’,
// " … " is up to three words of the same clause (never a negation), "( )?" an optional space,
// and the rest is a regular expression. Phrases match case-insensitively, on whole words
// (accented letters included).
import type { Severity } from './domain.js';
import type { RuleId } from './rules.js';
import { EN } from './rules-en.js';
import { NL, lines } from './rules-nl.js';
import { once } from './rules-shapes.js';

/** One language's word lists; every key holds phrases in the syntax above. */
export interface Lexicon {
  /** The reply says it removes or hides the customer's post. */
  deletion: string[];
  /** Abusive or line-crossing language as the stated reason for a removal. */
  removalReasons: string[];
  /** A request to the customer ("could you remove your post"): not an announcement. */
  requests: string[];
  insult: string[];
  /** "ridiculous" is about the customer unless the sentence is about the wait or an apology. */
  ridiculous: string[];
  aboutUs: string[];
  legalThreat: string[];
  blame: string[];
  /** Words that turn a blame or insult phrase around ("not your fault", "geen domme vraag"). */
  negations: string[];
  impersonal: string[];
  genericContact: string[];
  defensive: string[];
  /** Vague only when the reply has no concrete next step anywhere. */
  vaguePromise: string[];
  concreteSteps: string[];
  /** Passive evasions and stock phrases: always a finding. */
  evasive: string[];
  unfilled: string[];
}

export interface PhraseSet {
  rule: RuleId;
  /** The phrases, in the syntax above. */
  phrases: readonly string[];
  /** May start inside a word (placeholders like {{name}}); otherwise only where a word starts. */
  anywhere?: boolean;
  /** No word boundary needed after the match ("Hi ,thanks"). */
  open?: boolean;
  // The exceptions, compiled when a phrase of the set first matches: most replies match none.
  /** Drop a match whose sentence contains one of these. */
  unlessInSentence?: () => RegExp;
  /** Drop a match when the whole reply contains one of these. */
  unlessInReply?: () => RegExp;
  /** Drop a match preceded, in the same clause, by one of these (up to four words before). */
  unlessAfter?: () => RegExp;
  /** The finding is only a hint when the reply contains one of these. */
  hintIfInReply?: () => RegExp;
}

const LETTER = '[\\p{L}\\p{N}_]';
const NEGATION = '(?:not|never|niet|nooit|geen|no)';
/** One word of the same clause, never a negation. */
const GAP_WORD = `(?!${NEGATION}(?!${LETTER}))[^\\s.,;:!?()"]+`;

export function phraseSource(phrase: string): string {
  let source = '';
  let inClass = false;
  for (let i = 0; i < phrase.length; i++) {
    const char = phrase[i]!;
    if (char === '\\') {
      source += char + (phrase[++i] ?? '');
    } else if (inClass) {
      source += char;
      if (char === ']') inClass = false;
    } else if (char === '[') {
      source += char;
      inClass = true;
    } else if (phrase.startsWith(' … ', i)) {
      source += `\\s+(?:${GAP_WORD}\\s+){0,3}`;
      i += 2;
    } else {
      source += char === ' ' ? '\\s+' : char === "'" ? "['’]" : char;
    }
  }
  return source;
}

/** The phrases as one regex, on whole words (for the checks around a match; matching itself is in rules-index.ts). */
function compilePhrases(phrases: readonly string[]): RegExp {
  const body = phrases.map(phraseSource).join('|');
  return new RegExp(`(?<!${LETTER})(?:${body})(?!${LETTER})`, 'iu');
}

/** Template placeholders left in, in any language: {{name}}, {name}, [naam], <NAAM>, %NAME%, ${name}, an empty ^. */
const PLACEHOLDERS = lines(String.raw`
  \{\{\{?[^{}\n]{0,40}\}?\}\}
  \{[\p{L}_][\p{L}\p{N}_.\x20-]{0,30}\}
  \[[\p{L}_][\p{L}\p{N}_.\x20-]{0,30}\]
  <[\p{L}_][\p{L}\p{N}_.\x20-]{0,30}>
  %[\p{L}_]{2,30}%
  \$\{[^}\n]{1,30}\}
  \^(?=[\t\x20]*(\n|$))
  \[object object\]
`);

const both = (key: keyof Lexicon) => [...NL[key], ...EN[key]];
const anywhere = (key: keyof Lexicon) => once(() => compilePhrases(both(key)));
/** A negation at most two words before the end of the text in front of a match. */
const negated = once(() => compilePhrases(both('negations').map((negation) => `${negation}( [^\\s.,;:!?]+){0,4} $`)));

export const PHRASE_SETS: readonly PhraseSet[] = [
  {
    rule: 'deletion',
    phrases: both('deletion'),
    unlessInSentence: anywhere('requests'),
    hintIfInReply: anywhere('removalReasons'),
  },
  { rule: 'insult', phrases: both('insult'), unlessAfter: negated },
  { rule: 'insult', phrases: both('ridiculous'), unlessInSentence: anywhere('aboutUs') },
  { rule: 'legal-threat', phrases: both('legalThreat') },
  { rule: 'blame', phrases: both('blame'), unlessAfter: negated },
  { rule: 'impersonal', phrases: both('impersonal') },
  { rule: 'generic-contact', phrases: both('genericContact') },
  { rule: 'defensive', phrases: both('defensive') },
  { rule: 'empty-promise', phrases: both('vaguePromise'), unlessInReply: anywhere('concreteSteps') },
  { rule: 'empty-promise', phrases: both('evasive') },
  { rule: 'unfilled', phrases: both('unfilled'), open: true },
  { rule: 'unfilled', phrases: PLACEHOLDERS, anywhere: true, open: true },
];
