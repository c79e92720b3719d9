// The entry point: runs the command line and is the only place that picks an exit code.
import { readFileSync } from 'node:fs';
import { AbortedError, EXIT, FindingsExit, WebcareError } from './errors.js';
import { describeFsError, removePendingTempFiles } from './io.js';
import { restoreTerminal } from './ui/terminal.js';

// For the launcher (src/launch.ts), which writes the code cache while a question waits or as the process exits.
export { restoreV8Flags } from './io.js';
export { afterFirstQuestion } from './ui/terminal.js';

export function packageVersion(): string {
  const packageJson = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  return (JSON.parse(packageJson) as { version: string }).version;
}

export async function main(argv: string[]): Promise<void> {
  // The one question scripts ask most often answers without loading the command line.
  if (argv.length === 3 && (argv[2] === '--version' || argv[2] === '-V')) {
    process.stdout.write(`${packageVersion()}\n`);
    return;
  }
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
  // A template that fails while rendering (see core/render.ts); matched by name so that this
  // entry point does not load Handlebars.
  if (error instanceof Error && error.name === 'TemplateError') {
    process.stderr.write(`webcare: template ${error.message}\n`);
    return EXIT.usage;
  }
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
    removePendingTempFiles();
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    // A full disk or a closed descriptor is the environment, not a bug: say so, without a stack.
    process.stderr.write(`webcare: cannot write the output: ${describeFsError(error)}\n`);
    process.exit(EXIT.usage);
  });
  const stop = (code: number) => () => {
    removePendingTempFiles();
    restoreTerminal();
    process.exit(code);
  };
  process.once('SIGINT', stop(EXIT.aborted));
  process.once('SIGTERM', stop(EXIT.terminated));
}
