// Reads a customer message and suggests what it is (type, persona, topic, ...) with the cues
// behind each suggestion. Pure: text in, data out. The cue lists are data in cues-nl.ts and
// cues-en.ts; this file tallies what they find, and the fitted weights of weights.ts turn the
// tallies, the message's shape and its words into the type and the persona ranking.
import type { Channel, Fault, Lang, MessageType, Persona, Topic } from './domain.js';
import { MESSAGE_TYPES, PERSONAS, TOPICS } from './domain.js';
import { ACRONYMS, BOUNDARY, keyOf, EMOJI, EMOJI_RE, PERSONAL_DATA, RATING_RE, SAD_EMOJI, compileCues, findCues, tokenize } from './cues.js';
import type { Compiled, Hit, Tokens } from './cues.js';
import { EN } from './cues-en.js';
import { NL } from './cues-nl.js';
import { detectLangOfWords } from './lang.js';
import { findColleague, findName } from './classify-name.js';
import { argmax, featuresOf, strongestWords, weigh } from './weights.js';
import type { Features, Weighed } from './weights.js';

export interface Scored<T extends string> {
  id: T;
  score: number;
  cues: string[];
}

export const SENSITIVE_REASONS = ['money', 'health', 'personal-data', 'legal', 'safety', 'minors'] as const;
export type SensitiveReason = (typeof SENSITIVE_REASONS)[number];

/** The concrete thing the message is about, in the customer's own words ("pakket", "flight to Rome"). */
export interface Subject {
  lang: Lang;
  /** The noun phrase without article or possessive: "pakket", "aansluitende vlucht naar Rome". */
  phrase: string;
  /** true: reads as "je pakket"/"your parcel"; false: takes the definite article ("de storing"/"the outage"). */
  possessive: boolean;
  /** The topic this thing belongs to. */
  topic?: Topic;
}

export interface Classification {
  lang: Lang;
  type: MessageType;
  /** How likely the suggested type is, 0 to 1: low means the moderator should look twice. */
  typeScore: number;
  typeCues: string[];
  /** All nine, best first. */
  personas: Scored<Persona>[];
  topic: Topic;
  topicCues: string[];
  secondTopic: Topic | null;
  subject: Subject | null;
  sensitive: boolean;
  sensitiveReasons: SensitiveReason[];
  sensitiveCues: string[];
  fault: Fault;
  faultCues: string[];
  name: string | null;
  channel: Channel | null;
  channelCues: string[];
  urgency: string[];
  /** The customer writes formally ("u", "Geachte", "Dear Sir"): a reply in the formal register fits. */
  formal: boolean;
  formalCues: string[];
  /** A colleague the praise names ("geholpen door Youssef"): the thanks can go to them by name. */
  colleague: string | null;
  /** Praise with a real question in it ("Love it! Will you stock the cases soon?"): the reply owes an answer too. */
  alsoAsks: boolean;
  /** The writer lost someone ("overleden", "my late husband"): condolences first. */
  bereaved: boolean;
  /** The writer asks whether a mail, text or link really came from us: "don't click it" first. */
  scamWorry: boolean;
  abusive: boolean;
  /** Abuse aimed at a person (staff), or cursing at the company in frustration. */
  abuseTarget: 'person' | 'company' | null;
  abusiveCues: string[];
}

const COMPILED: Partial<Record<Lang, Compiled>> = {};
/** Compiled on first use: most runs read one language, and the first question waits for this. */
const compiledCues = (lang: Lang): Compiled => (COMPILED[lang] ??= compileCues(lang === 'nl' ? NL : EN));

