// `webcare batch`: a draft for every message in a JSONL or CSV export, streamed line by line.
// A bad record gets an error line in its place and the run goes on; only a broken setup
// (config, templates, unreadable input, a CSV without a text column) stops it.
import { once } from 'node:events';
import { Socket } from 'node:net';
import { closeSync, fstatSync, openSync, read, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { promisify } from 'node:util';
import { loadSettings } from '../config.js';
import { classify, type Classification } from '../core/classify.js';
import { CHANNELS, FAULTS, INTENTS, LANGS, MAX_LINE_BYTES, MAX_TEXT_BYTES, MESSAGE_TYPES, PERSONAS, TOPICS } from '../core/domain.js';
import { composeDraft, resolveAnswers, type Answers, type Draft } from '../core/draft.js';
import { CsvReader, LineSplitter, csvRow } from '../csv.js';
import { FindingsExit, WebcareError } from '../errors.js';
import { compileRegexesToMachineCode, describeFsError, formatKb, growYoungGenerationSlowly, isBlank, tempPathFor, trackTempFile } from '../io.js';
import { loadRenderer, renderSafely } from '../templates.js';
import { colorsFor } from '../ui/colors.js';
import { answersFromFlags, type DraftOptions } from './draft.js';

export interface BatchOptions extends Pick<DraftOptions, 'lang' | 'formal' | 'informal' | 'agent' | 'company' | 'templates'> {
  format?: 'jsonl' | 'csv';
  outputFormat?: 'jsonl' | 'csv';
  out?: string;
  failFast?: boolean;
}

/** A physical line longer than this is reported and skipped, never held in memory whole. */

type Id = string | number;

/** Why one record could not be drafted; its output line carries the code and message. */
export class LineError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const CHOICE_FIELDS = [
  ['channel', CHANNELS],
  ['type', MESSAGE_TYPES],
  ['persona', PERSONAS],
  ['fault', FAULTS],
  ['topic', TOPICS],
  ['intent', INTENTS],
  ['lang', LANGS],
] as const;
const BOOLEANS = new Map<unknown, boolean>([
  [true, true], [false, false], ['true', true], ['false', false], ['yes', true], ['no', false],
  ['1', true], ['0', false], ['ja', true], ['nee', false],
]);
const NOT_SPACE = /\S/;
// V8 quotes the line in its JSON.parse message; the line number says which one already.
const JSON_SNIPPET = /, (?:\.\.\.)?".*$/s;

const given = (value: unknown) => value !== undefined && value !== null && value !== '';
const shown = (value: unknown) => JSON.stringify(value)?.slice(0, 60) ?? String(value);

export function idOf(record: Record<string, unknown>): Id | undefined {
  const id = record.id;
  if (typeof id === 'number' || (typeof id === 'string' && id !== '')) return id;
  if (given(id)) throw new LineError('invalid-value', `"id" must be text or a number, not ${shown(id)}`);
  return undefined;
}

/** The message text and the answers one record settles, checked as strictly as a flag would be. */
export function readMessage(record: Record<string, unknown>): { text: string; flags: Partial<Answers> } {
  const text = record.text;
  if (text === undefined || text === null) throw new LineError('missing-text', 'no "text": every record needs the message');
  if (typeof text !== 'string') throw new LineError('invalid-value', `"text" must be a string, not ${shown(text)}`);
  if (Buffer.byteLength(text) > MAX_TEXT_BYTES) {
    throw new LineError('too-long', `text is over ${formatKb(MAX_TEXT_BYTES)}; split or trim it`);
  }
  if (isBlank(text)) throw new LineError('empty-text', 'text is empty');
  if (text.includes('\0')) throw new LineError('binary', 'text holds a NUL character: binary data, not a message');
  const flags: Record<string, unknown> = {};
  for (const [key, values] of CHOICE_FIELDS) {
    const value = record[key];
    if (!given(value)) continue;
    const normal = typeof value === 'string' ? value.trim().toLowerCase() : value;
    if (!(values as readonly unknown[]).includes(normal)) {
      throw new LineError('invalid-value', `${key} ${shown(value)} is not one of: ${values.join(', ')}`);
    }
    flags[key] = normal;
  }
  for (const key of ['sensitive', 'formal'] as const) {
    const value = record[key];
    if (!given(value)) continue;
    const flag = BOOLEANS.get(typeof value === 'string' ? value.trim().toLowerCase() : value);
    if (flag === undefined) throw new LineError('invalid-value', `${key} ${shown(value)} is not one of: true, false, yes, no, 1, 0`);
    flags[key] = flag;
  }
  for (const key of ['name', 'action'] as const) {
    const value = record[key];
    if (!given(value)) continue;
    if (typeof value !== 'string') throw new LineError('invalid-value', `"${key}" must be a string, not ${shown(value)}`);
    flags[key] = value;
  }
  return { text, flags };
}

const LEGAL_WORDS =
  /\b(advoca(?:at|te|ten)|jurist|rechter|rechtbank|rechtszaak|juridisch\w*|dagvaard\w*|aangifte|geschillencommissie|lawyers?|attorneys?|solicitors?|lawsuit|legal action|sue|suing|court|small claims)\b/i;

/** Why a colleague should read this draft before it goes out; empty when it can go as it is. */
export function reviewReasons(draft: Draft, classification: Classification, text: string): string[] {
  const reasons: string[] = [];
  for (const warning of draft.warnings) {
    const reason = `finding:${warning.rule}`;
    if (warning.severity !== 'hint' && !reasons.includes(reason)) reasons.push(reason);
  }
  if (draft.sensitive) reasons.push('sensitive');
  if (draft.persona === 'angry' || draft.persona === 'aggressive') reasons.push(`persona:${draft.persona}`);
  if (classification.sensitiveReasons.includes('legal') || LEGAL_WORDS.test(text)) reasons.push('legal');
  if (classification.abusive) reasons.push('abusive');
  return reasons;
}

interface Formatter {
  header: string;
  drafted(id: Id | undefined, line: number, draft: Draft, reasons: string[]): string;
  failed(id: Id | undefined, line: number, error: LineError): string;
}

const JSONL: Formatter = {
  header: '',
  drafted: (id, line, draft, reasons) =>
    `${JSON.stringify({ id, line, ...draft, review: reasons.length > 0, reviewReasons: reasons })}\n`,
  failed: (id, line, error) => `${JSON.stringify({ id, line, error: { code: error.code, message: error.message } })}\n`,
};

export const CSV_COLUMNS = ['id', 'line', 'reply', 'lang', 'channel', 'type', 'persona', 'topic', 'sensitive', 'fault',
  'intent', 'name', 'review', 'reviewReasons', 'warnings', 'strategy', 'error'] as const;

const CSV: Formatter = {
  header: csvRow(CSV_COLUMNS),
  drafted: (id, line, d, reasons) =>
    csvRow([String(id ?? ''), String(line), d.reply, d.lang, d.channel, d.type, d.persona, d.topic, String(d.sensitive),
      d.fault, d.intent, d.name ?? '', String(reasons.length > 0), reasons.join(';'),
      d.warnings.map((w) => w.rule).join(';'), d.strategy, '']),
  failed: (id, line, error) =>
    csvRow([String(id ?? ''), String(line), ...CSV_COLUMNS.slice(3).map(() => ''), `${error.code}: ${error.message}`]),
};

/** Output is written in pieces of about this many characters. */
const FLUSH_CHARS = 8 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeLine(bytes: Buffer): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

const readInto = promisify(read);
const CHUNK_BYTES = 64 * 1024;

/**
 * The input in chunks, read into one buffer that is reused: nothing per chunk is left for the
 * garbage collector, so memory stays flat. Each chunk is valid only until the next is asked for.
 */
async function* readChunks(fd: number, pipe: boolean): AsyncGenerator<Buffer> {
  // A pipe is read through libuv's own handle instead: a read waiting in the thread pool for a
  // writer that may never come (a named pipe, `tail -f x |`) keeps the process from exiting on
  // Ctrl-C or SIGTERM, as exit waits for it. The socket owns the descriptor and closes it.
  if (pipe) return yield* (fd === 0 ? process.stdin : new Socket({ fd, readable: true, writable: false })) as AsyncIterable<Buffer>;
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  for (;;) {
    let bytesRead: number;
    try {
      ({ bytesRead } = await readInto(fd, buffer, 0, CHUNK_BYTES, null));
    } catch (error) {
      // A non-blocking stdin cannot be read this way; the stream copes with it.
      if (fd === 0 && (error as NodeJS.ErrnoException).code === 'EAGAIN') return yield* process.stdin as AsyncIterable<Buffer>;
      throw error;
    }
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
  }
}

/** The file's descriptor, or stdin's when it is piped (or the file is "-"). */
function openInput(file: string | undefined): number {
  if (file === undefined || file === '-') {
    // isatty, not process.stdin: touching process.stdin would make a piped stdin non-blocking.
    if (file === undefined && isatty(0)) {
      throw new WebcareError('no export to read. Give a JSONL or CSV file, or pipe it in: webcare batch < mentions.jsonl');
    }
    return 0;
  }
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new WebcareError(`cannot read ${file}: ${describeFsError(error)}`);
  }
  if (fstatSync(fd).isDirectory()) {
    closeSync(fd);
    throw new WebcareError(`cannot read ${file}: it is a directory`);
  }
  return fd;
}

