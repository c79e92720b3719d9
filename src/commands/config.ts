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
import { describeFsError } from '../io.js';

function settingKey(key: string): keyof Settings {
  if (!isSettingKey(key)) {
    throw new WebcareError(`unknown setting "${key}". Known settings: ${SETTING_KEYS.join(', ')}.`);
  }
  return key;
}

/** conf writes atomically (temp file + rename); we check the file first so a broken one is never reset. */
async function changeStore(change: (store: { set(key: string, value: unknown): void; delete(key: string): void }) => void) {
  loadSettings();
  const { default: Conf } = await import('conf');
  try {
    mkdirSync(configDir(), { recursive: true });
    change(
      new Conf<Record<string, unknown>>({
        cwd: configDir(),
        configName: 'config',
        projectName: 'webcare',
        accessPropertiesByDotNotation: false,
        clearInvalidConfig: false,
      }),
    );
  } catch (error) {
    // A directory we may not write to is the user's to fix, not a bug.
    if (!(error as NodeJS.ErrnoException).syscall) throw error;
    throw new WebcareError(`cannot write the config file ${configPath()}: ${describeFsError(error)}`);
  }
}

export async function runConfigSet(key: string, value: string): Promise<void> {
  const name = settingKey(key);
  const parsed = parseSettingValue(name, value);
  if (name === 'check.disable') {
    // Refused now, not at the next `webcare check`, which would fail on it.
    const { RULE_IDS, isRuleId } = await import('../core/rules.js');
    const unknown = (parsed as string[]).find((rule) => !isRuleId(rule));
    if (unknown !== undefined) throw new WebcareError(`unknown rule "${unknown}". Rules: ${RULE_IDS.join(', ')}.`);
  }
  await changeStore((store) => store.set(name, parsed));
}

export function runConfigGet(key: string): void {
  const value = loadSettings()[settingKey(key)];
  if (value !== undefined) process.stdout.write(`${Array.isArray(value) ? value.join(',') : String(value)}\n`);
}

export async function runConfigUnset(key: string): Promise<void> {
  const name = settingKey(key);
  await changeStore((store) => store.delete(name));
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