/** Scores with their cues, in the order first seen. */
class Tally<K extends string> {
  readonly score = new Map<K, number>();
  readonly cues = new Map<K, string[]>();
  readonly first = new Map<K, number>();
  add(key: K, weight: number, cue?: string, at = Number.MAX_SAFE_INTEGER): void {
    this.score.set(key, (this.score.get(key) ?? 0) + weight);
    if (!this.first.has(key) || at < this.first.get(key)!) this.first.set(key, at);
    if (cue === undefined) return;
    const list = this.cues.get(key);
    if (!list) this.cues.set(key, [cue]);
    else if (!list.includes(cue)) list.push(cue);
  }
  get(key: K): number {
    return this.score.get(key) ?? 0;
  }
  cuesOf(key: K): string[] {
    return this.cues.get(key) ?? [];
  }
  /** Highest score; ties go to the key seen first, then to the order given. */
  ranked(order: readonly K[]): K[] {
    return [...order]
      .filter((key) => this.get(key) > 0)
      .sort((a, b) => this.get(b) - this.get(a) || this.first.get(a)! - this.first.get(b)! || order.indexOf(a) - order.indexOf(b));
  }
}

// How much a persona's cues say about the message type.
const PERSONA_TYPE: Partial<Record<Persona, readonly [MessageType, number]>> = {
  aggressive: ['complaint', 0.5], chronic: ['complaint', 0.6], angry: ['complaint', 0.6],
  opportunist: ['complaint', 0.6], demanding: ['complaint', 0.4], meek: ['complaint', 0.3],
  critic: ['remark', 0.3], ambassador: ['compliment', 0.6], introvert: ['question', 0.2],
};
export function classify(text: string, options: { lang?: Lang } = {}): Classification {
  const reading = readMessage(text, options);
  return reading.decide(weigh(reading.features));
}

/**
 * Everything classify finds in a message before it decides: the features the fitted weights
 * weigh, and the decision that completes the classification from their verdict. Split so that
 * `npm run fit` can fit the weights to the same features.
 */
