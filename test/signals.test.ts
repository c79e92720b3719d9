// Signals in a real terminal (issue 8): SIGTERM during a prompt and Ctrl-C during a batch with its
// spinner leave the terminal usable (line mode and echo back on, cursor shown), leave no file
// behind, and exit 143 / 130. Ctrl-C during a prompt is in interactive.test.ts; signals to a batch
// without a terminal are in batch-cli.test.ts.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PtySession, hasTmux } from './pty.js';

const suite = hasTmux || process.env.CI ? describe : describe.skip;

const COMPLAINT = 'Waar blijft mijn pakket?? Al een week te laat.';

suite('signals in a terminal', () => {
  let terminal: PtySession | undefined;
  afterEach(() => terminal?.close());

  const usable = (t: PtySession) => {
    expect(t.ttyFlags().sort()).toEqual(['echo', 'icanon', 'isig']);
    expect(t.cursorShown()).toBe(true);
  };

  for (const [how, options] of [
    ['the message given with --text', { args: ['--text', COMPLAINT] }],
    ['the message piped in (questions on /dev/tty)', { args: [], pipe: COMPLAINT }],
  ] as const) {
    it(`SIGTERM during a question, ${how}: exit 143, terminal usable, nothing on stdout`, async () => {
      // Straight to a list question: raw mode on, cursor hidden.
      terminal = new PtySession(['draft', '--name', 'Marja', ...options.args], 'pipe' in options ? { pipe: options.pipe } : {});
      await terminal.waitFor(/\? Channel/);
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
      terminal = new PtySession(['batch', fifo, '--out', join(dir, 'drafts.jsonl')]);
      // Half an export arrives and the pipe stays open: the run is in the middle.
      // Read and write, so opening never blocks this process waiting for the reader.
      const writer = openSync(fifo, 'r+');
      try {
        for (let i = 1; i <= 20; i++) writeSync(writer, `${JSON.stringify({ id: i, text: `Bestelling ${i} is nog steeds niet bezorgd.` })}\n`);
        await terminal.waitFor(/20 read, 20 drafted/);
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
