// From a message and the moderator's answers to a finished draft: the reply plan that follows
// the persona's strategy, the rendered text, and every warning on it. Pure: no I/O.
import { check } from './check.js';
import type { Classification } from './classify.js';
import {
  CHANNEL_MAX_LENGTH,
  type Channel,
  type Finding,
  type Lang,
  type Topic,
} from './domain.js';
import { firstNameOf, isFormalName, type Answers } from './answers.js';
import { intentWarnings } from './intent.js';
import type { Renderer, ReplyContext } from './render.js';
import { hash } from './seed.js';
import { strategyLine } from './strategy.js';

// The answers live in answers.ts, so `draft` can ask its questions before it loads the checker.
export { firstNameOf, isFormalName, resolveAnswers, type AnswerSources, type Answers } from './answers.js';

/** The reply with the answers it was drafted from (all but agent, company and privateChannel). */
export interface Draft extends Omit<Answers, 'agent' | 'company' | 'privateChannel'> {
  reply: string;
  warnings: Finding[];
  /** One line: why this reply looks like this. */
  strategy: string;
}

// What a matter is called when the message names no concrete thing: [phrase, takes "je/your"].
// Only where the topic alone says what it is: a billing matter may be a refund, a fine or a
// charge, a trip a suitcase or a departure board, so those say nothing rather than the wrong thing.
const TOPIC_MATTER: Record<Topic, Record<Lang, [string, boolean] | null>> = {
  delivery: { nl: ['bestelling', true], en: ['order', true] },
  outage: { nl: ['de storing', false], en: ['the outage', false] },
  billing: { nl: null, en: null },
  product: { nl: null, en: null },
  // No phrase for it reads naturally after "Sorry dat het misgaat met" or "Sorry for the trouble
  // with": the reply says nothing then, unless the message names the thing.
  service: { nl: null, en: null },
  // The app, the website, an account or a password: the topic alone does not say which.
  app: { nl: null, en: null },
  travel: { nl: null, en: null },
  subscription: { nl: ['abonnement', true], en: ['subscription', true] },
  advertising: { nl: null, en: null },
  other: { nl: null, en: null },
};

/** "je pakket", "uw pakket", "de storing", "your flight to Rome"; '' when nothing fits. */
export function matterPhrase(
  classification: Classification,
  topic: Topic,
  lang: Lang,
  formal: boolean,
  { fromMessageOnly = false } = {},
): string {
  const subject = classification.subject;
  // The concrete thing only counts when the topic was not corrected to something else.
  const fromMessage =
    subject && subject.lang === lang && topic === classification.topic ? ([subject.phrase, subject.possessive] as const) : null;
  const chosen = fromMessage ?? (fromMessageOnly ? null : TOPIC_MATTER[topic][lang]);
  if (!chosen) return '';
  const [phrase, possessive] = chosen;
  if (!possessive) return phrase;
  const owner = lang === 'en' ? 'your' : formal ? 'uw' : 'je';
  return `${owner} ${phrase}`;
}

const DEFAULT_PRIVATE_CHANNEL: Record<Channel, Record<Lang, string>> = {
  x: { nl: 'een DM', en: 'a DM' },
  instagram: { nl: 'een DM', en: 'a DM' },
  facebook: { nl: 'een privébericht', en: 'a private message' },
  linkedin: { nl: 'een privébericht', en: 'a private message' },
  // Review sites have no private messages: take it offline, and say where to write. Teams set
  // their own address in config (privateChannel).
  review: { nl: 'een mail via onze contactpagina', en: 'an e-mail via our contact page' },
  whatsapp: { nl: 'een bericht hier', en: 'a message here' },
  email: { nl: 'een reactie op deze mail', en: 'a reply to this e-mail' },
};