export function readMessage(text: string, options: { lang?: Lang } = {}): { features: Features; decide: (weighed: Weighed) => Classification } {
  const tokens = tokenize(text);
  const lang = options.lang ?? detectLangOfWords(tokens.keys);
  const compiled = compiledCues(lang);
  const hits = findCues(compiled, tokens);
  const type = new Tally<MessageType>();
  const persona = new Tally<Persona>();
  const topic = new Tally<Topic>();
  const fault = new Tally<Fault>();
  const sensitive = new Tally<SensitiveReason>();
  const abuse = new Tally<string>();
  const channel = new Tally<Channel>();
  const urgency: string[] = [];
  const formal: string[] = [];
  let notComplaining: string | null = null;
  let requested = false;
  const times = new Set<string>();
  let sarcasm = false;
  let sarcasmCue = false;
  let bereaved = false;
  let scam = false;
  const name = findName(text, compiled);
  const quoted = quotedSpans(text);
  // Praise that does not count: "Thanks, but ...", the "Thanks, Priya" of a signature, praise
  // in scare quotes (that one is sarcasm).
  // Only praise looks around its sentence; most messages never need the layout.
  let laidOut: Layout | undefined;
  const layout = () => (laidOut ??= layoutOf(compiled, tokens.keys, hits));
  // "I was fuming yesterday, but ...": the helped angry customer's turn; its "but" leads to the thanks.
  const angryStarts = new Set(hits.filter((h) => h.group === 'persona' && h.key === 'angry').map((h) => h.start));
  const angryTurn = (hit: Hit) => angryStarts.has(hit.start);
  const countedPraise = (hit: Hit) =>
    isPraise(hit) &&
    !negated(compiled, tokens, hit) &&
    (angryTurn(hit) || !takenBack(compiled, tokens, layout(), hit, name)) &&
    !inSpans(quoted, hit) &&
    !closingThanks(compiled, tokens, layout(), hit, name);

  const praiseAt = new Set(hits.filter(countedPraise).map((hit) => hit.start));
  for (const hit of hits) {
    const { group, weight, cue, start } = hit;
    const key = hit.key as never;
    if (isPraise(hit) && !countedPraise(hit) && !negated(compiled, tokens, hit)) {
      if (inSpans(quoted, hit) && group === 'type') {
        type.add('complaint', weight * 0.5, `'${cue}'`, start);
        persona.add('critic', 1.5, `'${cue}' (in quotes)`, start);
      }
      continue;
    }
    if (group === 'persona' || group === 'type') {
      if (negated(compiled, tokens, hit)) {
        if (key === 'compliment') type.add('complaint', weight, cue, start);
        if (key === 'ambassador') persona.add('critic', weight * 0.7, cue, start);
        if (key === 'compliment' || key === 'ambassador') continue;
      }
      if (group === 'type') type.add(key, weight, cue, start);
      else {
        // The same word twice says less the second time ("wéér ... wéér"), except when shouted.
        const again = key !== 'aggressive' && persona.cuesOf(key).some((seen) => keyOf(seen) === keyOf(cue));
        persona.add(key, again ? weight * 0.5 : weight, cue, start);
        const [toType, share] = PERSONA_TYPE[key as Persona] ?? ['remark', 0];
        // Praise that is also a persona's cue ("credit where it's due": the angry one, helped) says nothing of a complaint.
        if (toType === 'complaint' && praiseAt.has(start)) continue;
        // Paying customers and bargainers often ask: their words say less about a complaint.
        // A lone "yesterday" or "please" says nothing about the kind of message.
        if (share && weight > 0.4) type.add(toType, weight * share * (key === 'demanding' || key === 'opportunist' ? 0.75 : 1), cue, start);
      }
    } else if (group === 'topic') {
      topic.add(key, weight, cue, start);
      if (key === 'advertising') type.add('remark', Math.min(weight, 2) * 0.5, cue, start);
    } else if (group === 'fault') {
      if (negated(compiled, tokens, hit)) continue;
      fault.add(key, weight, cue, start);
      if (key === 'company') type.add('complaint', weight * 0.8, cue, start);
    } else if (group === 'sensitive') {
      sensitive.add(key, 1, cue, start);
      // Someone hurt, or in danger: a complaint, even when it ends in "who is responsible?".
      if (key === 'safety' || key === 'health') type.add('complaint', key === 'safety' ? 2 : 1, cue, start);
    }
    else if (group === 'abuse') {
      if (key === 'person' && selfDirected(compiled, tokens, start)) continue;
      abuse.add(key, 1, cue, start);
      persona.add('aggressive', key === 'person' || key === 'threat' ? 2.5 : 1.5, cue, start);
      type.add('complaint', key === 'person' || key === 'threat' ? 2.5 : 1.5, cue, start);
    } else if (group === 'channel') channel.add(key, 1, cue, start);
    else if (group === 'sarcasm') sarcasmCue = true;
    else if (group === 'scam') scam = true;
    else if (group === 'bereavement') {
      // Nobody wants the details of a death discussed in public.
      sensitive.add('health', 1, cue, start);
      bereaved = true;
    }
    else if (group === 'time') times.add(keyOfCue(cue));
    else if (group === 'urgency' && !urgency.includes(cue.toLowerCase())) urgency.push(cue.toLowerCase());
    // "Geen 'we bellen u terug'": our words in quotes say nothing of how the customer writes.
    else if (group === 'formal' && !formal.includes(cue) && !inSpans(quoted, hit)) formal.push(cue);
    else if (group === 'notComplaining') notComplaining ??= cue;
    else if (group === 'request') requested = true;
  }

  // "Weer keurig op tijd": with praise carrying the message, "weer" is loyalty, not a complaint that keeps coming.
  if (type.get('compliment') > type.get('complaint') && praiseAt.size > 0) persona.score.set('chronic', persona.get('chronic') * 0.3);
  const loud = readShape(compiled, tokens, type, persona, abuse, channel) + (abuse.score.size > 0 ? 1 : 0);
  // Loud in more than one way (capitals, "!!!", swearing): the aggressive one, even when it keeps happening.
  if (loud >= 2) persona.add('aggressive', 1.5, 'loud');
  // Three different days or moments, each with its own incident: it keeps happening.
  if (times.size >= 3) persona.add('chronic', 2, [...times].join(', '));
  if (/[\d@]/.test(text)) {
    for (const [label, pattern] of PERSONAL_DATA) {
      if (!pattern.test(text)) continue;
      sensitive.add('personal-data', 1, label);
      if (label === 'IBAN') sensitive.add('money', 1, label);
    }
  }
  // "Obsessed with the new latte 😭": next to praise that carries the message, tears are of joy.
  const praised = praiseAt.size > 0 && type.get('compliment') > type.get('complaint');
  const emojiCounts = countEmoji(text);
  for (const [emoji, count] of emojiCounts) {
    if (praised && SAD_EMOJI.has(emoji)) continue;
    for (const [key, weight] of EMOJI.get(emoji) ?? []) {
      const w = weight * Math.min(1 + 0.3 * (count - 1), 1.6);
      if (key === 'sarcasm') sarcasm = true;
      else if ((MESSAGE_TYPES as readonly string[]).includes(key)) type.add(key as MessageType, w, emoji);
      else persona.add(key as Persona, w, emoji);
    }
  }
  // A message that opens by quoting us ("'Here for you' - except ...") holds our words against us.
  if (quoted.length > 0 && quoted[0]![0] === 0 && quoted[0]![1] - quoted[0]![0] >= 2) {
    persona.add('critic', 2, 'quoting us');
  }
  // "Ter info:", "FYI", "Even melden": a note opening the message makes the whole message one.
  const opener = hits.find((h) => h.group === 'type' && h.key === 'remark' && h.weight >= 2 && opensSentence(tokens, h.start) && h.start <= 3);
  if (opener && praiseAt.size === 0) type.add('remark', 2, opener.cue, opener.start);
  const rating = readRating(text);
  if (rating !== null) {
    channel.add('review', 2, `${rating}/5`);
    if (rating <= 2) (type.add('complaint', 1.5, `${rating}/5`), persona.add('critic', 1.5, `${rating}/5`));
    if (rating >= 4) (type.add('compliment', 1.5, `${rating}/5`), persona.add('ambassador', 1.5, `${rating}/5`));
  }
  // Praise opening a complaint ("Great, another delay"), next to "as usual" after a complaint,
  // or with an eye-roll, is sarcasm.
  // A sarcastic phrase ("geweldig hoor", "love how") and praise next to "again" and a failure
  // ("Bedankt NS, weer te laat") are too.
  // Not the helped angry customer's turn: that opens a thank-you.
  const praise = hits.find((h) => h.group === 'type' && h.key === 'compliment' && countedPraise(h) && !angryTurn(h));
  const complaint = type.get('complaint');
  // Not in a review that gives four or five stars: that praise is meant.
  if (
    praise &&
    (rating === null || rating < 4) &&
    (sarcasm ||
      (sarcasmCue && complaint > 0) ||
      (complaint > type.get('compliment') && opensSentence(tokens, praise.start) && problemInSentence(layout(), hits, praise)) ||
      (hits.some((h) => h.group === 'persona' && h.key === 'chronic' && h.weight >= 1.5) &&
        hits.some((h) => isProblem(h) && !negated(compiled, tokens, h))))
  ) {
    type.add('complaint', type.get('compliment') + 0.5, praise.cue);
    type.score.set('compliment', 0);
    persona.add('critic', 1.5, `${praise.cue} (sarcasm)`);
  }

  const features = featuresOf({
    tokens,
    hits,
    lang,
    types: (key) => type.get(key),
    personas: (key) => persona.get(key),
    signals: {
      // "Not complaining, just thought you should know": a note, however much is wrong in it.
      'signal:not-complaining': notComplaining ? 1 : 0,
      'signal:request': requested ? 1 : 0,
      'signal:praise': praiseAt.size,
      'signal:problems': hits.filter(isProblem).length,
      'signal:note-opener': opener ? 1 : 0,
      'signal:rating-low': rating !== null && rating <= 2 ? 1 : 0,
      'signal:rating-mid': rating === 3 ? 1 : 0,
      'signal:rating-high': rating !== null && rating >= 4 ? 1 : 0,
      'signal:abuse': abuse.score.size,
      'signal:loud': loud,
      'signal:times': times.size,
      'signal:sarcasm': sarcasm || sarcasmCue ? 1 : 0,
      'signal:topics': [...topic.score.values()].reduce((a, b) => a + b, 0),
      'signal:fault-company': fault.get('company'),
      'signal:fault-customer': fault.get('customer'),
      'signal:fault-third-party': fault.get('third-party'),
    },
    emoji: emojiCounts.keys(),
  });
  return { features, decide };
  function decide(weighed: Weighed): Classification {
    const best = argmax(weighed.types);
    const messageType = MESSAGE_TYPES[best]!;
    const topics = rankTopics(topic);
    const mainTopic = topics[0] ?? 'other';
    const second = topics[1];
    const secondTopic = second && topic.get(second) >= 1.5 && topic.get(second) >= 0.4 * topic.get(mainTopic) ? second : null;
    const personas = rankPersonas(persona, weighed.personas, features, messageType);
    const faultRank = messageType === 'compliment' ? [] : rankFault(fault);
    // A complaint about something of ours, with no sign of anyone else: ours until shown otherwise.
    // Not for abuse at a person: that says who is hated, not what went wrong.
    const abuseTarget = abuse.get('person') + abuse.get('threat') > 0 ? 'person' : abuse.score.size > 0 ? 'company' : null;
    const complaintCues = type.cuesOf('complaint');
    if (!faultRank[0] && messageType === 'complaint' && mainTopic !== 'other' && complaintCues.length > 0 && abuseTarget !== 'person') {
      faultRank.push('company');
      for (const cue of complaintCues.slice(0, 3)) fault.add('company', 1, cue);
    }
    // Thanks for a voucher, or a tip about how the bill reads, is not a money matter to take private.
    const reasons = SENSITIVE_REASONS.filter((r) => sensitive.get(r) > 0 && !(r === 'money' && (messageType === 'compliment' || messageType === 'remark')));
    const channelId: Channel | null = channel.get('review') > 0 ? 'review' : channel.get('x') > 0 ? 'x' : null;
    return {
      lang,
      type: messageType,
      typeScore: Math.round(weighed.types[best]! * 100) / 100,
      typeCues: explained(type.cuesOf(messageType), () => strongestWords(features, best, 3)),
      personas,
      topic: mainTopic,
      topicCues: topic.cuesOf(mainTopic),
      secondTopic,
      // With two topics in play ("a campaign, while my bill is late") naming one thing may name the wrong one.
      subject: secondTopic === null ? findSubject(compiled, tokens, hits, mainTopic, lang) : null,
      sensitive: reasons.length > 0,
      sensitiveReasons: reasons,
      sensitiveCues: reasons.flatMap((r) => sensitive.cuesOf(r)),
      fault: faultRank[0] ?? 'unclear',
      faultCues: faultRank[0] ? fault.cuesOf(faultRank[0]) : [],
      name,
      colleague: messageType === 'compliment' ? findColleague(text, compiled, name) : null,
      channel: channelId,
      channelCues: channelId ? channel.cuesOf(channelId) : [],
      urgency,
      formal: formal.length > 0,
      formalCues: formal,
      alsoAsks: messageType === 'compliment' && type.get('question') >= 1.5,
      bereaved,
      scamWorry: scam && messageType !== 'compliment',
      abusive: abuseTarget !== null,
      abuseTarget,
      abusiveCues: [...abuse.cues.values()].flat(),
    };
  }
}

