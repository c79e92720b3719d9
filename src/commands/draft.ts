// `webcare draft`: from a customer's message to a reply the moderator accepts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configDir, loadSettings } from '../config.js';
import { classify } from '../core/classify.js';
import {
  CHANNELS,
  FAULTS,
  INTENTS,
  LANGS,
  MESSAGE_TYPES,
  PERSONAS,
  TOPICS,
  isOneOf,
} from '../core/domain.js';
import { resolveAnswers, type Answers } from '../core/answers.js';
import type { Draft } from '../core/draft.js';
import { FindingsExit, WebcareError } from '../errors.js';
import { readGivenText, writeFileAtomic } from '../io.js';
import { formatWarnings } from '../ui/draft-view.js';
import { openTerminal } from '../ui/terminal.js';

export interface DraftOptions {
  text?: string;
  name?: string;
  channel?: Answers['channel'];
  type?: Answers['type'];
  persona?: Answers['persona'];
  sensitive?: boolean;
  fault?: Answers['fault'];
  action?: string;
  topic?: Answers['topic'];
  intent?: Answers['intent'];
  lang?: Answers['lang'];
  formal?: boolean;
  informal?: boolean;
  agent?: string;
  company?: string;
  templates?: string;
  variant?: number;
  yes?: boolean;
  again?: boolean;
  json?: boolean;
}

/** The answers the flags settle; everything else is suggested, and asked when a person is there. */
export function answersFromFlags(options: DraftOptions): Partial<Answers> {
  if (options.formal && options.informal) throw new WebcareError('choose --formal or --informal, not both.');
  const flags: Partial<Answers> = {
    name: options.name,
    channel: options.channel,
    type: options.type,
    persona: options.persona,
    sensitive: options.sensitive,
    fault: options.fault,
    action: options.action,
    topic: options.topic,
    intent: options.intent,
    lang: options.lang,
    formal: options.formal ? true : options.informal ? false : undefined,
    agent: options.agent,
    company: options.company,
    variant: options.variant,
  };
  return Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined)) as Partial<Answers>;
}

const lastDraftPath = () => join(configDir(), 'last-draft.json');

/** The answers of the previous draft, for --again; only the fields that are still valid. */
function loadLastAnswers(): Partial<Answers> {
  let saved: Record<string, unknown>;
  try {
    saved = JSON.parse(readFileSync(lastDraftPath(), 'utf8')) as Record<string, unknown>;
  } catch {
    throw new WebcareError('there is no earlier draft to start from; run `webcare draft` once without --again.');
  }
  const valid: Partial<Answers> = {};
  const copy = <K extends keyof Answers>(key: K, ok: boolean) => {
    if (ok) valid[key] = saved[key] as Answers[K];
  };
  copy('channel', isOneOf(CHANNELS, saved.channel));
  copy('type', isOneOf(MESSAGE_TYPES, saved.type));
  copy('persona', isOneOf(PERSONAS, saved.persona));
  copy('fault', isOneOf(FAULTS, saved.fault));
  copy('topic', isOneOf(TOPICS, saved.topic));
  copy('intent', isOneOf(INTENTS, saved.intent));
  copy('lang', isOneOf(LANGS, saved.lang));
  copy('sensitive', typeof saved.sensitive === 'boolean');
  copy('formal', typeof saved.formal === 'boolean');
  copy('name', typeof saved.name === 'string');
  copy('action', typeof saved.action === 'string');
  copy('agent', typeof saved.agent === 'string');
  return valid;
}

function saveLastAnswers(answers: Answers): void {
  try {
    writeFileAtomic(lastDraftPath(), `${JSON.stringify(answers, null, 2)}\n`);
  } catch {
    // Remembering answers is a convenience; a read-only config directory must not fail the draft.
  }
}

export async function runDraft(file: string | undefined, options: DraftOptions): Promise<void> {
  const settings = loadSettings();
  const flags = { ...(options.again ? loadLastAnswers() : {}), ...answersFromFlags(options) };
  let text = await readGivenText(file, options.text);
  const terminal = options.yes ? null : openTerminal();
  try {
    if (text === null) {
      if (!terminal) {
        throw new WebcareError('no message to answer. Give it as a file, with --text, or on stdin.');
      }
      const { Prompter } = await import('../ui/prompts.js');
      const pasted = await new Prompter(terminal).multiline("Paste the customer's message:");
      const { decodeText } = await import('../io.js');
      text = decodeText(Buffer.from(pasted, 'utf8'), 'the message');
    }
    const message = text;
    const classification = classify(message, { lang: flags.lang });
    // Templates (and Handlebars) load while the moderator reads the first question, and so
    // does the drafting, with the checker.
    const loadTemplates = async () => {
      const { loadRenderer } = await import('../templates.js');
      return loadRenderer(options.templates ?? settings.templates);
    };
    const drafting = () => import('../core/draft.js');
    let answers = resolveAnswers(classification, { flags, settings });
    let draft: Draft;
    if (terminal) {
      const { walkthrough } = await import('../ui/walkthrough.js');
      ({ answers, draft } = await walkthrough({ terminal, message, classification, loadTemplates, drafting, answers, flags }));
    } else {
      const { composeDraft } = await drafting();
      draft = composeDraft(message, answers, classification, await loadTemplates());
      if (draft.warnings.length > 0) process.stderr.write(formatWarnings(draft.warnings, process.stderr));
    }
    saveLastAnswers(answers);
    process.stdout.write(options.json ? `${JSON.stringify(draft, null, 2)}\n` : `${draft.reply}\n`);
    if ((await drafting()).hasErrors(draft.warnings)) throw new FindingsExit();
  } finally {
    terminal?.close();
  }
}
