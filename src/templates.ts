// Where templates come from: the built-in set, overridden file by file by the user's directory.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TemplateError, compileTemplates, type ParsedTemplates, type Renderer, type TemplateFile } from './core/render.js';
import { WebcareError } from './errors.js';
import { describeFsError } from './io.js';

export const BUILT_IN_TEMPLATES = fileURLToPath(new URL('../templates/', import.meta.url));

export interface TemplateEntry extends TemplateFile {
  /** true when the user's directory has its own copy of this file. */
  overridden: boolean;
}

/** Template files under a directory, by name ("nl/persona/meek"). */
export function listTemplateFiles(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.hbs')) found.set(relative(dir, path).slice(0, -4).split(sep).join('/'), path);
    }
  };
  walk(dir);
  return found;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function checkUserTemplatesDir(dir: string): string {
  const absolute = resolve(dir);
  if (!existsSync(absolute)) {
    throw new WebcareError(`the templates directory ${absolute} does not exist. Create it with \`webcare templates init ${dir}\`.`);
  }
  if (!statSync(absolute).isDirectory()) {
    throw new WebcareError(`${absolute} is a file, not a templates directory. Create one with \`webcare templates init DIR\`.`);
  }
  return absolute;
}

export function loadTemplateEntries(userDir?: string): TemplateEntry[] {
  const entries = new Map<string, TemplateEntry>();
  const read = (path: string) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      throw new WebcareError(`cannot read the template ${path}: ${describeFsError(error)}`);
    }
    // A template in another encoding would put replacement characters in every reply.
    try {
      return UTF8.decode(bytes);
    } catch {
      throw new WebcareError(`the template ${path} is not valid UTF-8; save it as UTF-8.`);
    }
  };
  for (const [name, path] of listTemplateFiles(BUILT_IN_TEMPLATES)) {
    entries.set(name, { name, path, source: read(path), overridden: false });
  }
  if (userDir) {
    for (const [name, path] of listTemplateFiles(checkUserTemplatesDir(userDir))) {
      entries.set(name, { name, path, source: read(path), overridden: entries.has(name) });
    }
  }
  return [...entries.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Compiles the set a command will use; a broken template is an input error naming file and line. */
export function loadRenderer(userDir?: string): Renderer {
  return compileEntries(loadTemplateEntries(userDir));
}

export function compileEntries(entries: readonly TemplateEntry[]): Renderer {
  return renderSafely(() => compileTemplates(entries, { parsed: builtInParses() }));
}

/**
 * The built-in phrasings as build.mjs parsed them (dist/templates.json, next to the bundle).
 * Without it (running from src/, or a build without it) every phrasing is parsed here.
 */
function builtInParses(): ParsedTemplates | undefined {
  try {
    return new Map(JSON.parse(readFileSync(new URL('./templates.json', import.meta.url), 'utf8')) as [string, never][]);
  } catch {
    return undefined;
  }
}

/** Renders, turning a template failure at render time into the same clear error. */
export function renderSafely<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof TemplateError) throw new WebcareError(`template ${error.message}`);
    throw error;
  }
}
