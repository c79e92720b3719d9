// Spawns the built binary the way a user or a script would, with its own empty config.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'webcare.cjs');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The code cache (src/launch.ts) of this test file's runs: in a temporary folder, not the user's. */
export const CACHE_HOME = mkdtempSync(join(tmpdir(), 'webcare-cache-'));

export function freshConfigDir(): string {
  return mkdtempSync(join(tmpdir(), 'webcare-test-'));
}

export function run(
  args: string[],
  options: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {},
): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input ?? '',
    cwd: options.cwd ?? ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      WEBCARE_CONFIG_DIR: freshConfigDir(),
      XDG_CACHE_HOME: CACHE_HOME,
      ...options.env,
    },
    encoding: 'utf8',
    timeout: 15_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A one-line error in the tool's own voice, and no stack trace. */
export function isCleanError(stderr: string): boolean {
  const lines = stderr.trim().split('\n');
  return lines.length <= 2 && lines[0]!.startsWith('webcare: ') && !/\n\s+at /.test(stderr);
}
