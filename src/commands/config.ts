// `webcare config`: set, get, unset, list and locate the settings.
import { mkdirSync } from 'node:fs';
import {
  SETTING_KEYS,
  configDir,
  configPath,
  isSettingKey,
  loadSettings,
  parseSettingValue,
  type Settings,
} from '../config.js';
import { WebcareError } from '../errors.js';

function settingKey(key: string): keyof Settings {
  if (!isSettingKey(key)) {
    throw new WebcareError(`unknown setting "${key}". Known settings: ${SETTING_KEYS.join(', ')}.`);
  }
  return key;
}

/** conf writes atomically (temp file + rename); we check the file first so a broken one is never reset. */
async function openStore() {
  loadSettings();
  mkdirSync(configDir(), { recursive: true });
  const { default: Conf } = await import('conf');
  return new Conf<Record<string, unknown>>({
    cwd: configDir(),
    configName: 'config',
    projectName: 'webcare',
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
  });
}

export async function runConfigSet(key: string, value: string): Promise<void> {
  const name = settingKey(key);
  const store = await openStore();
  store.set(name, parseSettingValue(name, value));
}

export function runConfigGet(key: string): void {
  const value = loadSettings()[settingKey(key)];
  if (value !== undefined) process.stdout.write(`${Array.isArray(value) ? value.join(',') : String(value)}\n`);
}

export async function runConfigUnset(key: string): Promise<void> {
  const name = settingKey(key);
  const store = await openStore();
  store.delete(name);
}

export function runConfigList(): void {
  const settings = loadSettings();
  for (const key of SETTING_KEYS) {
    const value = settings[key];
    if (value !== undefined) process.stdout.write(`${key}=${Array.isArray(value) ? value.join(',') : String(value)}\n`);
  }
}

export function runConfigPath(): void {
  process.stdout.write(`${configPath()}\n`);
}
