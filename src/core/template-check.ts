// `webcare templates check` without the I/O: every combination of answers a moderator can give,
// rendered through the same composeDraft that `draft` uses, then linted. Pure: renderer in,
// results out. Besides check()'s rules it looks for what only a template can get wrong: a
// register mix-up in Dutch and a gap where a value should have been.
import type { Classification } from './classify.js';
import {
  CHANNELS,
  FAULTS,
  LANGS,
  MESSAGE_TYPES,
  PERSONAS,
  type Channel,
  type Fault,
  type Finding,
  type Intent,
  type Lang,
  type MessageType,
  type Persona,
  type Topic,
} from './domain.js';
import { composeDraft, neutralClassification, type Answers } from './draft.js';
import { intentWarnings } from './intent.js';
import type { Renderer } from './render.js';

/** The sample answers beside the persona, type, fault and channel. */
interface Sample {
  id: 'named' | 'no-name' | 'sensitive';
  name: string | null;
  company: string | null;
  action: Record<Lang, string> | null;
  topic: Topic;
  sensitive: boolean;
}

const SAMPLES: readonly Sample[] = [
  {
    id: 'named',
    name: 'Marja de Vries',
    company: 'Voorbeeld BV',
    action: { nl: 'we sturen vandaag nog een nieuw exemplaar', en: "we're sending a new one today" },
    topic: 'delivery',
    sensitive: false,
  },
  { id: 'no-name', name: null, company: null, action: null, topic: 'other', sensitive: false },
  { id: 'sensitive', name: 'Marja de Vries', company: null, action: null, topic: 'billing', sensitive: true },
];

const AGENT = 'Sanne';

/** Intents that change the reply: a private move, and removing or hiding an abusive post. */
const INTENT_GROUPS: readonly (readonly Intent[])[] = [['reply'], ['private'], ['delete', 'hide']];

/** How many phrasings --variant turns through: the files have three or four. */
const VARIANTS = 6;

/** What the combinations are made of, for the summary line. */
export function combinationShape(all = false): string {
  return [
    `${PERSONAS.length} personas`,
    `${MESSAGE_TYPES.length} types`,
    `${FAULTS.length} faults`,
    `${CHANNELS.length} channels`,
    `${LANGS.length} languages`,
    '2 registers',
    all
      ? `${INTENT_GROUPS.flat().length} intents × ${SAMPLES.length} samples × ${VARIANTS} phrasings`
      : `${INTENT_GROUPS.length} intents (${INTENT_GROUPS.map((group) => group.join('/')).join(', ')})`,
  ].join(' × ');
}

export interface Combination {
  lang: Lang;
  formal: boolean;
  channel: Channel;
  type: MessageType;
  persona: Persona;
  fault: Fault;
  intent: Intent;
  sample: Sample['id'];
  /** The --variant that picked the phrasings. */
  variant: number;
}

export interface CombinationResult {
  combination: Combination;
  reply: string;
  findings: Finding[];
}

export interface TemplateCheckResult {
  total: number;
  failures: CombinationResult[];
}

/** "nl formal · x · aggressive · complaint · fault company · intent reply · named · variant 2" */
export function describeCombination(c: Combination): string {
  return [
    `${c.lang} ${c.formal ? 'formal' : 'informal'}`,
    c.channel,
    c.persona,
    c.type,
    `fault ${c.fault}`,
    `intent ${c.intent}`,
    c.sample,
    `variant ${c.variant}`,
  ].join(' · ');
}

/**
 * Every persona × type × fault × channel × language × register × intent (delete and hide take
 * turns: they differ by one word). The sample answers turn over so that, for every persona,
 * type, channel, language and register, each pair of fault, intent and sample is rendered at
 * least once; the phrasing (--variant) turns over too. With `all`, every intent, sample and
 * phrasing is crossed with everything: 24 times as many replies.
 */
