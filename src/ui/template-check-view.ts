// `webcare templates check` for people: the failing combinations grouped by what is wrong, a few
// examples each with one reply to look at, and a one-line summary.
import type { ChalkInstance } from 'chalk';
import { CHANNEL_MAX_LENGTH, type Finding } from '../core/domain.js';
import type { TemplateFile } from '../core/render.js';
import {
  combinationShape,
  describeCombination,
  type CombinationResult,
  type TemplateCheckResult,
} from '../core/template-check.js';

const EXAMPLES = 3;

interface Group {
  finding: Finding;
  results: CombinationResult[];
}

export function formatTemplateCheck(
  { total, failures }: TemplateCheckResult,
  files: readonly TemplateFile[],
  seconds: number,
  color: ChalkInstance,
  all = false,
): string {
  const time = `${seconds.toFixed(1)} s`;
  if (failures.length === 0) {
    const samples = all ? '' : ', with sample answers';
    return `All ${total} combinations pass: ${combinationShape(all)}${samples} (${time}).\n`;
  }
  const out: string[] = [];
  for (const { finding, results } of groupByFinding(failures)) {
    const excerpt = finding.excerpt && finding.rule !== 'too-long' ? ` ${color.bold(`"${finding.excerpt}"`)}` : '';
    const count = `${results.length} combination${results.length === 1 ? '' : 's'}`;
    const lang = results[0]!.combination.lang;
    const where = finding.rule === 'too-long' ? undefined : fileWith(finding.excerpt, lang, files);
    out.push(`${color.red(finding.rule)}  ${headline(finding, results)}${excerpt}  ${color.dim(`(${count})`)}`);
    if (where) out.push(`  in ${where}`);
    for (const result of results.slice(0, EXAMPLES)) out.push(`  ${color.dim(describeCombination(result.combination))}`);
    if (results.length > EXAMPLES) out.push(color.dim(`  … and ${results.length - EXAMPLES} more`));
    out.push(...results[0]!.reply.split('\n').map((line) => `    ${color.dim('│')} ${line}`));
    out.push(`  ${color.dim(`→ ${finding.advice}`)}`, '');
  }
  out.push(
    `${failures.length} of ${total} combinations have findings (${time}).` +
      ' `webcare templates check --json` lists every one with its reply.',
  );
  return `${out.join('\n')}\n`;
}

/** The finding's message; for length, the longest reply of the group rather than the first one's count. */
function headline(finding: Finding, results: readonly CombinationResult[]): string {
  if (finding.rule !== 'too-long') return finding.message;
  const channel = results[0]!.combination.channel;
  const longest = Math.max(...results.map((result) => [...result.reply].length));
  return `${channel === 'x' ? 'X' : channel} replies over ${CHANNEL_MAX_LENGTH[channel]} characters, up to ${longest}`;
}

/** One group per kind of finding: the same rule on the same words (too-long: the same channel). */
function groupByFinding(failures: readonly CombinationResult[]): Group[] {
  const groups = new Map<string, Group>();
  for (const result of failures) {
    const seen = new Set<string>();
    for (const finding of result.findings) {
      const what = finding.rule === 'too-long' ? result.combination.channel : finding.excerpt.toLowerCase();
      const key = `${result.combination.lang}\0${finding.rule}\0${what}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const group = groups.get(key) ?? { finding, results: [] };
      group.results.push(result);
      groups.set(key, group);
    }
  }
  return [...groups.values()].sort((a, b) => b.results.length - a.results.length);
}

/** The template whose text holds the words, when they are long enough to tell. */
function fileWith(excerpt: string, lang: string, files: readonly TemplateFile[]): string | undefined {
  const words = excerpt.toLowerCase().replace(/…$/, '');
  if (words.length < 8) return undefined;
  return files.find((file) => file.name.startsWith(`${lang}/`) && file.source.toLowerCase().includes(words))?.path;
}