interface Sink {
  write(data: string): void;
  /** Resolves once the output has room again: the caller waits for it before reading on. */
  drained(): Promise<void>;
  /** Everything is written: for a file, move it into place. */
  close(): void;
}

const stdoutSink: Sink = {
  write: (data) => void process.stdout.write(data),
  drained: async () => {
    if (process.stdout.writableNeedDrain) await once(process.stdout, 'drain');
  },
  close: () => {},
};

/** Written next to the target and renamed at the end: an interrupted run leaves nothing at `target`. */
function fileSink(target: string): Sink {
  const fail = (error: unknown) => new WebcareError(`cannot write ${target}: ${describeFsError(error)}`);
  const existing = statSync(target, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw fail({ code: 'EISDIR' });
  // A device or a pipe (/dev/null, a FIFO) is written in place: a rename would replace it with a file.
  const inPlace = existing !== undefined && !existing.isFile();
  const temp = inPlace ? target : tempPathFor(target);
  const untrack = inPlace ? () => true : trackTempFile(temp);
  let fd: number;
  try {
    fd = openSync(temp, 'w');
  } catch (error) {
    untrack();
    throw fail(error);
  }
  return {
    // Synchronous: a file takes what it is given, so there is no queue to grow.
    write(data) {
      let written: number;
      try {
        written = writeSync(fd, data);
      } catch (error) {
        throw fail(error);
      }
      if (written !== Buffer.byteLength(data)) throw fail(new Error('the disk is full'));
    },
    drained: async () => {},
    close() {
      try {
        closeSync(fd);
        if (!inPlace) renameSync(temp, target);
      } catch (error) {
        if (!inPlace) rmSync(temp, { force: true });
        throw fail(error);
      } finally {
        untrack();
      }
    },
  };
}

interface Spinner {
  text: string;
  clear(): unknown;
  stop(): unknown;
}

/** Drafts records one by one and keeps the counts; output collects until the caller flushes it. */
class BatchRun {
  pending = '';
  read = 0;
  drafted = 0;
  toReview = 0;
  failedLines: number[] = [];
  stopped = false;
  spinner: Spinner | null = null;
  readonly types = new Map<string, number>();
  readonly personas = new Map<string, number>();

  constructor(
    private readonly draftOne: (text: string, flags: Partial<Answers>) => { draft: Draft; classification: Classification },
    private readonly formatter: Formatter,
    readonly sink: Sink,
    private readonly failFast: boolean,
  ) {
    this.pending = formatter.header;
  }

  record(raw: unknown, line: number): void {
    let id: Id | undefined;
    try {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        throw new LineError('invalid-json', 'not a JSON object; each line must look like {"id": ..., "text": ...}');
      }
      const record = raw as Record<string, unknown>;
      id = idOf(record);
      const { text, flags } = readMessage(record);
      const { draft, classification } = this.draftOne(text, flags);
      const reasons = reviewReasons(draft, classification, text);
      this.read++;
      this.drafted++;
      if (reasons.length > 0) this.toReview++;
      this.types.set(draft.type, (this.types.get(draft.type) ?? 0) + 1);
      this.personas.set(draft.persona, (this.personas.get(draft.persona) ?? 0) + 1);
      this.emit(this.formatter.drafted(id, line, draft, reasons));
    } catch (error) {
      // A broken template or setting fails the whole run; anything else fails only this record.
      if (error instanceof WebcareError) throw error;
      const lineError =
        error instanceof LineError
          ? error
          : new LineError('internal', `unexpected error (${(error as Error)?.message ?? error}); this is a bug, please report it`);
      this.fail(line, lineError, id);
    }
  }

  fail(line: number, error: LineError, id?: Id): void {
    this.read++;
    this.failedLines.push(line);
    this.spinner?.clear();
    process.stderr.write(`webcare: line ${line}: ${error.message}\n`);
    this.emit(this.formatter.failed(id, line, error));
    if (this.failFast) this.stopped = true;
  }

  /** Hands output on in pieces of a few KB: small strings die young instead of filling the old heap. */
  private emit(data: string): void {
    this.pending += data;
    if (this.pending.length >= FLUSH_CHARS) this.flush();
  }

  flush(): void {
    if (this.pending) this.sink.write(this.pending);
    this.pending = '';
  }

  progress(): string {
    return `${this.read} read, ${this.drafted} drafted, ${this.failedLines.length} failed`;
  }
}

