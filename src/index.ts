// The entry point: runs the command line and is the only place that picks an exit code.
import { AbortedError, EXIT, FindingsExit, WebcareError } from './errors.js';
import { removePendingTempFiles } from './io.js';

export async function main(argv: string[]): Promise<void> {
  const debug = argv.includes('--debug') || process.env.WEBCARE_DEBUG === '1';
  installProcessGuards();
  try {
    const { buildProgram } = await import('./cli.js');
    await buildProgram().parseAsync(argv);
  } catch (error) {
    process.exitCode = exitCodeFor(error, debug);
  }
}

function exitCodeFor(error: unknown, debug: boolean): number {
  removePendingTempFiles();
  if (error instanceof FindingsExit || error instanceof AbortedError) return error.exitCode;
  if (error instanceof WebcareError) {
    process.stderr.write(`webcare: ${error.message}\n`);
    if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  // Commander has already printed its own message (see cli.ts); only the code is left.
  if (isCommanderError(error)) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `webcare: unexpected error: ${message}\n` +
      (debug && error instanceof Error && error.stack
        ? `${error.stack}\n`
        : 'This is a bug. Run again with --debug (or WEBCARE_DEBUG=1) and report the output.\n'),
  );
  return 70;
}

function isCommanderError(error: unknown): error is { exitCode: number; code: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    (error as { code: string }).code.startsWith('commander.')
  );
}

function installProcessGuards(): void {
  // A reader that goes away (`webcare batch big.jsonl | head -1`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      removePendingTempFiles();
      process.exit(EXIT.ok);
    }
    throw error;
  });
  const stop = (code: number) => () => {
    removePendingTempFiles();
    restoreTerminal();
    process.exit(code);
  };
  process.once('SIGINT', stop(EXIT.aborted));
  process.once('SIGTERM', stop(EXIT.terminated));
}

/** Leaves the terminal as we found it: cursor visible, raw mode off. */
export function restoreTerminal(): void {
  if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
  if (process.stderr.isTTY) process.stderr.write('\u001B[?25h');
}
