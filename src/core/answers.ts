// The moderator's answers: what the walkthrough asks, and how flags, config and the message's
// cues settle them when nobody is asked. Apart from draft.ts so that `webcare draft` can ask
// its first question without loading the checker and the templates. Pure: no I/O.
import type { Classification } from './classify.js';
import type { Channel, Fault, Intent, Lang, MessageType, Persona, Topic } from './domain.js';

/** Everything the walkthrough asks; each has a flag. */
export interface Answers {
  name: string | null;
  channel: Channel;
  type: MessageType;
  persona: Persona;
  sensitive: boolean;
  fault: Fault;
  topic: Topic;
  intent: Intent;
  /** What we will do next, used verbatim; null when the moderator gave none. */
  action: string | null;
  lang: Lang;
  formal: boolean;
  agent: string | null;
  company: string | null;
  privateChannel: string | null;
  /** 1 is the default phrasing; 2, 3, ... pick others. */
  variant: number;
}

/** The answers a draft takes when nobody is asked: flag, then config, then the message's cues, then a default. */
export interface AnswerSources {
  flags: Partial<Answers>;
  settings: { agent?: string; company?: string; channel?: Channel; formal?: boolean; privateChannel?: string };
}

export function resolveAnswers(classification: Classification, { flags, settings }: AnswerSources): Answers {
  return {
    name: flags.name ?? classification.name,
    channel: flags.channel ?? settings.channel ?? classification.channel ?? 'x',
    type: flags.type ?? classification.type,
    persona: flags.persona ?? classification.personas[0]?.id ?? 'meek',
    sensitive: flags.sensitive ?? classification.sensitive,
    fault: flags.fault ?? classification.fault,
    topic: flags.topic ?? classification.topic,
    intent: flags.intent ?? 'reply',
    action: emptyToNull(flags.action),
    // The message's language is a fact about the customer, so it outranks a configured default.
    lang: flags.lang ?? classification.lang,
    formal: flags.formal ?? settings.formal ?? classification.formal,
    agent: emptyToNull(flags.agent ?? settings.agent),
    company: emptyToNull(flags.company ?? settings.company),
    privateChannel: emptyToNull(flags.privateChannel ?? settings.privateChannel),
    variant: flags.variant ?? 1,
  };
}

function emptyToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value.trim();
}

const INITIAL = /^\p{Lu}\.$/u;
const TITLE = /^(?:dhr|mevr|mw|hr|mr|mrs|ms|miss|dr|drs|ir|ing|prof|mevrouw|meneer|heer|sir)\.?$/i;
/** A surname prefix written first: "de Vries", "van den Berg" is a surname alone, no first name. */
const PARTICLE = /^(?:de|den|der|van|von|vd|ten|ter|te|het|'t|’t|la|le|du|da|di|del|dos)$/;
const PICTOGRAPH = /\p{Extended_Pictographic}/gu;
/** What joins and modifies emoji: zero-width joiner, variation selectors, skin tones, tags. */
const EMOJI_PARTS = /[\u200d\ufe0e\ufe0f\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]/gu;

/** The words of a name as written, without a handle or a word that is only emoji. */
function nameWords(name: string): string[] {
  return name
    .replace(/\(@[^)]*\)/g, '')
    .trim()
    .replace(/^@/, '')
    .split(/\s+/)
    // A word of emoji only ("🙂 Marja") is no name; anything else is kept as typed.
    .filter((word) => word !== '' && word.replace(PICTOGRAPH, '').replace(EMOJI_PARTS, '') !== '');
}

/**
 * The name to greet with: the first name of a full name as written ("Jan-Willem de Boer" ->
 * "Jan-Willem"); a signature that starts with an initial or a title keeps its last name
 * ("J. Hoekstra", "Mevr. Postma": see isFormalName); a lone initial ("H."), a surname alone
 * ("de Vries") and an emoji are no name to greet with.
 */
export function firstNameOf(name: string | null): string {
  if (!name) return '';
  const words = nameWords(name);
  const first = words[0] ?? '';
  if (INITIAL.test(first) || TITLE.test(first)) return words.length > 1 ? words.join(' ') : '';
  if (PARTICLE.test(first)) return '';
  return first;
}

/** A name written with a title or an initial ("Mevr. de Vries", "Dr. Anna Smit", "J. Hoekstra"): greet it formally. */
export function isFormalName(name: string | null): boolean {
  if (!name) return false;
  const words = nameWords(name);
  return words.length > 1 && (INITIAL.test(words[0]!) || TITLE.test(words[0]!));
}