/** Turns physical lines into records: one JSON object a line, or CSV records under a header row. */
function lineReader(run: BatchRun, format: 'jsonl' | 'csv'): { line(bytes: Buffer | null, number: number): void; end(): void } {
  const tooLong = () => new LineError('line-too-long', `the line is over ${formatKb(MAX_LINE_BYTES)}; skipped`);
  if (format === 'jsonl') {
    let first = true;
    return {
      line(bytes, number) {
        if (run.stopped) return;
        if (bytes === null) return run.fail(number, tooLong());
        const text = decodeLine(bytes);
        if (text === null) return run.fail(number, new LineError('invalid-utf8', 'not valid UTF-8; save the export as UTF-8'));
        if (!NOT_SPACE.test(text)) return;
        let raw: unknown;
        try {
          raw = JSON.parse(text);
        } catch (error) {
          const hint = first && !text.trimStart().startsWith('{') ? '; for a CSV export add --format csv' : '';
          return run.fail(number, new LineError('invalid-json', `not valid JSON (${(error as Error).message.replace(JSON_SNIPPET, '')})${hint}`));
        } finally {
          first = false;
        }
        run.record(raw, number);
      },
      end() {},
    };
  }
  let csv: CsvReader | null = null;
  let header: string[] | null = null;
  let start = 0;
  let badBytes = false;
  return {
    line(bytes, number) {
      if (run.stopped) return;
      if (!csv?.open) start = number;
      if (bytes === null) {
        csv?.reset();
        return run.fail(start, tooLong());
      }
      let text = decodeLine(bytes);
      // Decoded anyway, so the quotes still tell where this record ends.
      if (text === null) [text, badBytes] = [bytes.toString('utf8'), true];
      if (!csv?.open && !NOT_SPACE.test(text)) return;
      csv ??= new CsvReader(delimiterOf(text));
      const fields = csv.push(text);
      if (fields === null) {
        if (csv.pendingSize <= MAX_LINE_BYTES) return;
        csv.reset();
        return run.fail(start, new LineError('line-too-long', `the record is over ${formatKb(MAX_LINE_BYTES)}; is a quote left open?`));
      }
      if (badBytes) {
        badBytes = false;
        return run.fail(start, new LineError('invalid-utf8', 'not valid UTF-8; save the export as UTF-8'));
      }
      if (header === null) {
        header = fields.map((name) => name.trim().toLowerCase());
        if (!header.includes('text')) {
          throw new WebcareError(
            `the CSV header (line ${start}) has no "text" column; it has: ${shortened(fields.join(', '))}. Name the message column "text".` +
              (text.trimStart().startsWith('{') ? ' For a JSONL export leave out --format csv.' : ''),
          );
        }
        return;
      }
      if (fields.length !== header.length) {
        return run.fail(start, new LineError('invalid-csv', `${fields.length} fields where the header has ${header.length}`));
      }
      const record: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) record[header[i]!] = fields[i]!;
      run.record(record, start);
    },
    end() {
      if (csv?.open && !run.stopped) run.fail(start, new LineError('invalid-csv', 'a quoted field is never closed'));
    },
  };
}

