// The terminal the moderator sits at. When the message arrives on a pipe, prompts still go to
// the controlling terminal (/dev/tty), so `webcare draft < msg.txt > reply.txt` asks its questions.
import { ReadStream, WriteStream } from 'node:tty';
import { openControllingTerminal } from '../io.js';

export interface Terminal {
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
  /** A stream for one prompt: @inquirer ends its output stream when the prompt is done. */
  promptOutput(): NodeJS.WriteStream;
  /** File descriptors to hand to an editor: [stdin, stdout, stderr]. */
  stdio: [number, number, number];
  close(): void;
}

/** The terminal a prompt is using right now, so a signal can put it back as it was. */
let active: Terminal | null = null;

/** Leaves the terminal usable after an interrupt: raw mode off, cursor visible. */
export function restoreTerminal(): void {
  const terminal = active ?? (process.stdin.isTTY ? { input: process.stdin, output: process.stderr } : null);
  if (!terminal) return;
  if (terminal.input.isTTY && terminal.input.isRaw) terminal.input.setRawMode(false);
  if (terminal.output.isTTY) terminal.output.write('\u001B[?25h');
}

/** Work that can wait until a person is reading a question: the launcher's code cache. */
let untilAsked: (() => void) | null = null;

export function afterFirstQuestion(task: () => void): void {
  untilAsked = task;
}

/** Called by the prompts with a question on screen; the task runs once it has been drawn. */
export function questionShown(): void {
  const task = untilAsked;
  untilAsked = null;
  if (task) setImmediate(task).unref();
}

/** The terminal to prompt on, or null when there is no person to ask. */
export function openTerminal(): Terminal | null {
  active = openTerminalStreams();
  return active;
}

function openTerminalStreams(): Terminal | null {
  if (process.stdin.isTTY && process.stderr.isTTY) {
    return { input: process.stdin, output: process.stderr, promptOutput: () => process.stderr, stdio: [0, 2, 2], close: () => {} };
  }
  // Neither end is a terminal: a script is running us, never prompt.
  if (!process.stderr.isTTY && !process.stdin.isTTY) return null;
  // Each stream owns its own descriptor, so closing one never closes the other's.
  const readFd = openControllingTerminal();
  const writeFd = openControllingTerminal();
  if (readFd === null || writeFd === null) return null;
  const input = new ReadStream(readFd) as unknown as NodeJS.ReadStream;
  const output = new WriteStream(writeFd) as unknown as NodeJS.WriteStream;
  return {
    input,
    output,
    promptOutput: () => {
      const fd = openControllingTerminal();
      return fd === null ? output : (new WriteStream(fd) as unknown as NodeJS.WriteStream);
    },
    stdio: [readFd, writeFd, writeFd],
    close: () => {
      active = null;
      if (input.isTTY && input.isRaw) input.setRawMode(false);
      input.destroy();
      output.destroy();
    },
  };
}
