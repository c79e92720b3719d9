// The bad-input matrix (issue 8): every kind of broken input, per command, against the built
// binary (`npm run build` first). Each row: the exit code, one `webcare: ...` line on stderr (or,
// for exports, one per bad line plus the summary), no stack trace, nothing half on stdout, and an
// answer within seconds.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, freshConfigDir, isCleanError, type RunResult } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'webcare-bad-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const MESSAGE = 'Waar blijft mijn pakket?? Al een week te laat.';
const LIMIT = 100 * 1024;
const F = {
  dir: join(dir, 'a-directory'),
  missing: join(dir, 'missing.txt'),
  unreadable: file('unreadable.txt', MESSAGE),
  latin1: file('latin1.txt', Buffer.from('caf\xe9 au lait, weer te laat', 'latin1')),
  binary: file('binary.bin', Buffer.from([0x48, 0x69, 0x00, 0x01, 0x02, 0xff])),
  utf16: file('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MESSAGE, 'utf16le')])),
  tooBig: file('too-big.txt', 'a'.repeat(LIMIT + 1)),
  atLimit: file('at-limit.txt', `${MESSAGE} ${'a'.repeat(LIMIT - Buffer.byteLength(MESSAGE) - 1)}`),
  invisible: file('invisible.txt', '\u200B \u200D\n\u2060\t'),
  bom: file('bom.txt', `\uFEFF${MESSAGE}`),
};
mkdirSync(F.dir);
chmodSync(F.unreadable, 0o000);
// root reads a file whatever its mode: the row then has nothing to test.
const canReadUnreadable = (() => {
  try {
    readFileSync(F.unreadable);
    return true;
  } catch {
    return false;
  }
})();

/** A user templates directory with one file, for the broken-template rows. */
function templatesWith(relative: string, content: string): { dir: string; path: string } {
  const root = mkdtempSync(join(tmpdir(), 'webcare-bad-templates-'));
  const path = join(root, relative);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return { dir: root, path };
}
const unclosedBlock = templatesWith('nl/reply.hbs', 'Hoi\n{{#if hasName}}\nhallo\n');
const unknownVariable = templatesWith('nl/partials/sign-off.hbs', 'Groet,\n{{agentName}}\n');
const unknownPartial = templatesWith('nl/reply.hbs', 'Hoi\n\n{{> nope}}\n');
const latin1Template = templatesWith('nl/reply.hbs', 'Hoi caf\xe9\n');
writeFileSync(latin1Template.path, Buffer.from('Hoi caf\xe9\n', 'latin1'));
const initialised = mkdtempSync(join(tmpdir(), 'webcare-bad-init-'));
spawnSync(process.execPath, [BIN, 'templates', 'init', initialised], { env: { PATH: process.env.PATH ?? '', WEBCARE_CONFIG_DIR: freshConfigDir() } });

const jsonl = (...lines: (string | object)[]) => lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n';
const good = (id: number) => ({ id, name: 'Marja', text: MESSAGE });

type Input = string | Buffer;
interface Row {
  args: string[];
  input?: Input;
  env?: Record<string, string>;
  code: number;
  /** The one stderr line. */
  error: RegExp;
  skip?: string;
}

const ONE_LINE: [string, Row][] = [
  // Global: the command line itself.
  ['unknown command', { args: ['bogus'], code: 2, error: /^webcare: unknown command 'bogus'/ }],
  ['unknown flag', { args: ['--bogus'], code: 2, error: /^webcare: unknown option '--bogus'/ }],
  ['unknown flag of a command', { args: ['draft', '--bogus', '--text', MESSAGE], code: 2, error: /unknown option '--bogus'/ }],
  ['too many arguments', { args: ['draft', 'a', 'b'], code: 2, error: /too many arguments for 'draft'/ }],
  ['flag without its value', { args: ['draft', '--text'], code: 2, error: /'-t, --text <text>' argument missing/ }],
  ['draft --channel fax', { args: ['draft', '--text', MESSAGE, '--channel', 'fax'], code: 2, error: /'fax' is invalid\. Allowed choices are x, facebook/ }],
  ['draft --persona grumpy', { args: ['draft', '--text', MESSAGE, '--persona', 'grumpy'], code: 2, error: /'grumpy' is invalid\. Allowed choices are meek/ }],
  ['draft --type rant', { args: ['draft', '--text', MESSAGE, '--type', 'rant'], code: 2, error: /'rant' is invalid\. Allowed choices are complaint/ }],
  ['draft --intent nuke', { args: ['draft', '--text', MESSAGE, '--intent', 'nuke'], code: 2, error: /'nuke' is invalid\. Allowed choices are reply/ }],
  ['draft --lang de', { args: ['draft', '--text', MESSAGE, '--lang', 'de'], code: 2, error: /'de' is invalid\. Allowed choices are nl, en/ }],
  ['draft --fault nobody', { args: ['draft', '--text', MESSAGE, '--fault', 'nobody'], code: 2, error: /'nobody' is invalid/ }],
  ['draft --topic weather', { args: ['draft', '--text', MESSAGE, '--topic', 'weather'], code: 2, error: /'weather' is invalid/ }],
  ['draft --variant 0', { args: ['draft', '--text', MESSAGE, '--variant', '0'], code: 2, error: /'0' is invalid\. give a whole number/ }],
  ['draft --formal --informal', { args: ['draft', '--text', MESSAGE, '--formal', '--informal'], code: 2, error: /^webcare: choose --formal or --informal, not both\.$/ }],
  ['draft a file and --text', { args: ['draft', F.bom, '--text', MESSAGE], code: 2, error: /not both/ }],
  ['draft --again with no earlier draft', { args: ['draft', '--text', MESSAGE, '--again'], code: 2, error: /no earlier draft/ }],
  ['check --lang de', { args: ['check', '--text', 'Hoi', '--lang', 'de'], code: 2, error: /'de' is invalid/ }],
  ['check --channel fax', { args: ['check', '--text', 'Hoi', '--channel', 'fax'], code: 2, error: /'fax' is invalid/ }],
  ['check --disable an unknown rule', { args: ['check', '--text', 'Hoi', '--disable', 'nope'], code: 2, error: /unknown rule "nope" in --disable/ }],
  ['check - twice', { args: ['check', '-', '-'], input: 'Hoi', code: 2, error: /stdin \("-"\) can be read only once/ }],
  ['check --jsonl --json', { args: ['check', '--jsonl', '--json'], code: 2, error: /leave out --json/ }],
  ['classify --lang de', { args: ['classify', '--text', MESSAGE, '--lang', 'de'], code: 2, error: /'de' is invalid/ }],
  ['batch --lang de', { args: ['batch', '--lang', 'de'], code: 2, error: /'de' is invalid/ }],
  ['batch --format xml', { args: ['batch', '--format', 'xml'], code: 2, error: /'xml' is invalid\. Allowed choices are jsonl, csv/ }],
  ['batch --output-format xml', { args: ['batch', '--output-format', 'xml'], code: 2, error: /'xml' is invalid/ }],
  ['guide --lang de', { args: ['guide', '--lang', 'de'], code: 2, error: /'de' is invalid/ }],
  ['guide an unknown topic', { args: ['guide', 'grumpy'], code: 2, error: /^webcare: unknown customer type "grumpy"/ }],

  // Empty text, per command.
  ['draft --text ""', { args: ['draft', '--text', ''], code: 2, error: /^webcare: --text is empty\./ }],
  ['check --text ""', { args: ['check', '--text', ''], code: 2, error: /^webcare: --text is empty\./ }],
  ['classify --text ""', { args: ['classify', '--text', ''], code: 2, error: /^webcare: --text is empty\./ }],
  ['draft --text of zero-width spaces', { args: ['draft', '--text', '\u200B\u200B'], code: 2, error: /--text is empty/ }],
  ['draft with empty stdin, no terminal', { args: ['draft'], input: '', code: 2, error: /^webcare: stdin is empty\. Give the message text as a file, with --text, or on stdin\.$/ }],
  ['draft with stdin of blanks', { args: ['draft', '--yes'], input: ' \n\t\n', code: 2, error: /stdin is empty/ }],
  ['check with empty stdin', { args: ['check'], input: '', code: 2, error: /stdin is empty/ }],
  ['classify with empty stdin', { args: ['classify'], input: '', code: 2, error: /stdin is empty/ }],
  ['draft with stdin over 100 KB', { args: ['draft', '--yes'], input: 'a'.repeat(LIMIT + 1), code: 2, error: /stdin is too large; the limit is 100 KB \(102,400 bytes\)/ }],

  // Config: bad keys and values.
  ['config set an unknown key', { args: ['config', 'set', 'colour', 'red'], code: 2, error: /^webcare: unknown setting "colour"\. Known settings: agent/ }],
  ['config get an unknown key', { args: ['config', 'get', 'colour'], code: 2, error: /unknown setting "colour"/ }],
  ['config unset an unknown key', { args: ['config', 'unset', 'colour'], code: 2, error: /unknown setting "colour"/ }],
  ['config set formal maybe', { args: ['config', 'set', 'formal', 'maybe'], code: 2, error: /^webcare: "formal" must be true or false\.$/ }],
  ['config set lang de', { args: ['config', 'set', 'lang', 'de'], code: 2, error: /"lang" must be one of nl, en/ }],
  ['config set channel fax', { args: ['config', 'set', 'channel', 'fax'], code: 2, error: /"channel" must be one of x, facebook/ }],
  ['config set check.disable an unknown rule', { args: ['config', 'set', 'check.disable', 'too-long,nope'], code: 2, error: /unknown rule "nope"\. Rules: deletion/ }],
  ['config set with a config directory that is a file', { args: ['config', 'set', 'agent', 'Piet'], env: { WEBCARE_CONFIG_DIR: F.bom }, code: 2, error: /^webcare: cannot read the config file .*bom\.txt\/config\.json: a part of the path is a file/ }],
  ['config set where the config cannot be written', { args: ['config', 'set', 'agent', 'Piet'], env: { WEBCARE_CONFIG_DIR: '/proc/self' }, code: 2, error: /^webcare: cannot write the config file \/proc\/self\/config\.json: / , ...(existsSync('/proc/self') ? {} : { skip: 'no /proc here' }) }],
  ['config set without a value', { args: ['config', 'set', 'agent'], code: 2, error: /missing required argument 'value'/ }],

  // Templates.
  ['templates show an unknown name', { args: ['templates', 'show', 'nl/persona/grumpy'], code: 2, error: /unknown template "nl\/persona\/grumpy"/ }],
  ['templates show a path out of the tree', { args: ['templates', 'show', '../../../etc/passwd'], code: 2, error: /unknown template/ }],
  ['templates list of a missing directory', { args: ['templates', 'list', '--templates', F.missing], code: 2, error: /the templates directory .*missing\.txt does not exist/ }],
  ['templates init onto a file', { args: ['templates', 'init', F.bom], code: 2, error: /^webcare: cannot write .*bom\.txt/ }],
  ['templates show without a name', { args: ['templates', 'show'], code: 2, error: /missing required argument 'name'/ }],
  ['templates init over an earlier copy', { args: ['templates', 'init', initialised], code: 2, error: /already exists \(and \d+ more\); nothing was copied\. Use --force/ }],
  ['templates check --templates of a file', { args: ['templates', 'check', '--templates', F.bom], code: 2, error: /bom\.txt is a file, not a templates directory/ }],
  ['guide with two topics', { args: ['guide', 'meek', 'angry'], code: 2, error: /too many arguments for 'guide'/ }],
  ['draft --templates pointing at a file', { args: ['draft', '--text', MESSAGE, '--templates', 'package.json'], code: 2, error: /is a file, not a templates directory/ }],
  ['draft a template that is not UTF-8', { args: ['draft', '--text', MESSAGE, '--lang', 'nl', '--templates', latin1Template.dir], code: 2, error: /template .* is not valid UTF-8/ }],
  ['draft --templates of a missing directory', { args: ['draft', '--text', MESSAGE, '--templates', F.missing], code: 2, error: /does not exist/ }],
];

/** The file-argument rows, for each command that reads a message file. */
const FILE_ROWS: [string, string, RegExp][] = [
  ['a directory', F.dir, /cannot read .*a-directory: it is a directory/],
  ['a missing file', F.missing, /cannot read .*missing\.txt: no such file/],
  ['an unreadable file', F.unreadable, /cannot read .*unreadable\.txt: permission denied/],
  ['/dev/null', '/dev/null', /^webcare: \/dev\/null is empty\./],
  ['/dev/zero (endless)', '/dev/zero', /\/dev\/zero is too large; the limit is 100 KB/],
  ['invalid UTF-8', F.latin1, /latin1\.txt is not valid UTF-8\. Save it as UTF-8/],
  ['binary with NUL', F.binary, /binary\.bin looks like binary data/],
  ['UTF-16', F.utf16, /utf16\.txt is UTF-16 text\. Save (it|the export) as UTF-8/],
  ['100 KB + 1 byte', F.tooBig, /too-big\.txt is too large; the limit is 100 KB \(102,400 bytes\) per message/],
  ['only invisible characters', F.invisible, /invisible\.txt is empty/],
];
for (const command of ['draft', 'check', 'classify']) {
  for (const [what, path, error] of FILE_ROWS) {
    ONE_LINE.push([
      `${command} ${what}`,
      {
        args: command === 'draft' ? [command, '--yes', path] : [command, path],
        code: 2,
        error,
        ...(path === F.unreadable && canReadUnreadable ? { skip: 'running as root: the file can be read whatever its mode' } : {}),
      },
    ]);
  }
}
for (const [what, path, error] of [...FILE_ROWS.slice(0, 3), ...FILE_ROWS.filter(([what]) => what === 'UTF-16')]) {
  ONE_LINE.push([`batch ${what}`, { args: ['batch', path], code: 2, error, ...(path === F.unreadable && canReadUnreadable ? { skip: 'running as root' } : {}) }]);
}
ONE_LINE.push(
  ['batch binary with NUL', { args: ['batch', F.binary], code: 2, error: /binary\.bin looks like binary data, not a JSONL or CSV export\.$/ }],
  ['batch --format csv of a binary file', { args: ['batch', '--format', 'csv', process.execPath], code: 2, error: /looks like binary data/ }],
  ['batch a UTF-16 export on stdin', { args: ['batch', '--format', 'csv'], input: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`id,text\n1,${MESSAGE}\n`, 'utf16le')]), code: 2, error: /^webcare: stdin is UTF-16 text\. Save the export as UTF-8/ }],
  ['batch --format csv of a JSONL export', { args: ['batch', '--format', 'csv'], input: jsonl({ ...good(1), text: 'x'.repeat(5000) }), code: 2, error: /^webcare: the CSV header \(line 1\) has no "text" column; it has: .{1,101}\. Name the message column "text"\. For a JSONL export leave out --format csv\.$/ }],
  ['draft --text over 100 KB', { args: ['draft', '--text', 'a'.repeat(LIMIT + 1)], code: 2, error: /^webcare: --text is too large; the limit is 100 KB/ }],
  ['batch --out a directory', { args: ['batch', '--out', F.dir], input: jsonl(good(1)), code: 2, error: /cannot write .*a-directory: it is a directory/ }],
  ['batch --out in a missing directory', { args: ['batch', '--out', join(F.missing, 'out.jsonl')], input: jsonl(good(1)), code: 2, error: /cannot write .*out\.jsonl/ }],
  ['batch CSV without a text column', { args: ['batch', '--format', 'csv'], input: 'id,message\n1,hallo\n', code: 2, error: /^webcare: the CSV header \(line 1\) has no "text" column; it has: id, message\./ }],
  ['batch a broken template', { args: ['batch', '--templates', unclosedBlock.dir], input: jsonl(good(1)), code: 2, error: new RegExp(`^webcare: template ${escape(unclosedBlock.path)}:\\d+: `) }],
  ['draft a template with an unclosed block', { args: ['draft', '--text', MESSAGE, '--templates', unclosedBlock.dir], code: 2, error: new RegExp(`^webcare: template ${escape(unclosedBlock.path)}:\\d+: syntax error`) }],
  ['draft a template with an unknown variable', { args: ['draft', '--text', MESSAGE, '--templates', unknownVariable.dir], code: 2, error: new RegExp(`^webcare: template ${escape(unknownVariable.path)}:2: unknown variable "agentName"`) }],
  ['draft a template with an unknown partial', { args: ['draft', '--text', MESSAGE, '--templates', unknownPartial.dir], code: 2, error: new RegExp(`^webcare: template ${escape(unknownPartial.path)}:3: unknown partial "nope"`) }],
  ['templates check a broken template', { args: ['templates', 'check', '--templates', unclosedBlock.dir], code: 2, error: new RegExp(`^webcare: template ${escape(unclosedBlock.path)}:\\d+: `) }],
);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Runs the binary as `run` does (own empty config, stdin given), without blocking: rows run side by side. */
function timed(args: string[], options: { input?: Input; env?: Record<string, string> } = {}): Promise<RunResult & { ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', WEBCARE_CONFIG_DIR: freshConfigDir(), ...options.env },
    timeout: 15_000,
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  // A child that exits before reading all of stdin closes the pipe under us: not our concern.
  child.stdin.on('error', () => {});
  child.stdin.end(options.input ?? '');
  return new Promise((resolve) =>
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString(), ms: Date.now() - started }),
    ),
  );
}

