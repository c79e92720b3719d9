// STUB: replaced by the classify work (issue 5). The shape below is the contract.
import type { Channel, Fault, Lang, MessageType, Persona, Topic } from './domain.js';
import { PERSONAS } from './domain.js';
import { detectLang } from './lang.js';

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
}

export interface Classification {
  lang: Lang;
  type: MessageType;
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
  abusive: boolean;
  /** Abuse aimed at a person (staff), or cursing at the company in frustration. */
  abuseTarget: 'person' | 'company' | null;
  abusiveCues: string[];
}

export function classify(text: string, options: { lang?: Lang } = {}): Classification {
  return {
    lang: options.lang ?? detectLang(text),
    type: 'complaint',
    typeCues: [],
    personas: PERSONAS.map((id) => ({ id, score: id === 'meek' ? 1 : 0, cues: [] })),
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
    channel: null,
    channelCues: [],
    urgency: [],
    abusive: false,
    abuseTarget: null,
    abusiveCues: [],
  };
}