const keyOfCue = (cue: string) => keyOf(cue).replace(/'s$/, '');

function rankPersonas(tally: Tally<Persona>, odds: number[], features: Features, type: MessageType): Scored<Persona>[] {
  return PERSONAS.map((id, column) => ({ id, odds: odds[column]!, column }))
    .sort((a, b) => b.odds - a.odds || a.column - b.column)
    .map(({ id, odds: p, column }, rank) => {
      // The suggestion always says why: by the words that weighed most when no cue points there,
      // else by what kind of message it is.
      const cues = rank === 0 ? explained(tally.cuesOf(id), () => strongestWords(features, MESSAGE_TYPES.length + column, 3)) : tally.cuesOf(id);
      return { id, score: Math.round(p * 100) / 100, cues: cues.length === 0 && rank === 0 ? [`a ${type}`] : cues };
    });
}

/**
 * The cue lists' cues; when none points to the suggestion, the words that weighed most for it.
 * Not both: "late" weighs towards a complaint, but the cue lists know "my late husband" is none.
 */
function explained(cues: string[], words: () => string[]): string[] {
  return cues.length > 0 ? cues : words();
}

function rankTopics(topic: Tally<Topic>): Topic[] {
  const clear = TOPICS.filter((t) => topic.get(t) >= 1.5);
  // Contact with us is often only how the real matter went wrong ("on hold about my parcel"),
  // and an app or site that is down is an outage.
  topic.score.set('service', topic.get('service') * 0.7);
  if (topic.get('outage') >= 3) topic.score.set('app', topic.get('app') * 0.5);
  return topic.ranked(clear);
}

function rankFault(tally: Tally<Fault>): Fault[] {
  // Owning up outweighs the failure described; a named third party usually is the one who failed.
  const weighed = new Tally<Fault>();
  for (const [key, factor] of [['customer', 1.3], ['third-party', 1.1], ['company', 1]] as const) {
    if (tally.get(key) > 0) weighed.add(key, tally.get(key) * factor);
  }
  return weighed.ranked(['customer', 'third-party', 'company']);
}

/** "niet tevreden", "not impressed": a negator one or two words before, in the same sentence. */
function negated(compiled: Compiled, { keys }: Tokens, hit: Hit): boolean {
  for (let i = hit.start - 1; i >= Math.max(0, hit.start - 2); i--) {
    if (keys[i] === BOUNDARY) return false;
    if (compiled.negators.has(keys[i]!)) return true;
  }
  return false;
}

/** "ik ben zo'n idioot": the nearest person before an insult is the writer. */
function selfDirected(compiled: Compiled, { keys }: Tokens, at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - 6) && keys[i] !== BOUNDARY; i--) {
    if (compiled.firstPerson.has(keys[i]!)) return true;
    if (compiled.otherPerson.has(keys[i]!)) return false;
  }
  return false;
}

