// How a draft and its warnings look to the moderator on the terminal.
import { CHANNEL_MAX_LENGTH, type Finding } from '../core/domain.js';
import type { Draft } from '../core/draft.js';
import { colorsFor } from './colors.js';

export function formatWarnings(warnings: readonly Finding[], stream: NodeJS.WriteStream): string {
  const c = colorsFor(stream);
  const mark = { error: c.red('error  '), warning: c.yellow('warning'), hint: c.cyan('hint   ') };
  return warnings
    .map(
      (w) =>
        `  ${mark[w.severity]} ${w.message} ${c.dim(`[${w.rule}]`)}` +
        (w.excerpt && w.line ? c.dim(` "${w.excerpt}"`) : '') +
        `\n          ${c.dim('→')} ${w.advice}\n`,
    )
    .join('');
}

/**
 * Breaks long lines at spaces for reading on the terminal, where they would otherwise wrap in
 * the middle of a word. Only the screen: the reply on stdout keeps its own lines.
 */
export function wrapForScreen(text: string, columns: number | undefined): string {
  const width = Math.max(40, Math.min(columns ? columns - 2 : 80, 100));
  return text
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current !== '' && current.length + 1 + word.length > width) {
          out.push(current);
          current = word;
        } else current = current === '' ? word : `${current} ${word}`;
      }
      out.push(current);
      return out.join('\n');
    })
    .join('\n');
}

export function formatDraft(draft: Draft, stream: NodeJS.WriteStream): string {
  const c = colorsFor(stream);
  const limit = CHANNEL_MAX_LENGTH[draft.channel];
  const length = `${draft.reply.length}/${limit}`;
  const rule = c.dim('─'.repeat(60));
  return (
    `\n${c.bold('Reply')} ${c.dim(`(${draft.channel}, ${draft.lang}, ${draft.reply.length > limit ? c.red(length) : length} characters)`)}\n` +
    `${rule}\n${wrapForScreen(draft.reply, stream.columns)}\n${rule}\n` +
    `${c.dim(wrapForScreen(`Strategy: ${draft.strategy}`, stream.columns))}\n` +
    (draft.warnings.length > 0 ? formatWarnings(draft.warnings, stream) : `  ${c.green('✓')} no warnings\n`) +
    '\n'
  );
}
