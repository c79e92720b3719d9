// Every question the tool asks goes through here, on the given terminal.
// This module is itself imported only when a question is asked.
import { createInterface } from 'node:readline';
import { confirm, input, select } from '@inquirer/prompts';
import { AbortedError } from '../errors.js';
import { questionShown, type Terminal } from './terminal.js';

export interface Choice<T extends string> {
  value: T;
  name: string;
  description?: string;
}

/** Ctrl-C inside a prompt rejects with ExitPromptError: that is the user stopping, exit 130. */
async function asking<T>(ask: () => Promise<T>): Promise<T> {
  try {
    const answer = ask();
    questionShown();
    return await answer;
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
      throw new AbortedError();
    }
    throw error;
  }
}

export class Prompter {
  constructor(private readonly terminal: Terminal) {}

  private get streams() {
    return { input: this.terminal.input, output: this.terminal.promptOutput(), clearPromptOnDone: false };
  }

  async text(message: string, defaultValue?: string): Promise<string> {
    return asking(() => input({ message, default: defaultValue }, this.streams));
  }

  async choose<T extends string>(message: string, choices: Choice<T>[], defaultValue?: T): Promise<T> {
    return asking(() => select<T>({ message, choices, default: defaultValue, pageSize: 12 }, this.streams));
  }

  async confirm(message: string, defaultValue: boolean): Promise<boolean> {
    return asking(() => confirm({ message, default: defaultValue }, this.streams));
  }

  /** Multi-line text, ended by an empty line or Ctrl-D; for pasting a customer's message. */
  async multiline(message: string): Promise<string> {
    this.say(`${message}\n(finish with an empty line, or Ctrl-D)\n`);
    const rl = createInterface({ input: this.terminal.input, output: this.terminal.output, terminal: false });
    const lines: string[] = [];
    questionShown();
    return new Promise((resolvePromise, reject) => {
      rl.on('line', (line) => {
        if (line === '' && lines.length > 0) rl.close();
        else if (line !== '' || lines.length > 0) lines.push(line);
      });
      rl.on('SIGINT', () => {
        rl.close();
        reject(new AbortedError());
      });
      rl.on('close', () => resolvePromise(lines.join('\n')));
    });
  }

  say(text: string): void {
    this.terminal.output.write(text);
  }
}
