// Drives the built binary in a real pseudo-terminal through tmux, as a moderator would.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, CACHE_HOME, freshConfigDir } from './helpers.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

export class PtySession {
  private readonly socket = `webcare-test-${process.pid}-${Math.random().toString(36).slice(2)}`;
  readonly dir = mkdtempSync(join(tmpdir(), 'webcare-pty-'));
  readonly stdoutFile = join(this.dir, 'stdout.txt');
  private readonly exitFile = join(this.dir, 'exit.txt');
  private readonly pidFile = join(this.dir, 'pid.txt');
  private readonly sttyFile = join(this.dir, 'stty.txt');

  /**
   * Starts `webcare <args>` in a fresh terminal, in the foreground as a shell starts it; `pipe` is
   * piped into its stdin. Records the tool's pid (to signal it) and, once it exits, the terminal's
   * modes (`stty -a`) as the next program finds them, before the exit code.
   */
  constructor(args: string[], options: { pipe?: string; env?: Record<string, string> } = {}) {
    const env = { WEBCARE_CONFIG_DIR: freshConfigDir(), XDG_CACHE_HOME: CACHE_HOME, NO_COLOR: '1', ...options.env };
    const exports = Object.entries(env)
      .map(([key, value]) => `export ${key}=${shellQuote(value)};`)
      .join(' ');
    // The subshell writes its pid and becomes the tool: the pid is the tool's.
    const command = `(echo $BASHPID > ${shellQuote(this.pidFile)}; exec ${[process.execPath, BIN, ...args].map(shellQuote).join(' ')})`;
    const piped = options.pipe === undefined ? command : `printf %s ${shellQuote(options.pipe)} | ${command}`;
    // A moderator's terminal: CI (set by .ci/run) would make ora print its spinner once, not update it.
    const script =
      `unset CI; ${exports} ${piped} > ${shellQuote(this.stdoutFile)}; code=$?; stty -a > ${shellQuote(this.sttyFile)}; ` +
      `echo $code > ${shellQuote(this.exitFile)}; sleep 30`;
    this.tmux('new-session', '-d', '-x', '160', '-y', '50', 'bash', '--norc', '--noprofile', '-c', script);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-S', '-200');
  }

  /** Sends keys by tmux name: 'Enter', 'Down', 'C-c', or literal text. */
  send(...keys: string[]): void {
    this.tmux('send-keys', ...keys);
  }

  type(text: string): void {
    this.tmux('send-keys', '-l', text);
  }

  async waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (pattern.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async exitCode(timeoutMs = 15_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (!existsSync(this.exitFile) || readFileSync(this.exitFile, 'utf8').trim() === '') {
      if (Date.now() > deadline) throw new Error(`the tool did not exit; screen:\n${this.screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return Number(readFileSync(this.exitFile, 'utf8').trim());
  }

  stdout(): string {
    return readFileSync(this.stdoutFile, 'utf8');
  }

  pid(): number {
    return Number(readFileSync(this.pidFile, 'utf8').trim());
  }

  /** Whether the terminal shows its cursor (tmux tracks the hide/show sequences). */
  cursorShown(): boolean {
    return this.tmux('display-message', '-p', '#{cursor_flag}').trim() === '1';
  }

  /** stty's flags after the tool: `icanon`, `echo`, `isig`, or `-icanon` and so on if left raw. */
  ttyFlags(): string[] {
    return readFileSync(this.sttyFile, 'utf8').split(/[\s;]+/).filter((flag) => /^-?(icanon|echo|isig)$/.test(flag));
  }

  close(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}