function isPraise(hit: Hit): boolean {
  return (hit.group === 'type' && hit.key === 'compliment') || (hit.group === 'persona' && hit.key === 'ambassador');
}

/** "Bedankt voor je reactie, maar ...": a contrast word later in the sentence; or thanks that only sign off. */
function takenBack(compiled: Compiled, { keys }: Tokens, layout: Layout, hit: Hit, name: string | null): boolean {
  if (layout.nextContrast[hit.end]! < layout.sentenceEnd[hit.end]!) return true;
  if (name === null || !compiled.thanks.has(keys.slice(hit.start, hit.end).join(' '))) return false;
  const after = layout.words - layout.wordsBefore[hit.end]!;
  return after <= name.split(/\s+/).length + 1;
}

/**
 * Where the sentences and words of a message are, worked out once, so that looking around a
 * cue costs the same however long the message is (a 100 KB wall of "thanks" stays linear).
 */
interface Layout {
  /** Per token index (and one past the end): the first sentence boundary at or after it. */
  sentenceEnd: Int32Array;
  /** Per token index: where its sentence starts. */
  sentenceStart: Int32Array;
  /** Per token index (and one past the end): the words before it. */
  wordsBefore: Int32Array;
  /** Per token index (and one past the end): the next contrast word ("maar", "but") at or after it. */
  nextContrast: Float64Array;
  words: number;
  /** Where praise (a compliment or an ambassador cue) starts. */
  praiseStarts: Set<number>;
}

