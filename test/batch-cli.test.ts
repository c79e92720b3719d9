// End to end: the built binary on exports, the way a script runs it. Build first (`npm run build`).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvReader } from '../src/csv.js';
import { BIN, ROOT, freshConfigDir, isCleanError, run } from './helpers.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'batch');
const fixture = (name: string) => join(FIXTURES, name);
const jsonLines = (stdout: string) => stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
const tempDir = () => mkdtempSync(join(tmpdir(), 'webcare-batch-'));

function parseCsv(text: string): Record<string, string>[] {
  const reader = new CsvReader();
  const records = text
    .split('\n')
    .slice(0, -1)
    .map((line) => reader.push(line))
    .filter((fields): fields is string[] => fields !== null);
  const [header, ...rows] = records;
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])));
}

/** Lines of JSONL, big enough that the output outlasts any pipe buffer. */
function bigExport(count: number): string {
  const lines = [];
  for (let i = 1; i <= count; i++) {
    lines.push(JSON.stringify({ id: i, name: 'Marja', text: `Bestelling ${i} is nog steeds niet bezorgd. Waar blijft het?` }));
  }
  return `${lines.join('\n')}\n`;
}

describe('webcare batch', () => {
  it('answers every line in order: bad lines get their number and an error, the rest a draft with the name; exit 1', () => {
    const result = run(['batch', fixture('mixed.jsonl')]);
    expect(result.code).toBe(1);
    const out = jsonLines(result.stdout);
    expect(out.map((line) => line.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(out.map((line) => line.id)).toEqual(['m1', 'm2', undefined, 'm4', 'm5', 'm6', 'm7', 'm8']);
    expect(out[2].error.code).toBe('invalid-json');
    expect(out[5]).toEqual({ id: 'm6', line: 6, error: { code: 'empty-text', message: 'text is empty' } });
    const names = { 0: 'Marloes', 1: 'Priya', 3: 'Kees', 4: 'Tom', 6: 'Fatima', 7: 'Henk' };
    for (const [index, name] of Object.entries(names)) {
      const draft = out[Number(index)];
      expect(draft.error).toBeUndefined();
      expect(draft.reply).toContain(name);
      expect(typeof draft.review).toBe('boolean');
      expect(Array.isArray(draft.reviewReasons)).toBe(true);
    }
    expect(out[0].channel).toBe('x');
    expect(out[7].reviewReasons).toContain('legal');
    const stderr = result.stderr.split('\n');
    expect(stderr[0]).toMatch(/^webcare: line 3: not valid JSON \(/);
    expect(stderr[1]).toBe('webcare: line 6: text is empty');
    expect(stderr[2]).toMatch(/^8 read, 6 drafted, 2 failed \(lines 3, 6\)/);
  });

  it('exits 0 when every line drafts, with a summary on stderr and nothing but data on stdout', () => {
    const result = run(['batch'], { input: readFileSync(join(ROOT, 'examples', 'mentions.jsonl')) });
    expect(result.code).toBe(0);
    expect(jsonLines(result.stdout)).toHaveLength(8);
    expect(result.stderr).toMatch(/^8 read, 8 drafted, 0 failed, \d+ to review\n {2}types: .+ · personas: .+\n$/);
  });

  it('reads a CSV export (BOM, CRLF, quoted commas and quotes, line breaks in a field) and writes CSV that reads back', () => {
    const asCsv = run(['batch', '--format', 'csv', '--output-format', 'csv', fixture('export.csv')]);
    const asJson = run(['batch', '--format', 'csv', fixture('export.csv')]);
    expect(asCsv.code, asCsv.stderr).toBe(0);
    expect(asCsv.stdout.split('\n')[0]).toBe(
      'id,line,reply,lang,channel,type,persona,topic,sensitive,fault,intent,name,review,reviewReasons,warnings,strategy,error',
    );
    const rows = parseCsv(asCsv.stdout);
    const drafts = jsonLines(asJson.stdout);
    expect(rows.map((row) => row.id)).toEqual(['x,1', 'x-2', 'x-3']);
    expect(rows.map((row) => row.name)).toEqual(['Dave "DJ" Jones', 'Anouk de Wit', 'Sam']);
    expect(rows.map((row) => row.line)).toEqual(['2', '3', '6']);
    expect(rows.map((row) => row.channel)).toEqual(['x', 'facebook', 'email']);
    // Every reply, line breaks included, comes back from the CSV exactly as the JSON has it.
    expect(rows.map((row) => row.reply)).toEqual(drafts.map((draft) => draft.reply));
    expect(rows[1]!.reply).toContain('Anouk');
    expect(rows.every((row) => row.error === '' && ['true', 'false'].includes(row.review!))).toBe(true);
  });

  it('reads the CSV example with --format csv the same as the JSONL example', () => {
    const fromCsv = jsonLines(run(['batch', '--format', 'csv', join(ROOT, 'examples', 'mentions.csv')]).stdout);
    const fromJsonl = jsonLines(run(['batch', join(ROOT, 'examples', 'mentions.jsonl')]).stdout);
    const strip = ({ line: _line, ...draft }: Record<string, unknown>) => draft;
    expect(fromCsv.map(strip)).toEqual(fromJsonl.map(strip));
  });

  it('stops a run whose CSV has no text column, before any output (exit 2)', () => {
    const result = run(['batch', '--format', 'csv'], { input: 'id,message\n1,hallo\n' });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^webcare: the CSV header \(line 1\) has no "text" column; it has: id, message\./);
    expect(isCleanError(result.stderr)).toBe(true);
  });

  it('reports invalid UTF-8 and an over-long line for that line only and goes on', () => {
    const input = Buffer.concat([
      Buffer.from('{"id":1,"text":"Waar is mijn pakket?","name":"Ans"}\n{"id":2,"text":"caf'),
      Buffer.from([0xe9]),
      Buffer.from(`"}\n{"id":3,"text":"${'x'.repeat(1100 * 1024)}"}\n{"id":4,"text":"Where is my parcel?","name":"Bo"}\n`),
    ]);
    const result = run(['batch'], { input });
    expect(result.code).toBe(1);
    const out = jsonLines(result.stdout);
    expect(out.map((line) => line.error?.code ?? line.name)).toEqual(['Ans', 'invalid-utf8', 'line-too-long', 'Bo']);
    expect(out[2]).toEqual({ line: 3, error: { code: 'line-too-long', message: 'the line is over 1024 KB; skipped' } });
  });

  it('stops at the first bad line with --fail-fast (exit 1)', () => {
    const result = run(['batch', '--fail-fast', fixture('mixed.jsonl')]);
    expect(result.code).toBe(1);
    const out = jsonLines(result.stdout);
    expect(out.map((line) => line.line)).toEqual([1, 2, 3]);
    expect(out[2].error.code).toBe('invalid-json');
    expect(result.stderr).toMatch(/stopped at line 3 \(--fail-fast\)/);
  });

  it('takes agent, company and register from config, and a line’s own fields over the flags', () => {
    const config = freshConfigDir();
    writeFileSync(join(config, 'config.json'), JSON.stringify({ agent: 'Sanne', formal: true }));
    const input =
      '{"text":"Mijn factuur klopt niet.","name":"Els","channel":"facebook"}\n' +
      '{"text":"Mijn factuur klopt niet.","name":"Els","channel":"facebook","formal":false,"lang":"en"}\n';
    const result = run(['batch', '--lang', 'nl'], { input, env: { WEBCARE_CONFIG_DIR: config } });
    expect(result.code, result.stderr).toBe(0);
    const [first, second] = jsonLines(result.stdout);
    expect(first.reply).toContain('Sanne');
    expect([first.formal, first.lang]).toEqual([true, 'nl']);
    expect([second.formal, second.lang]).toEqual([false, 'en']);
  });

  it('fails the whole run on a broken template, before any output (exit 2)', () => {
    const templates = tempDir();
    mkdirSync(join(templates, 'nl'));
    writeFileSync(join(templates, 'nl', 'reply.hbs'), '{{#if hasName}}Hoi\n');
    const result = run(['batch', '--templates', templates, fixture('mixed.jsonl')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^webcare: template .*reply\.hbs/);
  });

  it('writes --out through a temporary file and leaves only the finished file', () => {
    const dir = tempDir();
    const target = join(dir, 'drafts.jsonl');
    const result = run(['batch', '--out', target, fixture('mixed.jsonl')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(readdirSync(dir)).toEqual(['drafts.jsonl']);
    expect(jsonLines(readFileSync(target, 'utf8'))).toHaveLength(8);
    expect(result.stderr).toMatch(/; written to .*drafts\.jsonl\n/);
  });

  it('leaves no file at --out when the run cannot start', () => {
    const dir = tempDir();
    const result = run(['batch', '--out', join(dir, 'drafts.jsonl'), join(dir, 'missing.jsonl')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^webcare: cannot read .*missing\.jsonl: no such file/);
    expect(readdirSync(dir)).toEqual([]);
  });

  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`leaves no file at --out when interrupted with ${signal} (exit ${code})`, async () => {
      const dir = tempDir();
      const child = spawn(process.execPath, [BIN, 'batch', '--out', join(dir, 'drafts.jsonl')], {
        env: { PATH: process.env.PATH ?? '', WEBCARE_CONFIG_DIR: freshConfigDir() },
      });
      const stderr: Buffer[] = [];
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
      // Half an export arrives; stdin stays open, so the run is in the middle when the signal comes.
      child.stdin.write(bigExport(50));
      for (let waited = 0; readdirSync(dir).length === 0 && waited < 10_000; waited += 20) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(readdirSync(dir)).toHaveLength(1);
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(readdirSync(dir)).toEqual([]);
      expect(Buffer.concat(stderr).toString()).not.toMatch(/\n\s+at /);
    });
  }

  it('ends quietly with exit 0 when the reader goes away (`webcare batch big.jsonl | head -1`)', async () => {
    const dir = tempDir();
    const big = join(dir, 'big.jsonl');
    writeFileSync(big, bigExport(5_000));
    const child = spawn(process.execPath, [BIN, 'batch', big], {
      env: { PATH: process.env.PATH ?? '', WEBCARE_CONFIG_DIR: freshConfigDir() },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let first = '';
    child.stdout.on('data', (chunk: Buffer) => {
      first ||= chunk.toString().split('\n')[0]!;
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
    expect(JSON.parse(first).id).toBe(1);
    expect(code).toBe(0);
    // Not even the summary: it stopped there, without an EPIPE trace.
    expect(stderr).toBe('');
    expect(existsSync(big)).toBe(true);
  });
});
