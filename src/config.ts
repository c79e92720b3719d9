// The user's settings. Reading is a plain JSON read (fast, on every command); writing goes
// through conf, which writes atomically. A broken file is reported and never touched.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CHANNELS, LANGS, type Channel, type Lang, isOneOf } from './core/domain.js';
import { WebcareError } from './errors.js';
import { describeFsError } from './io.js';

export interface Settings {
  /** Who signs replies, e.g. "Sanne". */
  agent?: string;
  company?: string;
  lang?: Lang;
  channel?: Channel;
  /** How to point to a private channel, e.g. "stuur ons een DM". */
  privateChannel?: string;
  /** A directory whose templates override the built-in ones, file by file. */
  templates?: string;
  /** Formal register ("u" in Dutch). */
  formal?: boolean;
  'check.disable'?: string[];
  'check.allow'?: string[];
}

type Kind = 'string' | 'boolean' | 'list' | 'lang' | 'channel';

export const SETTING_KINDS: Record<keyof Settings, Kind> = {
  agent: 'string',
  company: 'string',
  lang: 'lang',
  channel: 'channel',
  privateChannel: 'string',
  templates: 'string',
  formal: 'boolean',
  'check.disable': 'list',
  'check.allow': 'list',
};

export const SETTING_KEYS = Object.keys(SETTING_KINDS) as (keyof Settings)[];

export function configDir(): string {
  if (process.env.WEBCARE_CONFIG_DIR) return process.env.WEBCARE_CONFIG_DIR;
  const home = homedir();
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'webcare');
  if (process.platform === 'darwin') return join(home, 'Library', 'Preferences', 'webcare');
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'webcare');
}

export function configPath(): string {
  return join(configDir(), 'config.json');
}

export function isSettingKey(key: string): key is keyof Settings {
  return (SETTING_KEYS as string[]).includes(key);
}

/** Reads the settings; a missing file is no settings, a broken one is an error naming its path. */
export function loadSettings(): Settings {
  const path = configPath();
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new WebcareError(`cannot read the config file ${path}: ${describeFsError(error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new WebcareError(
      `the config file ${path} is not valid JSON (${(error as Error).message}). Fix or remove it; it was left as it is.`,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new WebcareError(`the config file ${path} must hold a JSON object. Fix or remove it; it was left as it is.`);
  }
  const settings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    // Unknown keys are kept in the file but ignored: a newer version may have written them.
    if (!isSettingKey(key)) continue;
    const problem = validate(key, value);
    if (problem) {
      throw new WebcareError(`the config file ${path}: "${key}" ${problem}. Fix it with \`webcare config set ${key} ...\`.`);
    }
    settings[key] = value;
  }
  return settings as Settings;
}

function validate(key: keyof Settings, value: unknown): string | null {
  switch (SETTING_KINDS[key]) {
    case 'string':
      return typeof value === 'string' ? null : 'must be text';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? null : 'must be a list of text';
    case 'lang':
      return isOneOf(LANGS, value) ? null : `must be one of ${LANGS.join(', ')}`;
    case 'channel':
      return isOneOf(CHANNELS, value) ? null : `must be one of ${CHANNELS.join(', ')}`;
  }
}

/** Turns what the user typed after `config set KEY` into the stored value, or says why not. */
export function parseSettingValue(key: keyof Settings, input: string): Settings[keyof Settings] {
  const kind = SETTING_KINDS[key];
  let value: unknown = input;
  if (kind === 'boolean') {
    if (!['true', 'false'].includes(input)) throw new WebcareError(`"${key}" must be true or false.`);
    value = input === 'true';
  } else if (kind === 'list') {
    value = input
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
  }
  const problem = validate(key, value);
  if (problem) throw new WebcareError(`"${key}" ${problem}.`);
  return value as Settings[keyof Settings];
}
