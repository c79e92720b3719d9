// `webcare classify`: what a customer's message is, who wrote it and why we think so.
// The core decides; this file reads the input and lays the answer out.
import type { ChalkInstance } from 'chalk';
import { classify, type Classification } from '../core/classify.js';
import type { Lang } from '../core/domain.js';
import { WebcareError } from '../errors.js';
import { readGivenText } from '../io.js';

export interface ClassifyOptions {
  text?: string;
  lang?: Lang;
  json?: boolean;
}

export async function runClassify(file: string | undefined, options: ClassifyOptions): Promise<void> {
  const text = await readGivenText(file, options.text);
  if (text === null) throw new WebcareError('give a message to classify: a file, --text "...", or pipe it in.');
  const result = classify(text, options.lang ? { lang: options.lang } : {});
  if (options.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const { colorsFor } = await import('../ui/colors.js');
  process.stdout.write(formatClassification(result, colorsFor(process.stdout)));
}

const LABEL_WIDTH = 11;
const TOP_PERSONAS = 3;
/** A persona this likely or more is worth a second look. */
const RUNNER_UP = 0.1;
const MAX_CUES = 6;

/** One line per question a moderator asks, the suggestion first and the cues behind it dimmed. */
export function formatClassification(c: Classification, color: ChalkInstance): string {
  const why = (cues: readonly string[]) => {
    const shown = cues.slice(0, MAX_CUES).map(quote).join(', ');
    return color.dim(cues.length > MAX_CUES ? `${shown} +${cues.length - MAX_CUES}` : shown);
  };
  const row = (label: string, value: string, cues: readonly string[] = [], pad = 0) =>
    `${color.bold(label.padEnd(LABEL_WIDTH))}${value}${' '.repeat(Math.max(0, pad - visibleLength(value)))}${cues.length > 0 ? `  ${why(cues)}` : ''}`.trimEnd();
  const yesNo = (flag: boolean) => (flag ? color.yellow('yes') : 'no');

  // The suggestion always shows; the runners-up only when they are a real alternative.
  const personas = c.personas.slice(0, TOP_PERSONAS).filter((p, i) => i === 0 || p.score >= RUNNER_UP);
  const personaWidth = Math.max(...personas.map((p) => personaLabel(p.id, p.score).length));
  const topic = c.secondTopic ? `${c.topic} ${color.dim(`(also ${c.secondTopic})`)}` : c.topic;
  const lines = [
    row('language', c.lang),
    row('type', color.cyan(`${c.type} ${c.typeScore.toFixed(2)}`), c.typeCues),
    ...personas.map((p, i) =>
      row(i === 0 ? 'persona' : '', i === 0 ? color.cyan(personaLabel(p.id, p.score)) : personaLabel(p.id, p.score), p.cues, personaWidth),
    ),
    row('topic', topic, c.topicCues),
    row('sensitive', c.sensitive ? `${color.yellow('yes')} (${c.sensitiveReasons.join(', ')})` : 'no', c.sensitiveCues),
    row('fault', c.fault, c.faultCues),
    row('name', c.name ?? color.dim('none')),
    row('channel', c.channel ?? color.dim('none'), c.channelCues),
    row('register', c.formal ? 'formal' : 'informal', c.formalCues),
    row('urgency', c.urgency.length > 0 ? color.yellow(c.urgency.map(quote).join(', ')) : color.dim('none')),
    row('abusive', c.abusive ? `${yesNo(true)} (at ${c.abuseTarget === 'person' ? 'a person' : 'the company'})` : 'no', c.abusiveCues),
  ];
  return `${lines.join('\n')}\n`;
}

function personaLabel(id: string, score: number): string {
  return `${id} ${score.toFixed(2)}`;
}

/** Signals such as "capitals" or "a question" read as words; quoted cues are the customer's own. */
function quote(cue: string): string {
  return /^(capitals|a (complaint|question|remark|compliment))$/.test(cue) ? cue : `"${cue}"`;
}

function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}