/** Quoted input in a message stays short: a JSONL file read as CSV has its whole first line as a "column". */
function shortened(text: string): string {
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}

/** Comma, unless the header row plainly uses semicolons (Excel in a Dutch locale) or tabs. */
function delimiterOf(headerLine: string): string {
  const count = (d: string) => headerLine.split(d).length;
  return [';', '\t'].find((d) => count(d) > count(',')) ?? ',';
}

export async function runBatch(file: string | undefined, options: BatchOptions): Promise<void> {
  growYoungGenerationSlowly();
  compileRegexesToMachineCode();
  const settings = loadSettings();
  const globalFlags = answersFromFlags(options);
  // Compiled once for the whole run; a broken template stops it here, before any output.
  const renderer = loadRenderer(options.templates ?? settings.templates);
  const fd = openInput(file);
  const run = new BatchRun(
    (text, lineFlags) => {
      const flags = { ...globalFlags, ...lineFlags };
      const classification = classify(text, { lang: flags.lang });
      const answers = resolveAnswers(classification, { flags, settings });
      return { draft: renderSafely(() => composeDraft(text, answers, classification, renderer)), classification };
    },
    options.outputFormat === 'csv' ? CSV : JSONL,
    options.out === undefined ? stdoutSink : fileSink(options.out),
    options.failFast === true,
  );
  const reader = lineReader(run, options.format ?? 'jsonl');
  const splitter = new LineSplitter(MAX_LINE_BYTES, reader.line);
  if (process.stderr.isTTY) {
    const { default: ora } = await import('ora');
    run.spinner = ora({ text: 'drafting…', stream: process.stderr, discardStdin: false }).start();
  }
  const stat = fstatSync(fd);
  const pipe = stat.isFIFO() || stat.isSocket();
  try {
    let first = true;
    for await (const chunk of readChunks(fd, pipe)) {
      if (first) refuseWrongKind(chunk, file ?? 'stdin');
      first = false;
      splitter.push(chunk);
      await run.sink.drained();
      if (run.spinner) run.spinner.text = run.progress();
      if (run.stopped) break;
    }
  } catch (error) {
    if (!(error as NodeJS.ErrnoException).syscall) throw error;
    throw new WebcareError(`cannot read ${file ?? 'stdin'}: ${describeFsError(error)}`);
  } finally {
    if (fd !== 0 && !pipe) closeSync(fd);
  }
  splitter.end();
  reader.end();
  run.flush();
  run.sink.close();
  run.spinner?.stop();
  process.stderr.write(summary(run, options.out));
  if (run.failedLines.length > 0) throw new FindingsExit();
}