function layoutOf(compiled: Compiled, keys: readonly string[], hits: readonly Hit[]): Layout {
  const n = keys.length;
  const sentenceEnd = new Int32Array(n + 1);
  const sentenceStart = new Int32Array(n + 1);
  const wordsBefore = new Int32Array(n + 1);
  const nextContrast = new Float64Array(n + 1);
  sentenceEnd[n] = n;
  nextContrast[n] = Infinity;
  for (let i = n - 1; i >= 0; i--) {
    sentenceEnd[i] = keys[i] === BOUNDARY ? i : sentenceEnd[i + 1]!;
    nextContrast[i] = compiled.contrast.has(keys[i]!) ? i : nextContrast[i + 1]!;
  }
  let start = 0;
  for (let i = 0; i < n; i++) {
    sentenceStart[i] = start;
    wordsBefore[i + 1] = wordsBefore[i]! + (keys[i] === BOUNDARY ? 0 : 1);
    if (keys[i] === BOUNDARY) start = i + 1;
  }
  sentenceStart[n] = start;
  const praiseStarts = new Set(hits.filter(isPraise).map((hit) => hit.start));
  return { sentenceEnd, sentenceStart, wordsBefore, nextContrast, words: wordsBefore[n]!, praiseStarts };
}

/** "... I'm not sure what else to do. Thanks for any help.": politeness, not a compliment. */
function closingThanks(compiled: Compiled, { keys }: Tokens, layout: Layout, hit: Hit, name: string | null): boolean {
  if (!compiled.thanks.has(keys[hit.start]!)) return false;
  // The last sentence, but for the signature under it.
  const signature = name === null ? 0 : name.split(/\s+/).length;
  if (layout.words - layout.wordsBefore[layout.sentenceEnd[hit.end]!]! > signature) return false;
  // Praise elsewhere ("Dat noem ik service! Dank jullie wel") makes the thanks part of it; with
  // none, thanks closing a message of a few sentences are only polite.
  if (layout.praiseStarts.size > 1 || !layout.praiseStarts.has(hit.start)) return false;
  return layout.wordsBefore[layout.sentenceStart[hit.start]!]! >= 6;
}