// What to ask for in private, per topic: [Dutch, English], after "je/uw/your". Only what every
// business in that topic has: a train traveller has no booking code, so travel asks for the
// journey's details; a bill may come from a bank, a telecom or an airline.
const TOPIC_DETAILS: Partial<Record<Topic, [string, string]>> = {
  delivery: ['ordernummer', 'order number'],
  product: ['ordernummer of aankoopbewijs', 'order number or receipt'],
  billing: ['klant- of factuurnummer', 'account or invoice number'],
  subscription: ['klantnummer', 'customer number'],
  travel: ['boekings- of reisgegevens', 'booking or journey details'],
  outage: ['postcode en huisnummer', 'postcode and house number'],
};

function detailsPhrase(topic: Topic, lang: Lang, formal: boolean): string {
  const details = TOPIC_DETAILS[topic];
  if (!details) return '';
  return lang === 'en' ? `your ${details[1]}` : `${formal ? 'uw' : 'je'} ${details[0]}`;
}

/** The persona's strategy turned into concrete choices for the templates. */
export function planReply(answers: Answers, classification: Classification): ReplyContext {
  const { type, persona, fault, channel, intent } = answers;
  const compliment = type === 'compliment';
  const inPrivate = channel === 'whatsapp' || channel === 'email';
  const firstName = firstNameOf(answers.name);
  const action = answers.action ?? '';
  return {
    name: answers.name ?? '',
    firstName,
    hasName: firstName !== '',
    formalName: firstName !== '' && isFormalName(answers.name),
    agent: answers.agent ?? '',
    company: answers.company ?? '',
    channel,
    type,
    persona,
    fault,
    topic: answers.topic,
    // Only a complaint falls back on the topic's word ("je bestelling"); anything else names only
    // what the message named: thanks for "the product" under praise for a conductor reads as a form letter.
    matter: matterPhrase(classification, answers.topic, answers.lang, answers.formal, { fromMessageOnly: type !== 'complaint' }),
    sensitive: answers.sensitive,
    lang: answers.lang,
    formal: answers.formal,
    action,
    privateChannel: answers.privateChannel ?? DEFAULT_PRIVATE_CHANNEL[channel][answers.lang],
    // A remark or a compliment needs no order or invoice number to be answered.
    details: type === 'complaint' || type === 'question' ? detailsPhrase(answers.topic, answers.lang, answers.formal) : '',
    intent,
    // Our fault in a complaint or a remark. A question reported no problem, so it gets an answer,
    // not an apology; aggressive customers react badly to apologies and opportunists read one as
    // an opening bid.
    apologise:
      (type === 'complaint' || type === 'remark') && fault === 'company' && persona !== 'aggressive' && persona !== 'opportunist',
    movePrivate:
      !inPrivate &&
      !compliment &&
      (answers.sensitive ||
        intent === 'private' ||
        ['aggressive', 'demanding', 'chronic', 'opportunist'].includes(persona) ||
        // Without an action a complaint needs details, and those never go in public. A meek
        // customer still gets the apology where they posted.
        (action === '' && type === 'complaint')),
    inPrivate,
    // Asking whether it worked only makes sense once something was done: with an action.
    followUp: !compliment && action !== '' && (persona === 'angry' || persona === 'demanding'),
    removal: (intent === 'delete' || intent === 'hide') && classification.abusive,
    alsoAsks: type === 'compliment' && classification.alsoAsks,
    bereaved: classification.bereaved,
    caution: classification.scamWorry,
    colleague: compliment ? (classification.colleague ?? '') : '',
    short: channel === 'x' || channel === 'instagram' || channel === 'whatsapp',
    // A death in the message calls for the same care as a LinkedIn post: no "Hey", no "Hi!".
    measured: channel === 'linkedin' || channel === 'email' || channel === 'review' || classification.bereaved,
    brief: false,
  };
}