// Generous for a loaded CI machine running the files side by side; a hang is what it catches.
const SECONDS = 10_000;

/** One `webcare:` line, no stack, nothing on stdout. */
function expectOneLineError(result: RunResult & { ms: number }, row: { code: number; error: RegExp }): void {
  const lines = result.stderr.trimEnd().split('\n');
  expect(result.code, result.stderr).toBe(row.code);
  expect(lines[0]).toMatch(row.error);
  expect(lines[0]).toMatch(/^webcare: /);
  expect(lines.slice(1), result.stderr).toEqual([]);
  expect(isCleanError(result.stderr), result.stderr).toBe(true);
  expect(result.stdout).toBe('');
  expect(result.ms).toBeLessThan(SECONDS);
}

describe.concurrent('bad input: one clear line on stderr, the right exit code, nothing on stdout', () => {
  for (const [name, row] of ONE_LINE) {
    (row.skip ? it.skip : it)(name, async () => {
      expectOneLineError(await timed(row.args, { input: row.input, env: row.env }), row);
    });
  }
});

// Exports: a bad record is reported with its line number, on stderr and as an error line in the
// output, and every other line is still drafted; the summary closes stderr; exit 1.
interface ExportRow {
  args: string[];
  input: Input;
  /** Line number → error code expected in the output; every other line is drafted. */
  failed: Record<number, string>;
  /** The stderr message for each failed line, in order. */
  messages: RegExp[];
}

