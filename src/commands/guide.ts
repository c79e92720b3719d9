// `webcare guide`: the playbook in the terminal. The nine customer types at a glance, one of
// them in full with an example reply from the team's own templates, or the anti-patterns that
// `check` catches. The texts are the domain data (core/domain.ts, core/rules.ts), not copies.
import { loadSettings } from '../config.js';
import {
  PERSONAS,
  PERSONA_INFO,
  type Fault,
  type Lang,
  type MessageType,
  type Persona,
  type Topic,
} from '../core/domain.js';
import { WebcareError } from '../errors.js';

export interface GuideOptions {
  lang?: Lang;
}

const WORDS = {
  overview: { nl: 'De negen klanttypes', en: 'The nine customer types' },
  more: { nl: 'één type uitgebreid, met een voorbeeld', en: 'one type in full, with an example' },
  antipatterns: { nl: 'Wat je nooit doet (en wat `webcare check` vindt)', en: 'What never to do (and what `webcare check` finds)' },
  recognise: { nl: 'herkennen', en: 'recognise' },
  strategy: { nl: 'aanpak', en: 'strategy' },
  avoid: { nl: 'vermijd', en: 'avoid' },
  why: { nl: 'waarom', en: 'why' },
  instead: { nl: 'wel doen', en: 'instead' },
  example: { nl: 'Voorbeeld', en: 'Example' },
  exampleOn: { nl: 'op X, uit de templates', en: 'on X, from the templates' },
  types: { nl: { complaint: 'klacht', question: 'vraag', remark: 'opmerking', compliment: 'compliment' }, en: { complaint: 'complaint', question: 'question', remark: 'remark', compliment: 'compliment' } },
} as const;

/** What a typical message from each type looks like, for the example reply. */
const EXAMPLE: Record<Persona, { type: MessageType; fault: Fault; topic: Topic }> = {
  meek: { type: 'complaint', fault: 'company', topic: 'delivery' },
  aggressive: { type: 'complaint', fault: 'company', topic: 'outage' },
  demanding: { type: 'complaint', fault: 'company', topic: 'billing' },
  opportunist: { type: 'complaint', fault: 'unclear', topic: 'delivery' },
  chronic: { type: 'complaint', fault: 'unclear', topic: 'travel' },
  ambassador: { type: 'compliment', fault: 'unclear', topic: 'other' },
  critic: { type: 'remark', fault: 'unclear', topic: 'app' },
  introvert: { type: 'question', fault: 'unclear', topic: 'subscription' },
  angry: { type: 'complaint', fault: 'company', topic: 'service' },
};

export async function runGuide(topic: string | undefined, options: GuideOptions): Promise<void> {
  const settings = loadSettings();
  const lang = options.lang ?? settings.lang ?? 'nl';
  if (topic === undefined) {
    process.stdout.write(overview(lang));
    return;
  }
  if (/^anti-?patterns?$/i.test(topic)) {
    process.stdout.write(await antipatterns(lang));
    return;
  }
  const persona = findPersona(topic);
  if (!persona) {
    throw new WebcareError(`unknown customer type "${topic}". Choose one of: ${PERSONAS.join(', ')}, or "antipatterns".`);
  }
  process.stdout.write(await personaInFull(persona, lang, settings));
}

/** An id, or a label in either language ("agressief", "chronische klager"). */
function findPersona(topic: string): Persona | undefined {
  const wanted = topic.trim().toLowerCase();
  return PERSONAS.find(
    (id) => id === wanted || PERSONA_INFO[id].label.nl === wanted || PERSONA_INFO[id].label.en === wanted,
  );
}

function title(persona: Persona, lang: Lang): string {
  const label = PERSONA_INFO[persona].label[lang];
  return label === persona ? label : `${label} (${persona})`;
}

function overview(lang: Lang): string {
  const out = [`${WORDS.overview[lang]}  (webcare guide <type>: ${WORDS.more[lang]})`, ''];
  for (const persona of PERSONAS) {
    const info = PERSONA_INFO[persona];
    out.push(title(persona, lang));
    out.push(...field(WORDS.recognise[lang], info.recognise[lang], 10));
    out.push(...field(WORDS.strategy[lang], info.strategy[lang], 10), '');
  }
  return `${out.join('\n')}`;
}

async function personaInFull(persona: Persona, lang: Lang, settings: ReturnType<typeof loadSettings>): Promise<string> {
  const info = PERSONA_INFO[persona];
  const out = [title(persona, lang), ''];
  out.push(...field(WORDS.recognise[lang], info.recognise[lang], 10));
  out.push(...field(WORDS.strategy[lang], info.strategy[lang], 10));
  out.push(...field(WORDS.avoid[lang], info.avoid[lang], 10), '');
  const { type } = EXAMPLE[persona];
  const reply = await exampleReply(persona, lang, settings);
  out.push(`${WORDS.example[lang]} (${WORDS.types[lang][type]} ${WORDS.exampleOn[lang]}):`);
  out.push(...reply.split('\n').map((line) => `  ${line}`), '');
  return out.join('\n');
}

/** The reply `webcare draft` would give this type on X, through the team's own templates. */
async function exampleReply(persona: Persona, lang: Lang, settings: ReturnType<typeof loadSettings>): Promise<string> {
  const [{ composeDraft, neutralClassification }, { loadRenderer }] = await Promise.all([
    import('../core/draft.js'),
    import('../templates.js'),
  ]);
  const { type, fault, topic } = EXAMPLE[persona];
  const answers = {
    name: lang === 'nl' ? 'Marja de Vries' : 'Mark Evans',
    channel: 'x',
    type,
    persona,
    sensitive: false,
    fault,
    topic,
    intent: 'reply',
    action: null,
    lang,
    formal: settings.formal ?? false,
    agent: settings.agent ?? 'Sanne',
    company: settings.company ?? null,
    privateChannel: settings.privateChannel ?? null,
    variant: 1,
  } as const;
  return composeDraft(persona, answers, neutralClassification(lang), loadRenderer(settings.templates)).reply;
}

async function antipatterns(lang: Lang): Promise<string> {
  const { RULES } = await import('../core/rules.js');
  const out = [WORDS.antipatterns[lang], ''];
  for (const rule of RULES) {
    out.push(`${rule.title[lang]} (${rule.id})`);
    out.push(...field(WORDS.why[lang], rule.why[lang], 10));
    out.push(...field(WORDS.instead[lang], rule.advice[lang], 10), '');
  }
  return out.join('\n');
}

/** "  label     text", wrapped to the terminal (or 80 columns) under the text. */
function field(label: string, text: string, labelWidth: number): string[] {
  const indent = 2 + labelWidth + 1;
  const width = Math.max(40, Math.min(process.stdout.columns || 80, 100)) - indent;
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  lines.push(current);
  return lines.map((line, i) => `  ${(i === 0 ? label : '').padEnd(labelWidth)} ${line}`);
}
