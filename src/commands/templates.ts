// `webcare templates`: list, show, copy and check the reply templates. A user's directory
// (--templates or the `templates` setting) overrides the built-in files one by one.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadSettings } from '../config.js';
import { LANGS, isOneOf } from '../core/domain.js';
import { FindingsExit, WebcareError } from '../errors.js';
import {
  BUILT_IN_TEMPLATES,
  checkUserTemplatesDir,
  compileEntries,
  listTemplateFiles,
  loadTemplateEntries,
  type TemplateEntry,
} from '../templates.js';

export interface TemplatesOptions {
  templates?: string;
  json?: boolean;
  /** templates check: every sample and phrasing too, not only every pair of them. */
  all?: boolean;
}

/** The user's directory: the flag, then the setting; undefined when there is none. */
function userDir(options: TemplatesOptions): string | undefined {
  return options.templates ?? loadSettings().templates;
}

const langOf = (name: string) => name.split('/')[0]!;

/** "nl/persona/meek" -> "persona"; "nl/reply" -> "reply". */
function kindOf(name: string): string {
  const parts = name.split('/');
  if (parts.length === 2 && parts[1] === 'reply') return 'reply';
  if (parts.length !== 3) return '-';
  return parts[1] === 'partials' ? 'partial' : parts[1]!;
}

function sourceOf(entry: TemplateEntry, dir: string | undefined): string {
  if (!isOneOf(LANGS, langOf(entry.name))) return `yours (ignored: not under ${LANGS.join('/ or ')}/)`;
  if (entry.overridden) return 'yours (overrides built-in)';
  if (dir && !entry.path.startsWith(BUILT_IN_TEMPLATES)) return 'yours (new)';
  return 'built-in';
}

export async function runTemplatesList(options: TemplatesOptions): Promise<void> {
  const dir = userDir(options);
  const rows = loadTemplateEntries(dir).map((entry) => [
    entry.name,
    isOneOf(LANGS, langOf(entry.name)) ? langOf(entry.name) : '-',
    kindOf(entry.name),
    sourceOf(entry, dir),
  ]);
  process.stdout.write(table([['NAME', 'LANG', 'KIND', 'SOURCE'], ...rows]));
}

function table(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n') + '\n';
}

export async function runTemplatesShow(name: string, options: TemplatesOptions): Promise<void> {
  const entries = loadTemplateEntries(userDir(options));
  const wanted = name.replace(/\\/g, '/').replace(/^(\.\/)?(templates\/)?/, '').replace(/\.hbs$/, '');
  const entry = entries.find((candidate) => candidate.name === wanted);
  if (!entry) {
    const close = entries.filter((candidate) => candidate.name.endsWith(`/${wanted}`)).map((candidate) => candidate.name);
    throw new WebcareError(
      `unknown template "${name}". ${close.length > 0 ? `Did you mean ${close.join(' or ')}? ` : ''}` +
        'See `webcare templates list` for the names.',
    );
  }
  process.stdout.write(entry.source.endsWith('\n') ? entry.source : `${entry.source}\n`);
}

export async function runTemplatesInit(dir: string, options: { force?: boolean }): Promise<void> {
  const target = resolve(dir);
  const files = [...listTemplateFiles(BUILT_IN_TEMPLATES).entries()].map(([name, from]) => ({
    from,
    to: join(target, `${name}.hbs`),
  }));
  // The authors' guide travels with the copy.
  files.push({ from: join(BUILT_IN_TEMPLATES, 'README.md'), to: join(target, 'README.md') });
  if (!options.force) {
    const existing = files.filter((file) => existsSync(file.to));
    if (existing.length > 0) {
      const more = existing.length > 1 ? ` (and ${existing.length - 1} more)` : '';
      throw new WebcareError(`${existing[0]!.to} already exists${more}; nothing was copied. Use --force to overwrite.`);
    }
  }
  for (const file of files) {
    if (!existsSync(file.from)) continue;
    try {
      mkdirSync(dirname(file.to), { recursive: true });
      copyFileSync(file.from, file.to);
    } catch (error) {
      throw new WebcareError(`cannot write ${file.to}: ${(error as Error).message}`);
    }
  }
  process.stderr.write(
    `Copied ${files.length - 1} templates to ${target}.\n` +
      `Use them with:  webcare config set templates ${quoteForShell(target)}\n` +
      `(or --templates ${quoteForShell(target)} on draft and batch). Change what you need and delete the rest:\n` +
      'a file you leave out comes from the built-in set. Then run `webcare templates check`.\n',
  );
}

function quoteForShell(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

export async function runTemplatesPath(options: TemplatesOptions): Promise<void> {
  const dir = userDir(options);
  // Your directory first: its files win, one by one; the rest come from the built-in set.
  const lines = dir ? [checkUserTemplatesDir(dir), BUILT_IN_TEMPLATES] : [BUILT_IN_TEMPLATES];
  process.stdout.write(`${lines.map((line) => line.replace(/[\\/]$/, '')).join('\n')}\n`);
}

export async function runTemplatesCheck(options: TemplatesOptions): Promise<void> {
  const started = performance.now();
  const dir = userDir(options);
  const entries = loadTemplateEntries(dir);
  const renderer = compileEntries(entries);
  const [{ checkTemplates, combinations }, { formatTemplateCheck }, { colorsFor }] = await Promise.all([
    import('../core/template-check.js'),
    import('../ui/template-check-view.js'),
    import('../ui/colors.js'),
  ]);
  const result = checkTemplates(renderer, combinations({ all: options.all }));
  const seconds = (performance.now() - started) / 1000;
  if (options.json) {
    const { total, failures } = result;
    process.stdout.write(`${JSON.stringify({ total, passed: total - failures.length, failures }, null, 2)}\n`);
  } else {
    process.stdout.write(formatTemplateCheck(result, entries, seconds, colorsFor(process.stdout), options.all));
  }
  if (result.failures.length > 0) throw new FindingsExit();
}