/** Token ranges of short phrases in quotes: 'exciting update', "support". At most a few, for speed. */
function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const match of text.matchAll(QUOTED)) {
    const start = tokenize(text.slice(0, match.index)).keys.length;
    spans.push([start, start + tokenize(match[0]).keys.length]);
    if (spans.length >= 5) break;
  }
  return spans;
}
const QUOTED = /(?<![\p{L}\p{N}])['‘"“][^'‘’"“”\n]{2,40}['’"”](?![\p{L}\p{N}])/gu;

function inSpans(spans: [number, number][], hit: Hit): boolean {
  return spans.some(([start, end]) => hit.start >= start && hit.end <= end);
}

function isProblem(hit: Hit): boolean {
  return (hit.group === 'type' && hit.key === 'complaint') || (hit.group === 'fault' && hit.key === 'company');
}

/** "Great, another delay": a problem in the praise's own sentence, not in another one. */
function problemInSentence(layout: Layout, hits: Hit[], praise: Hit): boolean {
  const end = layout.sentenceEnd[praise.end]!;
  return hits.some((hit) => isProblem(hit) && hit.start >= praise.end && hit.start < end);
}

function opensSentence({ keys }: Tokens, at: number): boolean {
  let words = 0;
  for (let i = at - 1; i >= 0 && keys[i] !== BOUNDARY; i--) if (keys[i]!.charCodeAt(0) !== 64) words++;
  return words <= 1;
}

