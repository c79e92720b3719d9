// End to end: `webcare templates` against the built binary (`npm run build` first), the way a
// team makes the replies its own: init a copy, change one part, draft, check.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, freshConfigDir, isCleanError, run } from './helpers.js';

const BUILT_IN = join(ROOT, 'templates');
const MESSAGE = 'Mijn pakket is nog steeds niet bezorgd.';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'webcare-templates-'));
}

function write(dir: string, name: string, source: string): void {
  mkdirSync(dirname(join(dir, name)), { recursive: true });
  writeFileSync(join(dir, name), source);
}

/** `templates check` renders thousands of replies: more time than `run` gives, on a busy machine. */
function runCheck(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, 'templates', 'check', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', WEBCARE_CONFIG_DIR: freshConfigDir() },
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('webcare templates list, show, path', () => {
  it('lists every template and partial with its language, all built-in without a directory of your own', () => {
    const result = run(['templates', 'list']);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+LANG\s+KIND\s+SOURCE$/);
    expect(lines).toHaveLength(1 + 2 * (1 + 11 + 4 + 9));
    expect(result.stdout).toMatch(/^nl\/persona\/aggressive\s+nl\s+persona\s+built-in$/m);
    expect(result.stdout).toMatch(/^en\/partials\/sign-off\s+en\s+partial\s+built-in$/m);
    expect(result.stdout).toMatch(/^nl\/reply\s+nl\s+reply\s+built-in$/m);
    // Aligned: every SOURCE starts in the same column.
    expect(new Set(lines.map((line) => line.search(/(SOURCE|built-in)$/))).size).toBe(1);
  });

  it('marks the files your directory overrides, from --templates or the templates setting', () => {
    const dir = tempDir();
    write(dir, 'nl/partials/sign-off.hbs', 'Groet, {{agent}}\n');
    write(dir, 'nl/partials/disclaimer.hbs', 'Dit is geen financieel advies.\n');
    const flag = run(['templates', 'list', '--templates', dir]);
    expect(flag.code, flag.stderr).toBe(0);
    expect(flag.stdout).toMatch(/^nl\/partials\/sign-off\s+nl\s+partial\s+yours \(overrides built-in\)$/m);
    expect(flag.stdout).toMatch(/^nl\/partials\/disclaimer\s+nl\s+partial\s+yours \(new\)$/m);
    expect(flag.stdout).toMatch(/^en\/partials\/sign-off\s+en\s+partial\s+built-in$/m);

    const config = freshConfigDir();
    expect(run(['config', 'set', 'templates', dir], { env: { WEBCARE_CONFIG_DIR: config } }).code).toBe(0);
    const setting = run(['templates', 'list'], { env: { WEBCARE_CONFIG_DIR: config } });
    expect(setting.stdout).toBe(flag.stdout);
  });

  it('shows one file as it is, your copy when you have one', () => {
    const builtIn = run(['templates', 'show', 'nl/persona/aggressive']);
    expect(builtIn.code, builtIn.stderr).toBe(0);
    expect(builtIn.stdout).toBe(readFileSync(join(BUILT_IN, 'nl/persona/aggressive.hbs'), 'utf8'));

    const dir = tempDir();
    write(dir, 'nl/persona/aggressive.hbs', 'Wat vervelend. We lossen het op.\n');
    const yours = run(['templates', 'show', 'nl/persona/aggressive.hbs', '--templates', dir]);
    expect(yours.stdout).toBe('Wat vervelend. We lossen het op.\n');
  });

  it('refuses an unknown name with exit 2, pointing to the list', () => {
    const result = run(['templates', 'show', 'persona/aggressive']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(isCleanError(result.stderr)).toBe(true);
    expect(result.stderr).toContain('Did you mean en/persona/aggressive or nl/persona/aggressive?');
    expect(result.stderr).toContain('webcare templates list');
    expect(run(['templates', 'show', 'nl/persona/angrier']).code).toBe(2);
  });

  it('prints where templates are read from: your directory first, then the built-in set', () => {
    const builtIn = run(['templates', 'path']);
    expect(builtIn.code).toBe(0);
    expect(builtIn.stdout).toBe(`${BUILT_IN}\n`);
    const dir = tempDir();
    expect(run(['templates', 'path', '--templates', dir]).stdout).toBe(`${dir}\n${BUILT_IN}\n`);
    const missing = run(['templates', 'path', '--templates', join(dir, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('webcare templates init');
  });
});

describe('webcare templates init', () => {
  it('copies the built-in set and the authors’ guide, and says how to use them', () => {
    const dir = join(tempDir(), 'our-templates');
    const result = run(['templates', 'init', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`webcare config set templates ${dir}`);
    for (const name of ['nl/reply.hbs', 'en/partials/sign-off.hbs', 'nl/persona/angry.hbs', 'README.md']) {
      expect(readFileSync(join(dir, name), 'utf8')).toBe(readFileSync(join(BUILT_IN, name), 'utf8'));
    }
  });

  it('refuses to overwrite an existing file unless --force, and then copies nothing', () => {
    const dir = tempDir();
    write(dir, 'nl/partials/sign-off.hbs', 'mijn eigen afsluiting\n');
    const refused = run(['templates', 'init', dir]);
    expect(refused.code).toBe(2);
    expect(isCleanError(refused.stderr)).toBe(true);
    expect(refused.stderr).toContain(join(dir, 'nl/partials/sign-off.hbs'));
    expect(refused.stderr).toContain('--force');
    expect(existsSync(join(dir, 'nl/reply.hbs'))).toBe(false);
    expect(readFileSync(join(dir, 'nl/partials/sign-off.hbs'), 'utf8')).toBe('mijn eigen afsluiting\n');

    const forced = run(['templates', 'init', dir, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(dir, 'nl/partials/sign-off.hbs'), 'utf8')).toBe(
      readFileSync(join(BUILT_IN, 'nl/partials/sign-off.hbs'), 'utf8'),
    );
  });

  it('init, change only the sign-off, draft: only the sign-off changed', () => {
    const config = freshConfigDir();
    const env = { WEBCARE_CONFIG_DIR: config };
    const dir = join(tempDir(), 'our-templates');
    expect(run(['templates', 'init', dir], { env }).code).toBe(0);
    const signOff = join(dir, 'nl/partials/sign-off.hbs');
    writeFileSync(signOff, readFileSync(signOff, 'utf8').replace(/"Groet(jes)?,"/g, '"Hartelijke groet,"'));
    const draft = ['draft', '--yes', '--text', MESSAGE, '--name', 'Marja de Vries', '--agent', 'Sanne', '--channel', 'facebook'];

    const before = run(draft, { env });
    expect(run(['config', 'set', 'templates', dir], { env }).code).toBe(0);
    const after = run(draft, { env });
    expect(before.code, before.stderr).toBe(0);
    expect(after.code, after.stderr).toBe(0);

    const paragraphs = (text: string) => text.trimEnd().split('\n\n');
    expect(paragraphs(before.stdout).at(-1)).toMatch(/^(Groet|Groetjes|Fijne dag),\nSanne$/);
    expect(paragraphs(after.stdout).at(-1)).toBe('Hartelijke groet,\nSanne');
    expect(paragraphs(after.stdout).slice(0, -1)).toEqual(paragraphs(before.stdout).slice(0, -1));
  });
});

describe('a broken template', () => {
  const cases = [
    ['a syntax error', 'nl/partials/sign-off.hbs', 'Groet,\n{{#if agent}}{{agent}}\n', /sign-off\.hbs:\d+: syntax error/],
    ['an unknown variable', 'nl/partials/greeting.hbs', 'Hoi\n{{voornaam}},\n', /greeting\.hbs:2: unknown variable "voornaam"/],
    ['an unknown partial', 'nl/reply.hbs', '{{> greeting}}\n{{> type}}\n{{> handtekening}}\n', /reply\.hbs:3: unknown partial "handtekening"/],
  ] as const;

  for (const [what, name, source, error] of cases) {
    it(`with ${what}: exit 2 with path and line, nothing on stdout (draft and templates check)`, () => {
      const dir = tempDir();
      write(dir, name, source);
      const draft = run(['draft', '--yes', '--text', MESSAGE, '--name', 'Marja', '--templates', dir]);
      const check = runCheck(['--templates', dir]);
      for (const result of [draft, check]) {
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(isCleanError(result.stderr), result.stderr).toBe(true);
        expect(result.stderr).toContain(join(dir, name));
        expect(result.stderr).toMatch(error);
      }
    });
  }
});

describe('webcare templates check', () => {
  it('passes on the built-in set with a one-line summary', () => {
    const result = runCheck([]);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/^All \d+ combinations pass: 9 personas × 4 types × 4 faults × 7 channels × 2 languages × 2 registers × 3 intents .*\(\d+\.\d s\)\.\n$/);
    expect(Number(/All (\d+)/.exec(result.stdout)![1])).toBeGreaterThanOrEqual(9 * 4 * 4 * 7 * 2 * 2 * 3);
  });

  it('fails on a greeting with "Geachte klant" or "Dear customer", listing the combinations', () => {
    const dir = tempDir();
    write(dir, 'nl/partials/greeting.hbs', '{{#if hasName}}Geachte klant {{firstName}},{{else}}Geachte klant,{{/if}}\n');
    write(dir, 'en/partials/greeting.hbs', 'Dear customer,\n');
    const result = runCheck(['--templates', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^impersonal .*"Geachte klant"/m);
    expect(result.stdout).toMatch(/^impersonal .*"Dear customer"/m);
    expect(result.stdout).toContain(`in ${join(dir, 'nl/partials/greeting.hbs')}`);
    expect(result.stdout).toMatch(/^ {2}nl informal · x · \w+ · \w+ · fault [\w-]+ · intent \w+ · [\w-]+ · variant \d$/m);
    expect(result.stdout).toMatch(/^\d+ of \d+ combinations have findings/m);
  });

  it('flags "je" in formal Dutch, a gap where the name was, and lists them all as JSON', () => {
    const dir = tempDir();
    // Formal greeting without a name: "Beste ," and a sign-off that forgets the register.
    write(dir, 'nl/partials/greeting.hbs', '{{#if formal}}Beste {{firstName}},{{else}}Hoi {{firstName}},{{/if}}\n');
    write(dir, 'nl/partials/follow-up.hbs', 'Laat je weten of het gelukt is?\n');
    const result = runCheck(['--templates', dir, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      total: number;
      failures: { combination: { lang: string; formal: boolean }; reply: string; findings: { rule: string; excerpt: string }[] }[];
    };
    const rules = (rule: string) => report.failures.filter((failure) => failure.findings.some((finding) => finding.rule === rule));
    expect(rules('register').length).toBeGreaterThan(0);
    expect(rules('register').every((failure) => failure.combination.formal && failure.combination.lang === 'nl')).toBe(true);
    expect(rules('register')[0]!.reply).toContain('Laat je weten');
    expect(rules('name-gap').length + rules('unfilled').length).toBeGreaterThan(0);
    expect(report.failures.every((failure) => failure.combination.lang === 'nl')).toBe(true);
  });
});

