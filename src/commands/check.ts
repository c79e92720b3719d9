// `webcare check`: lint reply drafts from files, --text, stdin or JSONL, and print the findings.
import { createReadStream } from 'node:fs';
import { LANGS, MAX_TEXT_BYTES, isOneOf, type Channel, type Lang } from '../core/domain.js';
import { check, type CheckOptions } from '../core/check.js';
import { RULE_IDS, isRuleId } from '../core/rules.js';
import { loadSettings } from '../config.js';
import { LineSplitter } from '../csv.js';
import { FindingsExit, WebcareError } from '../errors.js';
import { compileRegexesToMachineCode, decodeText, describeFsError, formatKb, isBlank, readStdinText, readTextFile, stdinIsPiped } from '../io.js';

export interface CheckCommandOptions {
  text?: string;
  jsonl?: boolean;
  json?: boolean;
  lang?: Lang;
  channel?: Channel;
  disable?: string[];
  allow?: string[];
}

export async function runCheck(files: string[], options: CheckCommandOptions): Promise<void> {
  // Worth it over a file of replies; a few are checked sooner with V8's default (see io.ts).
  if (options.jsonl) compileRegexesToMachineCode();
  const base = checkOptions(options);
  if (options.jsonl) {
    if (options.text !== undefined) throw new WebcareError('--jsonl reads records from a file or stdin; leave out --text.');
    if (options.json) throw new WebcareError('--jsonl already prints JSON, one result per line; leave out --json.');
    if (files.length > 1) throw new WebcareError('--jsonl reads one file (or stdin); give one at a time.');
    if (!(await runJsonl(files[0], base))) throw new FindingsExit();
    return;
  }
  const inputs = await readInputs(files, options.text);
  const results = inputs.map(({ file, text }) => ({ file, ...check(text, base) }));
  if (options.json) {
    const json = results.map(({ file, lang, findings }) => ({ file, lang, findings }));
    process.stdout.write(`${JSON.stringify(json.length === 1 ? json[0] : json, null, 2)}\n`);
  } else {
    const [{ formatFindings }, { colorsFor }] = await Promise.all([import('../ui/findings.js'), import('../ui/colors.js')]);
    process.stdout.write(formatFindings(results, colorsFor(process.stdout)));
  }
  if (results.some(({ findings }) => findings.some((finding) => finding.severity === 'error'))) throw new FindingsExit();
}

/** Flags, then config: --disable and --allow add to check.disable and check.allow. */
function checkOptions(options: CheckCommandOptions): CheckOptions {
  const settings = loadSettings();
  const fromConfig = settings['check.disable'] ?? [];
  for (const [rule, where] of [
    ...fromConfig.map((rule) => [rule, 'in the config setting check.disable'] as const),
    ...(options.disable ?? []).map((rule) => [rule, 'in --disable'] as const),
  ]) {
    if (!isRuleId(rule)) throw new WebcareError(`unknown rule "${rule}" ${where}. Rules: ${RULE_IDS.join(', ')}.`);
  }
  return {
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.channel ?? settings.channel ? { channel: options.channel ?? settings.channel } : {}),
    disable: [...fromConfig, ...(options.disable ?? [])],
    allow: [...(settings['check.allow'] ?? []), ...(options.allow ?? [])],
    agent: settings.agent ?? null,
  };
}

/** Every reply given: files ("-" is stdin), or --text, or piped stdin. */
async function readInputs(files: string[], text: string | undefined): Promise<{ file: string; text: string }[]> {
  if (files.length > 0 && text !== undefined) throw new WebcareError('give the reply as files or with --text, not both.');
  if (text !== undefined) return [{ file: '<text>', text: decodeText(Buffer.from(text, 'utf8'), '--text') }];
  if (files.length === 0) {
    if (!stdinIsPiped()) throw new WebcareError('give a reply to check: a file, --text "...", or pipe it in.');
    return [{ file: '-', text: await readStdinText() }];
  }
  if (files.filter((file) => file === '-').length > 1) throw new WebcareError('stdin ("-") can be read only once.');
  const inputs: { file: string; text: string }[] = [];
  for (const file of files) inputs.push({ file, text: file === '-' ? await readStdinText() : readTextFile(file) });
  return inputs;
}

// --jsonl: {"id", "text"} per line in, {"id", "lang", "findings"} per line out, streaming. A bad
// line gets {"id"?, "line", "error": {"code", "message"}} and the rest still runs.

/** Runs every line; false when a line failed or a reply has an error-level finding. */
async function runJsonl(file: string | undefined, base: CheckOptions): Promise<boolean> {
  const stream = file === undefined || file === '-' ? process.stdin : createReadStream(file);
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let ok = true;
  let out = '';
  // A line over the limit is reported as null and never held whole: memory stays bounded.
  const splitter = new LineSplitter(MAX_TEXT_BYTES, (bytes, line) => {
    if (bytes !== null && bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1);
    if (bytes !== null && bytes.every((byte) => byte === 0x20 || byte === 0x09)) return;
    const result = bytes === null ? tooLarge(line) : checkRecord(bytes, line, base, utf8);
    if ('error' in result) process.stderr.write(`webcare: line ${line}: ${result.error.message}\n`);
    if ('error' in result || result.findings.some((finding) => finding.severity === 'error')) ok = false;
    out += `${JSON.stringify(result)}\n`;
  });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      splitter.push(chunk);
      if (out && !process.stdout.write(out)) await new Promise((resolve) => process.stdout.once('drain', resolve));
      out = '';
    }
  } catch (error) {
    throw new WebcareError(`cannot read ${file ?? 'stdin'}: ${describeFsError(error)}`);
  }
  splitter.end();
  if (out) process.stdout.write(out);
  return ok;
}

type JsonlResult =
  | { id?: unknown; line?: number; lang: Lang; findings: ReturnType<typeof check>['findings'] }
  | { id?: unknown; line: number; error: { code: string; message: string } };

// V8 quotes the line in its JSON.parse message: customer text on stderr; the line number says which.
const JSON_SNIPPET = /, (?:\.\.\.)?".*$/s;

const tooLarge = (line: number): JsonlResult => ({
  line,
  error: { code: 'too-large', message: `the line is over ${formatKb(MAX_TEXT_BYTES)}, the limit; skipped.` },
});

function checkRecord(bytes: Buffer, line: number, base: CheckOptions, utf8: TextDecoder): JsonlResult {
  const fail = (code: string, message: string, id?: unknown): JsonlResult => ({
    ...(id !== undefined ? { id } : {}),
    line,
    error: { code, message },
  });
  let record: unknown;
  try {
    record = JSON.parse(utf8.decode(bytes));
  } catch (error) {
    return error instanceof SyntaxError
      ? fail('invalid-json', `not valid JSON: ${error.message.replace(JSON_SNIPPET, '')}`)
      : fail('invalid-utf8', 'not valid UTF-8; save the file as UTF-8.');
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return fail('invalid-record', 'each line must be a JSON object like {"id": 1, "text": "..."}.');
  }
  const { id, text, lang } = record as { id?: unknown; text?: unknown; lang?: unknown };
  if (typeof text !== 'string') return fail('missing-text', 'the record has no "text" string.', id);
  if (isBlank(text)) return fail('empty-text', '"text" is empty.', id);
  if (lang !== undefined && !isOneOf(LANGS, lang)) return fail('invalid-lang', `"lang" must be one of ${LANGS.join(', ')}.`, id);
  const result = check(text, lang === undefined ? base : { ...base, lang });
  return { ...(id !== undefined ? { id } : { line }), lang: result.lang, findings: result.findings };
}