/** Capitals, stacked "!!!", questions, @mentions, #hashtags, masked swearing. */
function readShape(
  compiled: Compiled,
  { raw, keys }: Tokens,
  type: Tally<MessageType>,
  persona: Tally<Persona>,
  abuse: Tally<string>,
  channel: Tally<Channel>,
): number {
  let loud = 0;
  let words = 0;
  const caps: string[] = [];
  let sentenceStart = -1;
  let sentenceWords = 0;
  let questions = 0;
  let punctuation = '';
  const closeSentence = (mark: string) => {
    if (sentenceStart >= 0 && compiled.questionOpeners.has(keys[sentenceStart]!)) {
      type.add('question', mark === '?' ? 0.7 : mark === '' ? 0.4 : 0.2, raw[sentenceStart]);
    }
    sentenceStart = -1;
  };
  for (let i = 0; i <= keys.length; i++) {
    const key = keys[i];
    if (key === BOUNDARY || key === undefined) {
      const mark = raw[i] ?? '';
      // "A £10 voucher?", "Volgens wie?": a short echo with no question word asks nothing.
      const asks = sentenceStart >= 0 && (compiled.questionOpeners.has(keys[sentenceStart]!) || sentenceWords >= 4);
      if (mark === '?' && asks) questions++;
      punctuation += mark;
      if (i === keys.length || keys[i + 1] !== BOUNDARY) {
        if (readPunctuation(punctuation, type, persona)) loud = 1;
        punctuation = '';
      }
      closeSentence(mark === '\n' ? '' : mark);
      // A colon or semicolon goes on with the sentence ("Before we book: can you ... from 6:30?").
      if (mark !== ':' && mark !== ';') sentenceWords = 0;
      continue;
    }
    const token = raw[i]!;
    if (token[0] === '@') {
      channel.add('x', 1, token);
      continue;
    }
    if (token[0] === '#') channel.add('x', 1, token);
    if (sentenceStart < 0) sentenceStart = i;
    words++;
    sentenceWords++;
    if (token.length >= 2 && !/\d/.test(token) && token === token.toUpperCase() && token !== token.toLowerCase() && !ACRONYMS.has(key)) {
      caps.push(token);
    }
    if (token.includes('*') && /^\p{L}+\*+\p{L}*$/u.test(token) && abuse.score.size === 0) {
      abuse.add('swear', 1, token);
      persona.add('aggressive', 1.5, token);
    }
  }
  if (caps.length > 0) loud++;
  if (questions > 0) type.add('question', 1.2, '?');
  if (caps.length >= 3 && caps.length >= words * 0.5) {
    persona.add('aggressive', 2.5, 'capitals');
    type.add('complaint', 1, 'capitals');
  } else for (const word of caps.slice(0, 3)) persona.add('aggressive', 0.7, word);
  return loud;
}

/** true for stacked "!!!". */
function readPunctuation(run: string, type: Tally<MessageType>, persona: Tally<Persona>): boolean {
  const bangs = run.split('!').length - 1;
  if (bangs >= 2 && run.length >= 2) {
    persona.add('aggressive', 1.2, '!!!');
    type.add('complaint', 0.5, '!!!');
    return true;
  } else if (run.includes('??') || run.includes('?!')) {
    persona.add('aggressive', 0.6, run);
    persona.add('angry', 0.4, run);
    type.add('complaint', 0.7, run);
  }
  return false;
}

function countEmoji(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [emoji] of text.matchAll(EMOJI_RE)) counts.set(emoji, (counts.get(emoji) ?? 0) + 1);
  return counts;
}

function readRating(text: string): number | null {
  const match = RATING_RE.exec(text);
  if (!match) return null;
  if (match[1]) return [...match[1]].length;
  return Number(match[3] ?? match[4]);
}

/** The first subject of the message's topic in the list's priority, with its place when it has one. */
function findSubject(compiled: Compiled, { raw, keys }: Tokens, hits: Hit[], topic: Topic, lang: Lang): Subject | null {
  let best: { index: number; hit: Hit } | null = null;
  for (const hit of hits) {
    if (hit.group !== 'subject') continue;
    const index = Number(hit.key);
    if (compiled.cues.subjects[index]!.topic !== topic) continue;
    if (!best || index < best.index) best = { index, hit };
  }
  if (!best) return null;
  const cue = compiled.cues.subjects[best.index]!;
  let phrase = cue.phrase;
  const at = best.hit.end;
  if (cue.place && compiled.cues.placePrepositions.includes(keys[at] ?? '')) {
    const place: string[] = [];
    for (let i = at + 1; i < at + 3 && /^\p{Lu}\p{Ll}+$/u.test(raw[i] ?? '') && !compiled.words.has(keys[i]!); i++) place.push(raw[i]!);
    if (place.length > 0) phrase = `${phrase} ${keys[at]} ${place.join(' ')}`;
  }
  return { lang, phrase, possessive: cue.possessive, topic };
}