export function* combinations({ all = false }: { all?: boolean } = {}): Generator<Combination> {
  let shift = 0;
  for (const lang of LANGS)
    for (const formal of [false, true])
      for (const channel of CHANNELS)
        for (const type of MESSAGE_TYPES)
          for (const persona of PERSONAS) {
            shift++;
            for (const [f, fault] of FAULTS.entries())
              for (const [g, intents] of INTENT_GROUPS.entries()) {
                const base = { lang, formal, channel, type, persona, fault };
                if (all) {
                  for (const intent of intents)
                    for (const sample of SAMPLES)
                      for (let variant = 1; variant <= VARIANTS; variant++) yield { ...base, intent, sample: sample.id, variant };
                  continue;
                }
                // A Latin square: over the faults, each intent group meets each sample. The
                // phrasing shifts by one from one persona (channel, ...) to the next, so it does
                // not follow the fault and the intent.
                yield {
                  ...base,
                  intent: intents[f % intents.length]!,
                  sample: SAMPLES[(f + g) % SAMPLES.length]!.id,
                  variant: 1 + ((f * INTENT_GROUPS.length + g + shift) % VARIANTS),
                };
              }
          }
}

export function checkTemplates(renderer: Renderer, list: Iterable<Combination>): TemplateCheckResult {
  let total = 0;
  const failures: CombinationResult[] = [];
  for (const combination of list) {
    total++;
    const result = checkCombination(renderer, combination);
    if (result.findings.length > 0) failures.push(result);
  }
  return { total, failures };
}

export function checkCombination(renderer: Renderer, combination: Combination): CombinationResult {
  const sample = SAMPLES.find((s) => s.id === combination.sample)!;
  const { lang } = combination;
  const answers: Answers = {
    name: sample.name,
    channel: combination.channel,
    type: combination.type,
    persona: combination.persona,
    sensitive: sample.sensitive,
    fault: combination.fault,
    topic: sample.topic,
    intent: combination.intent,
    action: sample.action?.[lang] ?? null,
    lang,
    formal: combination.formal,
    agent: AGENT,
    company: sample.company,
    privateChannel: null,
    variant: combination.variant,
  };
  const classification = sampleClassification(lang, combination.intent);
  const draft = composeDraft(SAMPLE_MESSAGE[lang], answers, classification, renderer);
  // The draft's warnings start with advice on the intent itself; only what check() finds in the
  // text counts, and hints (a removal that gives its reason) pass.
  const findings = draft.warnings
    .slice(intentWarnings(answers, classification).length)
    .filter((finding) => finding.severity !== 'hint');
  findings.push(...templateFindings(draft.reply, combination));
  findings.push(...repeatFindings(draft.reply, [sample.name, sample.action?.[lang], AGENT, sample.company]));
  return { combination, reply: draft.reply, findings };
}

// The seed comes from the message; any fixed text will do, --variant turns the phrasing.
const SAMPLE_MESSAGE: Record<Lang, string> = {
  nl: 'Mijn pakket is nog steeds niet bezorgd.',
  en: 'My parcel still has not arrived.',
};

function sampleClassification(lang: Lang, intent: Intent): Classification {
  const neutral = neutralClassification(lang);
  if (intent !== 'delete' && intent !== 'hide') return neutral;
  return { ...neutral, abusive: true, abuseTarget: 'person', abusiveCues: ['(sample)'] };
}

// Formal Dutch is "u/uw" throughout (issue 9), informal Dutch "je/jij" throughout. The templates
// never speak of the team as "jullie", so that word is the customer's too.
const INFORMAL_NL = /(?<![\p{L}\p{N}'’-])(je|jij|jou|jouw|jullie|jezelf|joune?)(?![\p{L}\p{N}'’-])/giu;
const FORMAL_NL = /(?<![\p{L}\p{N}'’-])(u|uw|uzelf|uwe)(?![\p{L}\p{N}'’-])/giu;