const LONG_LINE = JSON.stringify({ id: 2, text: 'x'.repeat(1100 * 1024) });
const EXPORT_ROWS: [string, ExportRow][] = [
  ['not JSON', { args: ['batch'], input: jsonl(good(1), '{"id": 2, "text": ', good(3)), failed: { 2: 'invalid-json' }, messages: [/not valid JSON \(/] }],
  ['a CSV fed as JSONL', { args: ['batch'], input: `id,text\n1,hallo\n${JSON.stringify(good(3))}\n`, failed: { 1: 'invalid-json', 2: 'invalid-json' }, messages: [/for a CSV export add --format csv/, /not valid JSON/] }],
  ['an array instead of an object', { args: ['batch'], input: jsonl(good(1), '[1, 2]', good(3)), failed: { 2: 'invalid-json' }, messages: [/not a JSON object/] }],
  ['null and a string', { args: ['batch'], input: jsonl('null', '"text"', good(3)), failed: { 1: 'invalid-json', 2: 'invalid-json' }, messages: [/not a JSON object/, /not a JSON object/] }],
  ['missing text', { args: ['batch'], input: jsonl(good(1), { id: 2, name: 'Els' }, good(3)), failed: { 2: 'missing-text' }, messages: [/no "text"/] }],
  ['empty text', { args: ['batch'], input: jsonl(good(1), { id: 2, text: '  ' }, good(3)), failed: { 2: 'empty-text' }, messages: [/^webcare: line 2: text is empty$/] }],
  ['text of zero-width spaces', { args: ['batch'], input: jsonl(good(1), { id: 2, text: '\u200B\u2060 ' }), failed: { 2: 'empty-text' }, messages: [/text is empty/] }],
  ['text of the wrong type', { args: ['batch'], input: jsonl(good(1), { id: 2, text: 42 }, good(3)), failed: { 2: 'invalid-value' }, messages: [/"text" must be a string, not 42/] }],
  ['unknown persona', { args: ['batch'], input: jsonl(good(1), { ...good(2), persona: 'grumpy' }, good(3)), failed: { 2: 'invalid-value' }, messages: [/persona "grumpy" is not one of: meek/] }],
  ['sensitive of the wrong type', { args: ['batch'], input: jsonl(good(1), { ...good(2), sensitive: 3 }, { ...good(3), sensitive: 'maybe' }), failed: { 2: 'invalid-value', 3: 'invalid-value' }, messages: [/sensitive 3 is not one of: true, false/, /sensitive "maybe"/] }],
  ['an id that is an object', { args: ['batch'], input: jsonl(good(1), { ...good(2), id: {} }), failed: { 2: 'invalid-value' }, messages: [/"id" must be text or a number/] }],
  ['invalid UTF-8 in one line', { args: ['batch'], input: Buffer.concat([Buffer.from(jsonl(good(1))), Buffer.from('{"id":2,"text":"caf\xe9"}\n', 'latin1'), Buffer.from(jsonl(good(3)))]), failed: { 2: 'invalid-utf8' }, messages: [/not valid UTF-8/] }],
  ['a NUL in the text', { args: ['batch'], input: jsonl(good(1), { id: 2, text: 'a\u0000b' }), failed: { 2: 'binary' }, messages: [/NUL character/] }],
  ['text over 100 KB', { args: ['batch'], input: jsonl(good(1), { id: 2, text: 'a'.repeat(LIMIT + 1) }, good(3)), failed: { 2: 'too-long' }, messages: [/text is over 100 KB/] }],
  ['a line over the 1 MB line limit', { args: ['batch'], input: `${jsonl(good(1))}${LONG_LINE}\n${jsonl(good(3))}`, failed: { 2: 'line-too-long' }, messages: [/^webcare: line 2: the line is over 1024 KB; skipped$/] }],
  ['CSV: an unclosed quote', { args: ['batch', '--format', 'csv'], input: `id,text\n1,${MESSAGE}\n2,"Waar blijft\n3,mijn pakket\n`, failed: { 3: 'invalid-csv' }, messages: [/a quoted field is never closed/] }],
  ['CSV: a row with too many fields', { args: ['batch', '--format', 'csv'], input: `id,text\n1,${MESSAGE}\n2,a,b\n`, failed: { 3: 'invalid-csv' }, messages: [/3 fields where the header has 2/] }],
  ['check --jsonl: not JSON, an array, missing and empty text', { args: ['check', '--jsonl'], input: jsonl({ id: 1, text: 'Hoi Marja, we zoeken het uit.' }, '{"id": ', '[1]', { id: 4 }, { id: 5, text: '' }), failed: { 2: 'invalid-json', 3: 'invalid-record', 4: 'missing-text', 5: 'empty-text' }, messages: [/^webcare: line 2: not valid JSON: [^"]*$/, /line 3: each line must be a JSON object/, /line 4: the record has no "text"/, /line 5: "text" is empty/] }],
  ['check --jsonl: invalid UTF-8 and a line over 100 KB', { args: ['check', '--jsonl'], input: Buffer.concat([Buffer.from('{"id":1,"text":"caf\xe9"}\n', 'latin1'), Buffer.from(jsonl({ id: 2, text: 'a'.repeat(LIMIT) }, { id: 3, text: 'Hoi Marja.' }))]), failed: { 1: 'invalid-utf8', 2: 'too-large' }, messages: [/line 1: not valid UTF-8/, /line 2: the line is over 100 KB/] }],
];

describe.concurrent('bad records in an export: reported by line number, the rest still done, exit 1', () => {
  for (const [name, row] of EXPORT_ROWS) {
    it(name, async () => {
      const result = await timed(row.args, { input: row.input });
      expect(result.code, result.stderr).toBe(1);
      expect(result.ms).toBeLessThan(SECONDS);
      expect(result.stdout.endsWith('\n')).toBe(true);
      const out = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { line?: number; id?: unknown; error?: { code: string } });
      const failedLines = Object.keys(row.failed).map(Number);
      const errors = out.filter((record) => record.error);
      expect(errors.map((record) => [record.line, record.error!.code])).toEqual(failedLines.map((line) => [line, row.failed[line]]));
      expect(out.length - errors.length).toBeGreaterThan(0);
      const stderr = result.stderr.trimEnd().split('\n');
      expect(isCleanErrorLines(stderr)).toBe(true);
      const lineMessages = stderr.filter((line) => line.startsWith('webcare: '));
      expect(lineMessages).toHaveLength(failedLines.length);
      lineMessages.forEach((line, i) => {
        expect(line.startsWith(`webcare: line ${failedLines[i]}: `), line).toBe(true);
        expect(line).toMatch(row.messages[i]!);
      });
      if (row.args[0] === 'batch') {
        expect(stderr[failedLines.length]).toMatch(new RegExp(`^\\d+ read, \\d+ drafted, ${failedLines.length} failed \\(lines? ${failedLines.join(', ')}\\)`));
      }
    });
  }
});

function isCleanErrorLines(lines: string[]): boolean {
  return !lines.some((line) => /^\s+at /.test(line) || /^(Type|Range|Syntax)?Error\b/.test(line));
}

// What is not an error: an export's blank lines, BOM, CRLF and duplicate keys are read as a
// person would mean them, and an empty export is simply nothing to do.
describe.concurrent('export quirks that are not errors', () => {
  const cases: [string, string[], Input, number][] = [
    ['a BOM, CRLF line ends and blank lines', ['batch'], `\uFEFF${JSON.stringify(good(1))}\r\n\r\n   \n${JSON.stringify(good(2))}\r\n\n`, 2],
    ['duplicate keys: the last one counts, as in JSON.parse', ['batch'], '{"id":1,"text":"","text":"Waar blijft mijn pakket?","name":"Els"}\n', 1],
    ['CSV with a BOM, CRLF and a quoted line break', ['batch', '--format', 'csv'], `\uFEFFid,text\r\n1,"Waar blijft\r\nmijn pakket?"\r\n`, 1],
    ['check --jsonl with a BOM, CRLF and blank lines', ['check', '--jsonl'], `\uFEFF{"id":1,"text":"Hoi Marja, we zoeken het uit."}\r\n\r\n{"id":2,"text":"Hoi Els."}\r\n`, 2],
    ['an empty export', ['batch'], '', 0],
  ];
  for (const [name, args, input, records] of cases) {
    it(name, async () => {
      const result = await timed(args, { input });
      expect(result.code, result.stderr).toBe(0);
      expect(result.ms).toBeLessThan(SECONDS);
      const out = result.stdout === '' ? [] : result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
      expect(out).toHaveLength(records);
      expect(out.filter((record) => record.error)).toEqual([]);
      expect(result.stderr).not.toMatch(/webcare:/);
    });
  }

  it('drafts a message of exactly 100 KB, and one with a BOM without the BOM', async () => {
    expect((await timed(['draft', '--yes', F.atLimit])).code).toBe(0);
    const bom = await timed(['draft', '--yes', '--json', F.bom]);
    expect(bom.code, bom.stderr).toBe(0);
    expect(bom.stdout).not.toContain('\uFEFF');
  });
});

// A config file that is broken (not JSON, the wrong shape, a value of the wrong type): every
// command that reads it names its path, exits 2, and leaves it byte for byte.
describe.concurrent('a broken config file is reported with its path and left as it is', () => {
  const configs: [string, Buffer, RegExp][] = [
    ['not JSON', Buffer.from('{"agent": "Sanne",\n'), /is not valid JSON \(.*\)\. Fix or remove it; it was left as it is\./],
    ['empty', Buffer.from(''), /is not valid JSON/],
    ['an array', Buffer.from('["agent"]'), /must hold a JSON object/],
    ['formal as a string', Buffer.from('{"formal": "yes"}'), /: "formal" must be true or false\. Fix it with `webcare config set formal \.\.\.`\./],
    ['check.disable as a string', Buffer.from('{"check.disable": "too-long"}'), /"check\.disable" must be a list of text/],
    ['an unknown channel', Buffer.from('{"channel": "fax"}'), /"channel" must be one of x, facebook/],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]), /is not valid JSON/],
  ];
  const commands: [string, string[], Input?][] = [
    ['draft', ['draft', '--text', MESSAGE]],
    ['check', ['check', '--text', 'Hoi Marja.']],
    ['batch', ['batch'], jsonl(good(1))],
    ['templates list', ['templates', 'list']],
    ['guide', ['guide']],
    ['config set', ['config', 'set', 'agent', 'Piet']],
    ['config get', ['config', 'get', 'agent']],
    ['config unset', ['config', 'unset', 'agent']],
    ['config list', ['config', 'list']],
  ];
  for (const [what, content, message] of configs) {
    for (const [command, args, input] of commands) {
      it(`${what}, on ${command}`, async () => {
        const config = freshConfigDir();
        const path = join(config, 'config.json');
        writeFileSync(path, content);
        const before = statSync(path).mtimeMs;
        const result = await timed(args, { input, env: { WEBCARE_CONFIG_DIR: config } });
        expectOneLineError(result, { code: 2, error: new RegExp(`^webcare: the config file ${escape(path)}`) });
        expect(result.stderr).toMatch(message);
        expect(readFileSync(path).equals(content)).toBe(true);
        expect(statSync(path).mtimeMs).toBe(before);
        expect(readdirSync(config)).toEqual(['config.json']);
      });
    }
  }
});

describe('no terminal, no waiting; outputs that cannot be written', () => {
  it('draft with stdin on /dev/null and no text names --text and returns at once', () => {
    const started = Date.now();
    const result = spawnSync(process.execPath, [BIN, 'draft'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', WEBCARE_CONFIG_DIR: freshConfigDir() },
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^webcare: .*--text/);
    expect(isCleanError(result.stderr)).toBe(true);
    expect(Date.now() - started).toBeLessThan(SECONDS);
  });

  const full = existsSync('/dev/full') && statSync('/dev/full').isCharacterDevice();
  (full ? it : it.skip)('a full disk on stdout is one line and exit 2, not a stack trace', () => {
    for (const args of [['draft', '--text', MESSAGE], ['check', '--text', 'Hoi Marja.'], ['--help']]) {
      const result = spawnSync(process.execPath, [BIN, ...args], {
        stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'],
        env: { PATH: process.env.PATH ?? '', WEBCARE_CONFIG_DIR: freshConfigDir() },
        encoding: 'utf8',
        timeout: 10_000,
      });
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr).toBe('webcare: cannot write the output: no space left on the device\n');
    }
  });

  it('batch --out to a named pipe writes into the pipe and leaves it a pipe', async () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'webcare-fifo-')), 'out.fifo');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    const child = spawn(process.execPath, [BIN, 'batch', '--out', fifo], {
      env: { PATH: process.env.PATH ?? '', WEBCARE_CONFIG_DIR: freshConfigDir() },
    });
    child.stdin.end(jsonl(good(1), good(2)));
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => (read += chunk.toString()));
    const [code] = await Promise.all([
      new Promise<number | null>((resolve) => child.on('exit', resolve)),
      new Promise((resolve) => reader.on('close', resolve)),
    ]);
    expect(code).toBe(0);
    expect(read.trimEnd().split('\n')).toHaveLength(2);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});
