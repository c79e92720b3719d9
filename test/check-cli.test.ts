// End-to-end: the built binary (`npm run build` first), with stdin, files, flags and config.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshConfigDir, isCleanError, run } from './helpers.js';

const GOOD_NL = 'Hoi Marja, sorry dat je pakket er nog niet is. Stuur je ons een DM met je ordernummer? ^Sanne';
const BAD_EN = "Hi Dave, that's a stupid question. WE ARE SO SORRY!!";

function tempFiles(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'webcare-check-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('webcare check', () => {
  it('prints findings like a linter and exits 1 on an error', () => {
    const result = run(['check', '--text', BAD_EN]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^<text>\n/);
    expect(result.stdout).toMatch(/ {2}1:19 +error +belittles or mocks the customer \("stupid question"\) +insult\n/);
    expect(result.stdout).toMatch(/→ Stay polite/);
    expect(result.stdout).toMatch(/3 errors in 1 file\n$/);
    expect(result.stdout).not.toMatch(/\u001b\[/);
    expect(result.stderr).toBe('');
  });

  it('says "no problems" and exits 0 on a good reply from stdin', () => {
    const result = run(['check'], { input: GOOD_NL });
    expect(result).toMatchObject({ code: 0, stdout: 'no problems\n', stderr: '' });
  });

  it('exits 0 when the only findings are warnings or hints', () => {
    const result = run(['check', '--text', "Hi Dave, we'll look into it. ^Tom"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/warning .*empty-promise/);
    expect(result.stdout).toMatch(/1 warning in 1 file/);
  });

  it('uses colour only when asked for it (FORCE_COLOR), as stdout is no terminal here', () => {
    expect(run(['check', '--text', BAD_EN], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\u001b\[31m/);
  });

  it('prints one JSON object for one input, with "-" for stdin', () => {
    const result = run(['check', '--json'], { input: 'Beste klant, we hebben je bericht verwijderd.' });
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ file: '-', lang: 'nl' });
    expect(json.findings.map((f: { rule: string }) => f.rule)).toEqual(['impersonal', 'deletion']);
    expect(Object.keys(json.findings[0])).toEqual(['rule', 'severity', 'line', 'column', 'excerpt', 'message', 'advice']);
  });

  it('checks several files and prints an array with --json', () => {
    const dir = tempFiles({ 'good.txt': GOOD_NL, 'bad.txt': BAD_EN });
    const result = run(['check', '--json', 'good.txt', 'bad.txt'], { cwd: dir });
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as { file: string; lang: string; findings: unknown[] }[];
    expect(json.map(({ file, lang, findings }) => [file, lang, findings.length])).toEqual([
      ['good.txt', 'nl', 0],
      ['bad.txt', 'en', 3],
    ]);
    const human = run(['check', 'good.txt', 'bad.txt'], { cwd: dir });
    expect(human.stdout).toMatch(/^bad\.txt\n/);
    expect(human.stdout).not.toMatch(/good\.txt/);
  });

  it('forces the language with --lang', () => {
    const json = JSON.parse(run(['check', '--json', '--lang', 'nl', '--text', BAD_EN]).stdout);
    expect(json.lang).toBe('nl');
    expect(json.findings[0].message).toBe('kleineert of bespot de klant');
  });

  it('checks the length for --channel', () => {
    const long = `Hi Dave, ${'sorry about the delay with your order, we are on it. '.repeat(6)}^Tom`;
    expect(run(['check', '--text', long]).code).toBe(0);
    const result = run(['check', '--channel', 'x', '--text', long]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/too-long/);
  });

  it('streams --jsonl: one result per line with its id, bad lines reported and skipped, exit 1', () => {
    const input = [
      JSON.stringify({ id: 'a', text: GOOD_NL }),
      '{"id": "b", "text": ',
      JSON.stringify({ id: 7, text: 'Beste klant, er wordt naar gekeken.' }),
      JSON.stringify({ id: 'd' }),
      '',
      JSON.stringify({ id: 'e', text: 'Hi Dave, sorted!', lang: 'en' }),
    ].join('\n');
    const result = run(['check', '--jsonl'], { input });
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toEqual({ id: 'a', lang: 'nl', findings: [] });
    expect(lines[1]).toMatchObject({ line: 2, error: { code: 'invalid-json' } });
    expect(lines[2].id).toBe(7);
    expect(lines[2].findings.map((f: { rule: string }) => f.rule)).toEqual(['impersonal', 'empty-promise']);
    expect(lines[3]).toMatchObject({ id: 'd', line: 4, error: { code: 'missing-text' } });
    expect(lines[4]).toEqual({ id: 'e', lang: 'en', findings: [] });
  });

  it('exits 0 on --jsonl when every line is fine, reading a file', () => {
    const dir = tempFiles({ 'in.jsonl': `${JSON.stringify({ id: 1, text: GOOD_NL })}\n${JSON.stringify({ id: 2, text: "Hi Dave, we'll look into it." })}\n` });
    const result = run(['check', '--jsonl', 'in.jsonl'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('skips rules given to --disable and refuses an unknown one, naming the valid ids', () => {
    expect(run(['check', '--disable', 'insult,shouting', '--text', BAD_EN])).toMatchObject({ code: 0, stdout: 'no problems\n' });
    const result = run(['check', '--disable', 'insults', '--text', BAD_EN]);
    expect(result.code).toBe(2);
    expect(isCleanError(result.stderr)).toBe(true);
    expect(result.stderr).toMatch(/unknown rule "insults" in --disable\. Rules: deletion, insult, legal-threat/);
  });

  it('adds check.disable, check.allow and the agent from the config to the flags', () => {
    const config = freshConfigDir();
    writeFileSync(
      join(config, 'config.json'),
      JSON.stringify({ 'check.disable': ['insult'], 'check.allow': ['Advocaat'], agent: 'SANNE DE BOER' }),
    );
    const env = { WEBCARE_CONFIG_DIR: config };
    const text = 'Hoi Marja, stomme vraag: onze Advocaat is weer binnen. ^SANNE DE BOER';
    expect(run(['check', '--text', text], { env })).toMatchObject({ code: 0, stdout: 'no problems\n' });
    expect(run(['check', '--text', text]).stdout).toMatch(/insult[\s\S]*legal-threat[\s\S]*shouting/);
    expect(run(['check', '--allow', 'Marja', '--disable', 'impersonal', '--text', 'Beste klant'], { env }).code).toBe(0);
  });

  it('exits 2 with a clean message for empty text, a missing file and invalid UTF-8', () => {
    const dir = tempFiles({ 'latin1.txt': Buffer.from([0x48, 0x6f, 0x69, 0x20, 0xe9, 0x0a]) });
    for (const [args, message] of [
      [['check', '--text', '  '], /--text is empty/],
      [['check'], /stdin is empty/],
      [['check', 'missing.txt'], /cannot read missing\.txt: no such file/],
      [['check', 'latin1.txt'], /latin1\.txt is not valid UTF-8/],
      [['check', '--jsonl', '--text', 'x'], /leave out --text/],
    ] as const) {
      const result = run([...args], { cwd: dir });
      expect(result.code, args.join(' ')).toBe(2);
      expect(isCleanError(result.stderr), result.stderr).toBe(true);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
    }
  });
});
