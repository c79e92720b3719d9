// The interactive walkthrough: each question not settled by a flag, with the suggestion from
// the message as its default; then the draft, to accept, edit, rephrase or answer again.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Classification } from '../core/classify.js';
import {
  CHANNELS,
  FAULT_INFO,
  FAULTS,
  INTENT_INFO,
  INTENTS,
  MESSAGE_TYPES,
  PERSONA_INFO,
  PERSONAS,
  TOPICS,
} from '../core/domain.js';
import { firstNameOf, type Answers } from '../core/answers.js';
import type { Draft } from '../core/draft.js';
import type { Renderer } from '../core/render.js';
import { AbortedError } from '../errors.js';
import { formatDraft, formatWarnings } from './draft-view.js';
import { Prompter } from './prompts.js';
import type { Terminal } from './terminal.js';

type Drafting = typeof import('../core/draft.js');

interface WalkthroughInput {
  terminal: Terminal;
  message: string;
  classification: Classification;
  loadTemplates: () => Promise<Renderer>;
  /** core/draft.js, loaded with the templates: the questions come first. */
  drafting: () => Promise<Drafting>;
  /** The resolved suggestions: the defaults of every question. */
  answers: Answers;
  /** What the flags settled: those questions are not asked. */
  flags: Partial<Answers>;
}

const cues = (list: readonly string[]) => (list.length > 0 ? ` (${list.slice(0, 4).join(', ')})` : '');

type Question = keyof Pick<
  Answers,
  'name' | 'channel' | 'type' | 'persona' | 'sensitive' | 'fault' | 'topic' | 'intent' | 'action' | 'lang'
>;

const ORDER: Question[] = ['name', 'channel', 'type', 'persona', 'sensitive', 'fault', 'topic', 'intent', 'action', 'lang'];

async function ask(question: Question, prompt: Prompter, answers: Answers, c: Classification): Promise<Answers> {
  switch (question) {
    case 'name': {
      const name = (await prompt.text("Customer's name (empty if unknown)", answers.name ?? '')).trim();
      return { ...answers, name: name === '' ? null : name };
    }
    case 'channel':
      return { ...answers, channel: await prompt.choose('Channel', CHANNELS.map((id) => ({ value: id, name: id })), answers.channel) };
    case 'type':
      return {
        ...answers,
        type: await prompt.choose(`Kind of message${answers.type === c.type ? cues(c.typeCues) : ''}`, MESSAGE_TYPES.map((id) => ({ value: id, name: id })), answers.type),
      };
    case 'persona': {
      const scores = new Map(c.personas.map((p) => [p.id, p]));
      const choices = PERSONAS.map((id) => {
        const suggestion = scores.get(id);
        const why = suggestion && suggestion.score > 0 && suggestion.cues.length > 0 ? `  ← ${suggestion.cues.slice(0, 3).join(', ')}` : '';
        return { value: id, name: `${id.padEnd(11)} ${PERSONA_INFO[id].recognise.en}${why}`, description: PERSONA_INFO[id].strategy.en };
      });
      return { ...answers, persona: await prompt.choose('Kind of customer', choices, answers.persona) };
    }
    case 'sensitive':
      return {
        ...answers,
        sensitive: await prompt.confirm(
          `Sensitive (money, health, personal data, legal, safety)?${cues(c.sensitiveCues)}`,
          answers.sensitive,
        ),
      };
    case 'fault':
      return {
        ...answers,
        fault: await prompt.choose(`Whose fault${answers.fault === c.fault ? cues(c.faultCues) : ''}`, FAULTS.map((id) => ({ value: id, name: `${id.padEnd(11)} ${FAULT_INFO[id].en}` })), answers.fault),
      };
    case 'topic':
      return {
        ...answers,
        topic: await prompt.choose(`What it is about${answers.topic === c.topic ? cues(c.topicCues) : ''}`, TOPICS.map((id) => ({ value: id, name: id })), answers.topic),
      };
    case 'intent':
      return {
        ...answers,
        intent: await prompt.choose('What will you do with the post?', INTENTS.map((id) => ({ value: id, name: `${id.padEnd(8)} ${INTENT_INFO[id].en}` })), answers.intent),
      };
    case 'action': {
      const action = (await prompt.text('What will we do next? (optional, used verbatim)', answers.action ?? '')).trim();
      return { ...answers, action: action === '' ? null : action };
    }
    case 'lang':
      return { ...answers, lang: await prompt.choose('Language of the reply', [{ value: 'nl', name: 'nl' }, { value: 'en', name: 'en' }], answers.lang) };
  }
}