/** A whole file of the wrong kind is one error before any output, not an error for every line. */
function refuseWrongKind(start: Buffer, source: string): void {
  if ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff)) {
    throw new WebcareError(`${source} is UTF-16 text. Save the export as UTF-8 (in Excel: "CSV UTF-8") and try again.`);
  }
  if (start.includes(0)) throw new WebcareError(`${source} looks like binary data, not a JSONL or CSV export.`);
}

function summary(run: BatchRun, out: string | undefined): string {
  const c = colorsFor(process.stderr);
  const failed = run.failedLines;
  const lines = failed.length > 0 ? ` (line${failed.length > 1 ? 's' : ''} ${failed.slice(0, 10).join(', ')}${failed.length > 10 ? ', …' : ''})` : '';
  const counts = (map: Map<string, number>) => [...map].map(([key, n]) => `${key} ${n}`).join(', ') || 'none';
  return (
    `${run.read} read, ${run.drafted} drafted, ${failed.length > 0 ? c.red(`${failed.length} failed${lines}`) : '0 failed'}` +
    `, ${run.toReview} to review${run.stopped ? `; stopped at line ${failed.at(-1)} (--fail-fast)` : ''}${out ? `; written to ${out}` : ''}\n` +
    c.dim(`  types: ${counts(run.types)} · personas: ${counts(run.personas)}\n`)
  );
}
