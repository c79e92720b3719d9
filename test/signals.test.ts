// Signals in a real terminal (issue 8): SIGTERM during a prompt and Ctrl-C during a batch with its
// spinner leave the terminal usable (line mode and echo back on, cursor shown), leave no file
// behind, and exit 143 / 130. Ctrl-C during a prompt is in interactive.test.ts; signals to a batch
// without a terminal are in batch-cli.test.ts.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, freshConfigDir } from './helpers.js';
import { hasTmux } from './pty.js';

const suite = hasTmux || process.env.CI ? describe : describe.skip;

const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
const COMPLAINT = 'Waar blijft mijn pakket?? Al een week te laat.';

/**
 * The tool in a tmux pane, started the way a shell starts it: in the foreground, on the terminal.
 * Unlike PtySession it records the tool's pid (to signal it) and, after it exits, the terminal's
 * modes (`stty -a`) as the next program would find them.
 */
class Terminal {
  private readonly socket = `webcare-signals-${process.pid}-${Math.random().toString(36).slice(2)}`;
  readonly dir = mkdtempSync(join(tmpdir(), 'webcare-signals-'));
  private readonly path = (name: string) => join(this.dir, name);

  constructor(args: string[], options: { pipe?: string } = {}) {
    const env = `export WEBCARE_CONFIG_DIR=${quote(freshConfigDir())} NO_COLOR=1;`;
    // The subshell writes its pid and becomes the tool: the pid is the tool's.
    const tool = `(echo $BASHPID > ${quote(this.path('pid'))}; exec ${[process.execPath, BIN, ...args].map(quote).join(' ')})`;
    const piped = options.pipe === undefined ? tool : `printf %s ${quote(options.pipe)} | ${tool}`;
    const script =
      `${env} ${piped} > ${quote(this.path('stdout'))}; echo $? > ${quote(this.path('exit'))}; ` +
      `stty -a > ${quote(this.path('stty'))}; echo done > ${quote(this.path('done'))}; sleep 60`;
    this.tmux('new-session', '-d', '-x', '120', '-y', '40', 'bash', '--norc', '--noprofile', '-c', script);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-S', '-100');
  }

  send(...keys: string[]): void {
    this.tmux('send-keys', ...keys);
  }

  /** Whether the terminal shows its cursor (tmux tracks the hide/show sequences). */
  cursorShown(): boolean {
    return this.tmux('display-message', '-p', '#{cursor_flag}').trim() === '1';
  }

  async waitFor(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${this.screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async waitForScreen(pattern: RegExp): Promise<void> {
    await this.waitFor(() => pattern.test(this.screen()), String(pattern));
  }

  pid(): number {
    return Number(readFileSync(this.path('pid'), 'utf8').trim());
  }

  /** The exit code, once the tool is gone and the terminal's modes are recorded. */
  async exitCode(): Promise<number> {
    await this.waitFor(() => existsSync(this.path('done')), 'the tool to exit');
    return Number(readFileSync(this.path('exit'), 'utf8').trim());
  }

  /** stty's flags after the tool: `icanon` and `echo`, or `-icanon` / `-echo` if left raw. */
  ttyFlags(): string[] {
    return readFileSync(this.path('stty'), 'utf8').split(/[\s;]+/).filter((flag) => /^-?(icanon|echo|isig)$/.test(flag));
  }

  stdout(): string {
    return readFileSync(this.path('stdout'), 'utf8');
  }

  close(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}

suite('signals in a terminal', () => {
  let terminal: Terminal | undefined;
  afterEach(() => terminal?.close());

  const usable = (t: Terminal) => {
    expect(t.ttyFlags().sort()).toEqual(['echo', 'icanon', 'isig']);
    expect(t.cursorShown()).toBe(true);
  };

  for (const [how, options] of [
    ['the message given with --text', { args: ['--text', COMPLAINT] }],
    ['the message piped in (questions on /dev/tty)', { args: [], pipe: COMPLAINT }],
  ] as const) {
    it(`SIGTERM during a question, ${how}: exit 143, terminal usable, nothing on stdout`, async () => {
      // Straight to a list question: raw mode on, cursor hidden.
      terminal = new Terminal(['draft', '--name', 'Marja', ...options.args], 'pipe' in options ? { pipe: options.pipe } : {});
      await terminal.waitForScreen(/\? Channel/);
      expect(terminal.cursorShown()).toBe(false);
      process.kill(terminal.pid(), 'SIGTERM');
      expect(await terminal.exitCode()).toBe(143);
      usable(terminal);
      expect(terminal.stdout()).toBe('');
      expect(terminal.screen()).not.toMatch(/\n\s+at |Error:/);
    });
  }

  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal} during a batch with its spinner on the terminal: exit ${code}, no file at --out, terminal usable`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'webcare-signals-batch-'));
      const fifo = join(dir, 'export.jsonl');
      execFileSync('mkfifo', [fifo]);
      terminal = new Terminal(['batch', fifo, '--out', join(dir, 'drafts.jsonl')]);
      // Half an export arrives and the pipe stays open: the run is in the middle.
      // Read and write, so opening never blocks this process waiting for the reader.
      const writer = openSync(fifo, 'r+');
      try {
        for (let i = 1; i <= 20; i++) writeSync(writer, `${JSON.stringify({ id: i, text: `Bestelling ${i} is nog steeds niet bezorgd.` })}\n`);
        await terminal.waitForScreen(/20 read, 20 drafted/);
        expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toHaveLength(1);
        if (signal === 'SIGINT') terminal.send('C-c');
        else process.kill(terminal.pid(), signal);
        expect(await terminal.exitCode()).toBe(code);
      } finally {
        closeSync(writer);
      }
      expect(readdirSync(dir)).toEqual(['export.jsonl']);
      usable(terminal);
      expect(terminal.screen()).not.toMatch(/\n\s+at |Error:/);
    });
  }
});
