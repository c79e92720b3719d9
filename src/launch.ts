// The first code a run executes: it starts the bundled CLI (dist/webcare.cjs) from V8's code
// cache, so a run does not parse and compile the same JavaScript again before it can ask its
// first question or check a reply (issues 3 and 4: within 1.5x of `node -e 0`). Node 22's
// module.enableCompileCache() does the same for modules it loads, but Node 20 has no such cache,
// and a vm.Script's cache works the same way on every version.
//
// One cache file per kind of run (see codeCacheKey), kept in the user's cache folder and written
// once, when it is missing or V8 turned it down (another Node version, another build). Anything
// that goes wrong with the cache only costs speed: the run itself never depends on it.
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, posix, win32 } from 'node:path';
import { isatty } from 'node:tty';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { EXIT } from './errors.js';

/** What dist/webcare.cjs exports: src/index.ts. */
interface Bundle {
  main(argv: string[]): Promise<void>;
  restoreV8Flags(): void;
  afterFirstQuestion(task: () => void): void;
}

/** Set by build.mjs: a hash of dist/webcare.cjs. V8 checks a cache's source only by length. */
declare const WEBCARE_BUNDLE_HASH: string;

const COMMANDS = new Set(['draft', 'check', 'classify', 'batch', 'templates', 'guide', 'config']);

/**
 * Which functions a run compiles depends on the command, and for `draft` on whether it will ask
 * questions (the prompt library) or not. A guess from argv is enough: a wrong one costs speed.
 */
export function codeCacheKey(argv: readonly string[], stderrIsTerminal: () => boolean): string {
  const command = argv[2] !== undefined && COMMANDS.has(argv[2]) ? argv[2] : 'other';
  const asks = command === 'draft' && !argv.includes('--yes') && !argv.includes('-y') && stderrIsTerminal();
  return asks ? 'draft-walkthrough' : command;
}

/**
 * The per-user cache folder, where env-paths (which conf uses for config) puts it; null to skip.
 * Only an absolute path: a relative one would leave a cache in whatever folder the run is in.
 */
export function cacheFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string | null {
  if (env.NODE_DISABLE_COMPILE_CACHE) return null;
  const path = platform === 'win32' ? win32 : posix;
  const absolute = (folder: string | undefined) => (folder && path.isAbsolute(folder) ? folder : null);
  if (platform === 'win32') {
    const local = absolute(env.LOCALAPPDATA);
    return local && path.join(local, 'webcare', 'Cache');
  }
  const base = absolute(home);
  if (platform === 'darwin') return base && path.join(base, 'Library', 'Caches', 'webcare');
  const cache = absolute(env.XDG_CACHE_HOME) ?? (base && path.join(base, '.cache'));
  return cache && path.join(cache, 'webcare');
}

function readIfThere(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Writes the cache V8 makes of everything this run compiled so far. Written to a temporary file
 * first, so a run that stops halfway, or one beside it, never reads half a cache.
 */
function saveCodeCache(script: Script, bundle: Bundle, place: CachePlace): void {
  const { builds, folder, file } = place;
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    if (mkdirSync(folder, { recursive: true }) !== undefined) removeOtherBuilds(builds);
    const fd = openSync(temporary, 'w');
    try {
      // V8 takes a cache only under the flags it was made with, and commands change a few.
      bundle.restoreV8Flags();
      writeSync(fd, script.createCachedData());
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
  }
}

/**
 * A new build gets a new folder; those of earlier builds would only take up room. The two
 * written last stay: a global install and a project's own copy may both be in use.
 */
function removeOtherBuilds(builds: string): void {
  const others = readdirSync(builds)
    .filter((name) => name !== WEBCARE_BUNDLE_HASH)
    .map((name) => ({ path: join(builds, name), written: statSync(join(builds, name)).mtimeMs }))
    .sort((a, b) => b.written - a.written);
  for (const { path } of others.slice(KEPT_BUILDS)) rmSync(path, { recursive: true, force: true });
}
const KEPT_BUILDS = 2;

interface CachePlace {
  /** One folder per build of the bundle, */
  builds: string;
  /** and in it one per V8 version and processor, */
  folder: string;
  /** holding a file per kind of run. */
  file: string;
}

function cachePlace(argv: readonly string[]): CachePlace | null {
  const root = cacheFolder(process.env, process.platform, homedir());
  if (root === null) return null;
  const builds = join(root, 'code');
  const folder = join(builds, WEBCARE_BUNDLE_HASH, `${process.versions.v8}-${process.arch}`);
  // isatty, not process.stderr.isTTY: making the stream loads modules a check may never need.
  const key = codeCacheKey(argv, () => isatty(2));
  return { builds, folder, file: join(folder, `${key}.cache`) };
}

export async function launch(argv: string[]): Promise<void> {
  const bundlePath = fileURLToPath(new URL('./webcare.cjs', import.meta.url));
  const source = readFileSync(bundlePath, 'utf8');
  const place = cachePlace(argv);
  const cachedData = place ? readIfThere(place.file) : undefined;

  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundlePath,
    cachedData,
  });
  const module = { exports: {} as Bundle };
  script.runInThisContext()(module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  const bundle = module.exports;
  if (place && (cachedData === undefined || script.cachedDataRejected)) {
    // What the run compiled until the walkthrough's first question is on screen: that is what the
    // next one needs to get there, and the rest compiles while the moderator reads. Any other run
    // saves at the end, unless it ended in a usage or input error, which compiles too little.
    let saved = false;
    const save = () => {
      if (!saved) saveCodeCache(script, bundle, place);
      saved = true;
    };
    bundle.afterFirstQuestion(save);
    process.once('exit', (exitCode) => {
      if (exitCode === EXIT.ok || exitCode === EXIT.findings || exitCode === EXIT.aborted) save();
    });
  }
  await bundle.main(argv);
}
