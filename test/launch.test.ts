// The launcher runs the bundle from V8's code cache: same output with or without it, a cache
// that is written once and then taken, and a broken or stale one that costs nothing but time.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli.js';
import { cacheFolder, codeCacheKey } from '../src/launch.js';
import { run } from './helpers.js';
import { PtySession, hasTmux } from './pty.js';

describe('codeCacheKey', () => {
  const argv = (...args: string[]) => ['node', 'webcare', ...args];

  it('keys every command by its name, and anything else as one', () => {
    for (const command of buildProgram().commands.map((c) => c.name())) {
      expect(codeCacheKey(argv(command, 'x.txt'), () => false)).toBe(command);
    }
    expect(codeCacheKey(argv('--version'), () => true)).toBe('other');
    expect(codeCacheKey(argv('drafts.txt'), () => true)).toBe('other');
    expect(codeCacheKey(argv(), () => true)).toBe('other');
  });

  it('keeps a draft that asks questions apart from one that does not', () => {
    expect(codeCacheKey(argv('draft', 'msg.txt'), () => true)).toBe('draft-walkthrough');
    expect(codeCacheKey(argv('draft', '--yes', 'msg.txt'), () => true)).toBe('draft');
    expect(codeCacheKey(argv('draft', '-y'), () => true)).toBe('draft');
    expect(codeCacheKey(argv('draft', 'msg.txt'), () => false)).toBe('draft');
  });
});

describe('cacheFolder', () => {
  it('follows each platform, and NODE_DISABLE_COMPILE_CACHE turns it off', () => {
    expect(cacheFolder({}, 'linux', '/home/sanne')).toBe('/home/sanne/.cache/webcare');
    expect(cacheFolder({ XDG_CACHE_HOME: '/var/cache/sanne' }, 'linux', '/home/sanne')).toBe('/var/cache/sanne/webcare');
    expect(cacheFolder({}, 'darwin', '/Users/sanne')).toBe('/Users/sanne/Library/Caches/webcare');
    expect(cacheFolder({ LOCALAPPDATA: 'C:\\Users\\sanne\\AppData\\Local' }, 'win32', 'C:\\Users\\sanne')).toBe('C:\\Users\\sanne\\AppData\\Local\\webcare\\Cache');
    expect(cacheFolder({}, 'win32', 'C:\\Users\\sanne')).toBeNull();
    expect(cacheFolder({ NODE_DISABLE_COMPILE_CACHE: '1' }, 'linux', '/home/sanne')).toBeNull();
    // Never relative to wherever the run is: no home, or a relative XDG_CACHE_HOME (which the spec says to ignore).
    expect(cacheFolder({}, 'linux', '')).toBeNull();
    expect(cacheFolder({ XDG_CACHE_HOME: 'cache' }, 'linux', '/home/sanne')).toBe('/home/sanne/.cache/webcare');
    expect(cacheFolder({ LOCALAPPDATA: 'AppData' }, 'win32', 'C:\\Users\\sanne')).toBeNull();
  });
});

describe.runIf(process.platform === 'linux')('the built binary with a code cache', () => {
  // The stars are in a regex of the bundle: a bundle read as anything but UTF-8 misses them.
  const review = ['classify', '--json', '--text', '★☆☆☆☆ Nooit meer. — Zoë'];
  const withCache = (home: string) => ({ env: { XDG_CACHE_HOME: home } });
  const cacheFiles = (home: string): string[] => {
    const builds = join(home, 'webcare', 'code');
    return readdirSync(builds, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.cache'))
      .map((name) => join(builds, name));
  };

  it('writes one cache per command, takes it the next time, and answers the same as without', () => {
    const home = mkdtempSync(join(tmpdir(), 'webcare-cache-test-'));
    const uncached = run(review, { env: { NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(uncached.code).toBe(0);
    expect(JSON.parse(uncached.stdout)).toMatchObject({ type: 'complaint', name: 'Zoë' });

    expect(run(review, withCache(home))).toEqual(uncached);
    const [file, ...others] = cacheFiles(home);
    expect(others).toEqual([]);
    expect(file).toMatch(/classify\.cache$/);
    const written = statSync(file!).ino;

    expect(run(review, withCache(home))).toEqual(uncached);
    // Taken, so not written again.
    expect(statSync(file!).ino).toBe(written);
    // check --jsonl changes a V8 flag, and puts it back for the cache: it too is taken next time.
    const replies = { ...withCache(home), input: '{"id": 1, "text": "Hoi Marja, sorry voor het wachten."}\n' };
    expect(run(['check', '--jsonl'], replies).code).toBe(0);
    const checkCache = cacheFiles(home).find((name) => name.endsWith('check.cache'))!;
    const checkWritten = statSync(checkCache).ino;
    expect(run(['check', '--jsonl'], replies).code).toBe(0);
    expect(statSync(checkCache).ino).toBe(checkWritten);
  });

  it('runs past a broken cache and replaces it', () => {
    const home = mkdtempSync(join(tmpdir(), 'webcare-cache-test-'));
    run(review, withCache(home));
    const [file] = cacheFiles(home);
    writeFileSync(file!, 'not a code cache');
    const result = run(review, withCache(home));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ type: 'complaint', name: 'Zoë' });
    expect(statSync(file!).size).toBeGreaterThan(1000);
  });

  it('clears the caches of earlier builds but the two written last, and keeps none of a run that failed', () => {
    const home = mkdtempSync(join(tmpdir(), 'webcare-cache-test-'));
    const earlier = ['000000000000000a', '000000000000000b', '000000000000000c'].map((build, age) => {
      const folder = join(home, 'webcare', 'code', build, 'v8-x64');
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'check.cache'), 'an earlier build');
      const written = new Date(Date.now() - (age + 1) * 86_400_000);
      utimesSync(join(home, 'webcare', 'code', build), written, written);
      return join(folder, 'check.cache');
    });
    expect(run(['check', '--text', ''], withCache(home)).code).toBe(2);
    expect(cacheFiles(home).sort()).toEqual(earlier);

    expect(run(review, withCache(home)).code).toBe(0);
    expect(cacheFiles(home).sort()).toEqual([earlier[0], earlier[1], expect.stringMatching(/classify\.cache$/)]);
  });
});

describe.runIf(process.platform === 'linux' && (hasTmux || process.env.CI))('the code cache of the walkthrough', () => {
  let session: PtySession | undefined;
  afterEach(() => session?.close());

  it('is written while the first question waits, so a moderator who stops there still has it', async () => {
    const home = mkdtempSync(join(tmpdir(), 'webcare-cache-test-'));
    session = new PtySession(['draft', '--text', 'Waar blijft mijn pakket?'], { env: { XDG_CACHE_HOME: home } });
    await session.waitFor(/Customer's name/);
    const builds = join(home, 'webcare', 'code');
    const written = () =>
      existsSync(builds)
        ? readdirSync(builds, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('draft-walkthrough.cache'))
        : [];
    for (let waited = 0; written().length === 0 && waited < 5000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(written()).toHaveLength(1);
    session.send('C-c');
    expect(await session.exitCode()).toBe(130);
  });
});
