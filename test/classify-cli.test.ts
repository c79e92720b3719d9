// End-to-end: `webcare classify` from the built binary (`npm run build` first).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERSONAS } from '../src/core/domain.js';
import { isCleanError, run } from './helpers.js';

const CHRONIC = 'Weer te laat bezorgd. Elke keer hetzelfde verhaal met jullie.';
const SIGNED = '@bezorgdirect ALWEER geen pakket!! Die bezorger is een idioot.\n— Dennis Voorn (@VoornDennis)';

function tempFile(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'webcare-classify-')), name);
  writeFileSync(path, content);
  return path;
}

describe('webcare classify', () => {
  it('--json prints the whole classification as one JSON document', () => {
    const result = run(['classify', '--json', '--text', CHRONIC]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({
      lang: 'nl',
      type: 'complaint',
      topic: 'delivery',
      sensitive: false,
      sensitiveReasons: [],
      fault: 'company',
      name: null,
      abusive: false,
      abuseTarget: null,
    });
    expect(json.typeScore).toBeGreaterThan(0.5);
    expect(json.typeScore).toBeLessThanOrEqual(1);
    expect(json.personas).toHaveLength(PERSONAS.length);
    expect(json.personas[0]).toEqual({ id: 'chronic', score: expect.any(Number), cues: expect.arrayContaining(['Weer', 'Elke keer']) });
    for (const key of ['typeCues', 'topicCues', 'secondTopic', 'faultCues', 'channel', 'channelCues', 'urgency', 'abusiveCues']) {
      expect(json).toHaveProperty(key);
    }
  });

  it('prints a short summary with the suggestion and the cues behind it, without colour in a pipe', () => {
    const result = run(['classify', '--text', SIGNED]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const out = result.stdout;
    expect(out).toMatch(/^language +nl$/m);
    expect(out).toMatch(/^type +complaint \d\.\d\d +.*"ALWEER"/m);
    expect(out).toMatch(/^persona +aggressive \d\.\d\d +.*"idioot".*"!!!"/m);
    expect(out).toMatch(/^topic +delivery +"pakket"/m);
    expect(out).toMatch(/^name +Dennis Voorn$/m);
    expect(out).toMatch(/^channel +x +"@bezorgdirect"/m);
    expect(out).toMatch(/^abusive +yes \(at a person\) +"idioot"$/m);
    expect(out.split('\n').length).toBeLessThan(20);
    expect(out).not.toMatch(/\u001b\[/);
  });

  it('colours only when asked for, and NO_COLOR wins', () => {
    expect(run(['classify', '--text', CHRONIC], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\u001b\[/);
    expect(run(['classify', '--text', CHRONIC], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
  });

  it('reads the message from a file, --text or stdin with the same result', () => {
    const fromText = run(['classify', '--json', '--text', CHRONIC]).stdout;
    expect(run(['classify', '--json'], { input: CHRONIC }).stdout).toBe(fromText);
    expect(run(['classify', '--json', tempFile('message.txt', CHRONIC)]).stdout).toBe(fromText);
    expect(run(['classify', '--json', '-'], { input: CHRONIC }).stdout).toBe(fromText);
  });

  it('--lang forces the language', () => {
    expect(JSON.parse(run(['classify', '--json', '--lang', 'en', '--text', CHRONIC]).stdout).lang).toBe('en');
  });

  it.each([
    ['empty stdin', [], ''],
    ['whitespace-only stdin', [], ' \n\t \n'],
    ['binary stdin', [], Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff])],
    ['invalid UTF-8', [], Buffer.from([0x68, 0x61, 0xc3, 0x28, 0x0a])],
    ['an empty --text', ['--text', '   '], ''],
  ] as const)('exits 2 with a one-line message on %s', (_label, args, input) => {
    const result = run(['classify', ...args], { input });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(isCleanError(result.stderr)).toBe(true);
  });

  it('exits 2 on a binary file, a missing file, an oversized message, and a file with --text', () => {
    const cases: string[][] = [
      ['classify', tempFile('photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10]))],
      ['classify', join(tmpdir(), 'no-such-webcare-message.txt')],
      ['classify', tempFile('big.txt', 'te laat '.repeat(20_000))],
      ['classify', tempFile('ok.txt', CHRONIC), '--text', CHRONIC],
    ];
    for (const args of cases) {
      const result = run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(isCleanError(result.stderr), result.stderr).toBe(true);
    }
  });

  it('says how to give a message on empty stdin', () => {
    expect(run(['classify']).stderr).toBe('webcare: stdin is empty. Give the message text as a file, with --text, or on stdin.\n');
  });
});
