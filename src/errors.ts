// Expected failures carry their exit code; src/index.ts is the only place that exits.

export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
  aborted: 130,
  terminated: 143,
} as const;

/** A failure the user can fix: printed as `webcare: <message>`, never with a stack. */
export class WebcareError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'WebcareError';
  }
}

/** The user pressed Ctrl-C (or closed the prompt); nothing more to say. */
export class AbortedError extends Error {
  constructor(readonly exitCode: number = EXIT.aborted) {
    super('aborted');
    this.name = 'AbortedError';
  }
}

/**
 * Work finished and its output is printed, but the result must fail the process
 * (an error-level finding, a failed batch line). No message: the output said it.
 */
export class FindingsExit extends Error {
  readonly exitCode = EXIT.findings;
  constructor() {
    super('findings');
    this.name = 'FindingsExit';
  }
}