/** Renders the reply (shortening it for the channel where it can) and collects every warning. */
export function composeDraft(
  text: string,
  answers: Answers,
  classification: Classification,
  renderer: Renderer,
): Draft {
  const context = planReply(answers, classification);
  const seed = hash(text) + (answers.variant - 1);
  const limit = CHANNEL_MAX_LENGTH[answers.channel];
  let reply = renderer.render(answers.lang, context, seed);
  // Too long for the channel: drop the follow-up, then the brief form (shorter phrasings of every
  // part, the persona's line kept), and only then other phrasings of the brief form. What still
  // does not fit is the moderator's own text, and `check` says so (too-long).
  const shorter = [{ ...context, followUp: false }, { ...context, followUp: false, brief: true }];
  for (const shorterContext of shorter) {
    if (reply.length <= limit) break;
    const candidate = renderer.render(answers.lang, shorterContext, seed);
    if (candidate.length < reply.length) reply = candidate;
  }
  for (let step = 1; reply.length > limit && step < 4; step++) {
    const candidate = renderer.render(answers.lang, shorter[1]!, seed + step);
    if (candidate.length < reply.length) reply = candidate;
  }
  return draftWithReply(reply, answers, classification, context);
}

/** The draft around a reply text (rendered, or edited by hand), checked afresh. */
export function draftWithReply(
  reply: string,
  answers: Answers,
  classification: Classification,
  plan: ReplyContext = planReply(answers, classification),
): Draft {
  const findings = check(reply, {
    lang: answers.lang,
    channel: answers.channel,
    name: firstNameOf(answers.name) || null,
    agent: answers.agent,
  }).findings;
  return {
    reply,
    lang: answers.lang,
    channel: answers.channel,
    type: answers.type,
    persona: answers.persona,
    sensitive: answers.sensitive,
    fault: answers.fault,
    topic: answers.topic,
    intent: answers.intent,
    formal: answers.formal,
    name: answers.name,
    action: answers.action,
    variant: answers.variant,
    warnings: [...intentWarnings(answers, classification), ...findings, ...registerWarnings(reply, answers)],
    strategy: strategyLine(plan),
  };
}

const INFORMAL_NL = /(?<![\p{L}'’])(je|jij|jou|jouw|jezelf)(?![\p{L}'’])/iu;
const FORMAL_NL = /(?<![\p{L}'’])(u|uw|uzelf)(?![\p{L}'’])/iu;

/**
 * "u" and "je" in one Dutch reply: the templates keep to one register, but the moderator's own
 * words (an action, an edit) may not.
 */
function registerWarnings(reply: string, answers: Answers): Finding[] {
  if (answers.lang !== 'nl') return [];
  const match = (answers.formal ? INFORMAL_NL : FORMAL_NL).exec(reply);
  if (!match) return [];
  const before = reply.slice(0, match.index).split('\n');
  return [
    {
      rule: 'register',
      severity: 'warning',
      line: before.length,
      column: before[before.length - 1]!.length + 1,
      excerpt: match[0],
      message: answers.formal ? '"je" in een reply met "u"' : '"u" in een reply met "je"',
      advice: answers.formal ? 'Schrijf overal "u" en "uw", ook in de actie.' : 'Schrijf overal "je" en "jouw", ook in de actie, of kies --formal.',
    },
  ];
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'error');
}

/** What a message tells us when it tells us nothing: for rendering from answers alone (samples, tests). */
export function neutralClassification(lang: Lang): Classification {
  return {
    lang,
    type: 'complaint',
    typeScore: 0,
    typeCues: [],
    personas: [],
    topic: 'other',
    topicCues: [],
    secondTopic: null,
    subject: null,
    sensitive: false,
    sensitiveReasons: [],
    sensitiveCues: [],
    fault: 'unclear',
    faultCues: [],
    name: null,
    colleague: null,
    channel: null,
    channelCues: [],
    urgency: [],
    formal: false,
    formalCues: [],
    alsoAsks: false,
    bereaved: false,
    scamWorry: false,
    abusive: false,
    abuseTarget: null,
    abusiveCues: [],
  };
}