/** Moves that backfire get a second chance: show why, and offer to reply instead. */
async function confirmIntent(
  prompt: Prompter,
  draft: Draft,
  answers: Answers,
  terminal: Terminal,
  hasErrors: Drafting['hasErrors'],
): Promise<Answers> {
  const moveWarnings = draft.warnings.filter((w) => w.line === 0 && w.excerpt.startsWith('--intent'));
  if (!hasErrors(moveWarnings)) return answers;
  prompt.say(`\n${formatWarnings(moveWarnings, terminal.output)}`);
  const switchToReply = await prompt.confirm('Reply instead?', true);
  return switchToReply ? { ...answers, intent: 'reply' } : answers;
}

function editInEditor(reply: string, terminal: Terminal): string {
  const dir = mkdtempSync(join(tmpdir(), 'webcare-'));
  const file = join(dir, 'reply.txt');
  try {
    writeFileSync(file, `${reply}\n`);
    // Through the shell, as git does: an editor setting may carry arguments ("code --wait").
    // The path is quoted, for a temporary folder with a space in it.
    const editor = process.env.VISUAL || process.env.EDITOR || 'vi';
    const quoted = process.platform === 'win32' ? `"${file}"` : `'${file.replace(/'/g, `'\\''`)}'`;
    const result = spawnSync(`${editor} ${quoted}`, { stdio: terminal.stdio, shell: true });
    if (result.error || result.status !== 0) return reply;
    const edited = readFileSync(file, 'utf8').trim();
    return edited === '' ? reply : edited;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function walkthrough(input: WalkthroughInput): Promise<{ answers: Answers; draft: Draft }> {
  const { terminal, message, classification, flags } = input;
  const prompt = new Prompter(terminal);
  // Load the templates just after the first question is on screen; a broken one is reported
  // as soon as the question being answered is done, not after the whole walkthrough.
  let templateError: unknown;
  const loading = new Promise((resolve) => setTimeout(resolve, 20)).then(() => Promise.all([input.loadTemplates(), input.drafting()]));
  loading.catch((error: unknown) => (templateError = error));
  let answers = input.answers;
  for (const question of ORDER) {
    if (flags[question] === undefined) answers = await ask(question, prompt, answers, classification);
    if (templateError) throw templateError;
  }
  const [renderer, { composeDraft, draftWithReply, hasErrors }] = await loading;
  let draft = composeDraft(message, answers, classification, renderer);
  answers = await confirmIntent(prompt, draft, answers, terminal, hasErrors);
  draft = composeDraft(message, answers, classification, renderer);
  for (;;) {
    prompt.say(formatDraft(draft, terminal.output));
    const next = await prompt.choose(
      'Use this reply?',
      [
        { value: 'accept', name: 'Accept' },
        { value: 'edit', name: 'Edit it in your editor' },
        { value: 'variant', name: 'Try another phrasing' },
        { value: 'change', name: 'Change an answer' },
        { value: 'quit', name: 'Quit without a reply' },
      ],
      'accept',
    );
    if (next === 'accept') return { answers, draft };
    if (next === 'quit') throw new AbortedError();
    if (next === 'edit') {
      draft = draftWithReply(editInEditor(draft.reply, terminal), answers, classification);
      continue;
    }
    if (next === 'variant') {
      answers = { ...answers, variant: answers.variant + 1 };
    } else {
      const question = await prompt.choose(
        'Which answer?',
        ORDER.map((q) => ({ value: q, name: `${q.padEnd(10)} ${describe(q, answers)}` })),
      );
      answers = await ask(question, prompt, answers, classification);
      if (question === 'intent') answers = await confirmIntent(prompt, composeDraft(message, answers, classification, renderer), answers, terminal, hasErrors);
    }
    draft = composeDraft(message, answers, classification, renderer);
  }
}

function describe(question: Question, answers: Answers): string {
  const value = answers[question];
  if (question === 'name') return value ? `${String(value)} (greets "${firstNameOf(answers.name)}")` : '(none)';
  if (value === null || value === '') return '(none)';
  return String(value);
}
