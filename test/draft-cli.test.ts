import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshConfigDir, isCleanError, run } from './helpers.js';

const NL = 'Al DRIE dagen geen internet en niemand neemt op!!! Wanneer wordt dit opgelost?';
const EN = 'My parcel still has not arrived and nobody answers the phone. This is the third time.';

describe('webcare draft, scripted', () => {
  it('drafts a reply in the message’s language with the given name, JSON on stdout', () => {
    for (const [text, lang] of [
      [NL, 'nl'],
      [EN, 'en'],
    ] as const) {
      const result = run(['draft', '--yes', '--json', '--name', 'Zoë'], { input: text });
      expect(result.code, result.stderr).toBe(0);
      const draft = JSON.parse(result.stdout);
      expect(draft.lang).toBe(lang);
      expect(draft.reply).toContain('Zoë');
      expect(draft.warnings).toEqual([]);
      expect(Object.keys(draft)).toEqual(
        expect.arrayContaining(['reply', 'lang', 'channel', 'type', 'persona', 'sensitive', 'fault', 'name', 'warnings', 'strategy']),
      );
    }
  });

  it('prints only the reply on stdout without --json', () => {
    const result = run(['draft', '--text', EN, '--name', "Dave O'Brien", '--channel', 'x', '--agent', 'Sanne']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^(Hi|Hey) Dave,\n/);
    expect(result.stdout.trimEnd()).toMatch(/\^Sanne$/);
    expect(result.stdout.length).toBeLessThanOrEqual(281);
  });

  it('keeps names and actions exactly as typed', () => {
    const result = run(['draft', '--text', EN, '--name', '{{agent}}', '--action', '5 > 3 & more', '--agent', 'Jan-Willem', '--json']);
    const draft = JSON.parse(result.stdout);
    expect(draft.reply).toContain('{{agent}}');
    expect(draft.reply).toContain('5 > 3 & more');
    expect(draft.reply).toContain('Jan-Willem');
    // The customer's own name is no placeholder left in: no warning, exit 0.
    expect(draft.warnings).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('exits 2 naming the valid values for an unknown choice', () => {
    const result = run(['draft', '--text', EN, '--persona', 'grumpy']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^webcare: .*'grumpy' is invalid.*meek, aggressive/);
  });

  it('never waits for a person without a terminal: no message is a clear error', () => {
    const result = run(['draft']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/stdin is empty\. Give the message text as a file, with --text, or on stdin/);
    expect(isCleanError(result.stderr)).toBe(true);
  });

  it('refuses empty, binary, invalid UTF-8 and oversized messages', () => {
    const cases: [string | Buffer, RegExp][] = [
      ['   \n ', /empty/],
      [Buffer.from([0x48, 0x00, 0x01, 0x02]), /binary/],
      [Buffer.from([0x48, 0x69, 0xff, 0xfe]), /not valid UTF-8/],
      ['a'.repeat(101 * 1024), /limit is 100 KB/],
    ];
    for (const [input, message] of cases) {
      const result = run(['draft', '--yes'], { input });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(isCleanError(result.stderr), result.stderr).toBe(true);
      expect(result.stdout).toBe('');
    }
  });

  it('exits 1 but still prints the reply when the planned move backfires', () => {
    const result = run(['draft', '--text', EN, '--intent', 'delete', '--json']);
    expect(result.code).toBe(1);
    const draft = JSON.parse(result.stdout);
    expect(draft.reply.length).toBeGreaterThan(20);
    expect(draft.warnings).toContainEqual(expect.objectContaining({ rule: 'deletion', severity: 'error' }));
    expect(result.stderr).toMatch(/deletion/);
  });

  it('starts from the last draft’s answers with --again', () => {
    const config = freshConfigDir();
    const env = { WEBCARE_CONFIG_DIR: config };
    run(['draft', '--text', EN, '--persona', 'critic', '--channel', 'linkedin', '--formal'], { env });
    const again = JSON.parse(run(['draft', '--text', EN, '--again', '--json'], { env }).stdout);
    expect(again).toMatchObject({ persona: 'critic', channel: 'linkedin', formal: true });
  });

  it('reports a broken config file with its path and leaves it byte for byte', () => {
    const config = freshConfigDir();
    const path = join(config, 'config.json');
    writeFileSync(path, '{"agent": "Sanne",');
    const result = run(['draft', '--text', EN], { env: { WEBCARE_CONFIG_DIR: config } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(path);
    expect(isCleanError(result.stderr)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('{"agent": "Sanne",');
    const set = run(['config', 'set', 'agent', 'Piet'], { env: { WEBCARE_CONFIG_DIR: config } });
    expect(set.code).toBe(2);
    expect(readFileSync(path, 'utf8')).toBe('{"agent": "Sanne",');
  });

  it('signs with the configured agent', () => {
    const env = { WEBCARE_CONFIG_DIR: freshConfigDir() };
    expect(run(['config', 'set', 'agent', 'Sanne'], { env }).code).toBe(0);
    expect(run(['config', 'get', 'agent'], { env }).stdout).toBe('Sanne\n');
    expect(run(['config', 'set', 'formal', 'maybe'], { env }).code).toBe(2);
    expect(run(['draft', '--text', NL, '--channel', 'x'], { env }).stdout.trimEnd()).toMatch(/\^Sanne$/);
  });

  it('reports a broken user template with its path and line, and prints no reply', () => {
    const dir = mkdtempSync(join(tmpdir(), 'webcare-templates-'));
    mkdirSync(join(dir, 'nl', 'partials'), { recursive: true });
    writeFileSync(join(dir, 'nl', 'partials', 'sign-off.hbs'), 'Groet,\n{{agentName}}\n');
    const result = run(['draft', '--text', NL, '--templates', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(dir, 'nl', 'partials', 'sign-off.hbs')}:2: unknown variable "agentName"`);
    expect(result.stdout).toBe('');
  });
});