/** A first line that is only a greeting word: "Hoi," or "Beste," where the name should follow. */
const GREETING_GAP = /^(hoi|hi|hey|hallo|beste|dear|geachte)\s*[,:]?$/iu;
/** Space before punctuation, a lone caret, or what an empty or odd value renders as. */
const GAP = /\s[,.;:!?](?!\p{L})|\^(?=\s|$)|\bundefined\b|\[object Object\]|\{\{|\}\}/gu;

function templateFindings(reply: string, combination: Combination): Finding[] {
  const findings: Finding[] = [];
  const add = (rule: string, index: number, found: string, message: string, advice: string) => {
    const before = reply.slice(0, index);
    const line = before.split('\n').length;
    findings.push({
      rule,
      severity: 'error',
      line,
      column: index - (before.lastIndexOf('\n') + 1) + 1,
      excerpt: found.trim(),
      message,
      advice,
    });
  };
  if (combination.lang === 'nl') {
    const [wrong, advice] = combination.formal
      ? [INFORMAL_NL, 'formal Dutch says "u" and "uw" throughout: use {{r "je" "u"}} or a {{#if formal}} branch']
      : [FORMAL_NL, 'informal Dutch says "je" throughout: use {{r "je" "u"}} or a {{#if formal}} branch'];
    for (const match of reply.matchAll(wrong)) {
      add('register', match.index, match[0], `"${match[0]}" in ${combination.formal ? 'formal' : 'informal'} Dutch`, advice);
    }
  }
  const firstLine = (reply.split('\n')[0] ?? '').trim();
  if (GREETING_GAP.test(firstLine)) {
    add('name-gap', 0, firstLine, 'the greeting has no name after it', 'without a name, greet with a whole phrase: {{#if hasName}}Hoi {{firstName}},{{else}}Hoi!{{/if}}');
  }
  for (const match of reply.matchAll(GAP)) {
    add('name-gap', match.index, match[0], 'an empty gap or an unfilled value', 'wrap the part in {{#if …}} so it only shows with a value');
  }
  return findings;
}

// A word said twice between the parts reads as a form stitched together ("We pakken het nu op.
// ... Dan pakken we het daar op"). Counted on stems, so "pakken" and "oppakken" meet; the
// greeting, the sign-off and the sample's own values (name, action) do not count.
const STEMS = [
  'pak', 'verwacht', 'zoek', 'kijk', 'regel', 'vervelend', 'sorry', 'excuses', 'graag', 'meteen', 'direct', 'gelijk', 'help',
  'loop', 'ligt', 'snap', 'begrijp', 'fijn', 'goed', 'samen', 'horen', 'hoort', 'laat', 'dank', 'vraag',
  'pick', 'expect', 'right', 'sort', 'look', 'check', 'through', 'hassle', 'happy', 'glad', 'thank', 'straight', 'find',
  'together', 'help', 'hear', 'great', 'sure', 'want', 'like', 'rustig', 'calm', 'echt', 'really',
];
const WORD = /[\p{L}'’]+/gu;

function repeatFindings(reply: string, own: readonly (string | null | undefined)[]): Finding[] {
  const lines = reply.split('\n');
  // Drop the greeting line and the sign-off (the last paragraph or the "^Agent").
  let body = lines.slice(1).join('\n').replace(/\n\n[^\n]*(\n[^\n]*)*$/, '').replace(/\^\S+\s*$/, '');
  for (const value of own) if (value) body = body.split(value).join(' ');
  const seen = new Map<string, string>();
  const findings: Finding[] = [];
  for (const match of body.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    const stem = STEMS.find((s) => word.startsWith(s) || (word.startsWith('op') && word.slice(2).startsWith(s)) || (word.startsWith('uit') && word.slice(3).startsWith(s)));
    if (!stem) continue;
    const first = seen.get(stem);
    if (first === undefined) {
      seen.set(stem, word);
      continue;
    }
    findings.push({
      rule: 'repeated-word',
      severity: 'error',
      line: 0,
      column: 0,
      excerpt: `${first} … ${word}`,
      message: `"${stem}" twice: the parts repeat each other`,
      advice: 'reword one of the two parts, or pick phrasings that fit together',
    });
  }
  return findings;
}
