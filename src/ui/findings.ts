// Findings for people, in the style of established linters: the file, then one line per finding
// (line:column, severity, message, rule id) with the advice under it, and a summary line.
import type { ChalkInstance } from 'chalk';
import type { Finding, Severity } from '../core/domain.js';

export interface FileFindings {
  /** What the user gave: a path, "-" for stdin, "<text>" for --text. */
  file: string;
  findings: readonly Finding[];
}

const LABEL: Record<string, string> = { '-': '<stdin>' };

export function formatFindings(results: readonly FileFindings[], color: ChalkInstance): string {
  const paint: Record<Severity, (text: string) => string> = {
    error: color.red,
    warning: color.yellow,
    hint: color.cyan,
  };
  const out: string[] = [];
  for (const { file, findings } of results) {
    if (findings.length === 0) continue;
    out.push(color.underline(LABEL[file] ?? file));
    const places = findings.map((finding) => (finding.line === 0 ? 'reply' : `${finding.line}:${finding.column}`));
    const placeWidth = Math.max(...places.map((place) => place.length));
    const severityWidth = Math.max(...findings.map((finding) => finding.severity.length));
    findings.forEach((finding, i) => {
      const excerpt = finding.excerpt ? ` (${color.bold(`"${finding.excerpt}"`)})` : '';
      out.push(
        `  ${color.dim(places[i]!.padEnd(placeWidth))}  ${paint[finding.severity](finding.severity.padEnd(severityWidth))}  ` +
          `${finding.message}${excerpt}  ${color.dim(finding.rule)}`,
      );
      out.push(`  ${' '.repeat(placeWidth + severityWidth + 4)}${color.dim(`→ ${finding.advice}`)}`);
    });
    out.push('');
  }
  out.push(summary(results, color));
  return `${out.join('\n')}\n`;
}

/** "2 errors, 1 warning in 1 file", or "no problems". */
export function summary(results: readonly FileFindings[], color: ChalkInstance): string {
  const count = (severity: Severity) =>
    results.reduce((sum, result) => sum + result.findings.filter((finding) => finding.severity === severity).length, 0);
  const parts = (['error', 'warning', 'hint'] as const)
    .map((severity) => [severity, count(severity)] as const)
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => `${n} ${severity}${n === 1 ? '' : 's'}`);
  if (parts.length === 0) return color.green('no problems');
  const files = results.filter((result) => result.findings.length > 0).length;
  const line = `${parts.join(', ')} in ${files} file${files === 1 ? '' : 's'}`;
  return count('error') > 0 ? color.red(`✖ ${line}`) : color.yellow(line);
}
