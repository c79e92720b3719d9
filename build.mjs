// Bundles the CLI into one file, dist/webcare.cjs, and builds its launcher, dist/launch.cjs,
// which runs it from V8's code cache (see src/launch.ts): `webcare --version`, the first
// question and a single check must be about as fast as `node -e 0`.
// Type checking is tsc's job (`npm run check`); this only bundles.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The prompt packages have no side effects at import, but do not say so; telling esbuild lets
 * it drop the prompts we never show (the editor prompt alone brings a 500 KB charset library).
 */
const promptsWithoutSideEffects = {
  name: 'prompts-without-side-effects',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^@inquirer\// }, async (args) => {
      if (args.pluginData?.resolved) return undefined;
      const result = await pluginBuild.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: { resolved: true },
      });
      return { ...result, sideEffects: false };
    });
  },
};

/** Runs `exported` of a module in src/ at build time, for data the bundle then carries ready-made. */
async function atBuildTime(entry, exported, ...args) {
  const dir = mkdtempSync(join(tmpdir(), 'webcare-build-'));
  try {
    const outfile = join(dir, 'module.mjs');
    await build({ entryPoints: [entry], outfile, bundle: true, format: 'esm', platform: 'node', logLevel: 'warning' });
    const module = await import(pathToFileURL(outfile).href);
    return module[exported](...args);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The check phrases filed once, here: filing them takes `webcare check --text` tens of milliseconds. */
const filedPhrases = () => atBuildTime('src/core/rules-index.ts', 'phraseIndexData');

// As JSON text in a string: V8 skims a string literal, where an array literal this size (100 KB)
// would be parsed in full by every command that loads the checker, `draft` included.
const phraseIndex = JSON.stringify(JSON.stringify(await filedPhrases()));

/** An esbuild plugin that bundles `contents` in place of the module at src/core/`file`. */
function prebuilt(file, contents) {
  const escaped = file.replace(/\./g, '\\.');
  return {
    name: `prebuilt-${file}`,
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: new RegExp(`[\\\\/]src[\\\\/]core[\\\\/]${escaped}$`) }, () => ({ contents, loader: 'js' }));
    },
  };
}
const prebuiltPhrases = prebuilt('rules-prebuilt.ts', `export const PREBUILT_PHRASE_INDEX = ${phraseIndex};`);

// The fitted weights of classify (src/core/weights.json), packed: parsing the readable file cost
// `webcare draft` ~18 ms (src/core/weights.ts, pack).
const fittedWeights = JSON.stringify(await atBuildTime('src/core/weights.ts', 'pack', JSON.parse(readFileSync('src/core/weights.json', 'utf8'))));
const prebuiltWeights = prebuilt('weights.json', `export default ${fittedWeights};`);

rmSync('dist', { recursive: true, force: true });
// CommonJS, because only a classic script can be compiled with a code cache on Node 20, and
// because Node's ES module loader alone costs a run ~10 ms. The commands are still imported
// lazily in src/: esbuild runs such a module's code on first use.
const commonJs = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Templates and package.json are found relative to dist/, as src/ finds them relative to src/.
  define: { 'import.meta.url': '__webcareUrl' },
  // Strict, as the ES modules in src/ are; the directive must come before the banner's line.
  banner: { js: "'use strict';\nconst __webcareUrl = require('node:url').pathToFileURL(__filename).href;" },
  minify: true,
  logLevel: 'warning',
};
await build({ ...commonJs, entryPoints: ['src/index.ts'], outfile: 'dist/webcare.cjs', plugins: [promptsWithoutSideEffects, prebuiltPhrases, prebuiltWeights] });
// The built-in templates, parsed (src/core/render.ts, parseForBuild): Handlebars' parser took
// `webcare draft` ~60 ms. Keyed by each phrasing's text, so a changed file is parsed as before.
const templateFiles = readdirSync('templates', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.hbs'))
  .map((file) => ({ name: file.slice(0, -4).split(sep).join('/'), path: join('templates', file), source: readFileSync(join('templates', file), 'utf8') }));
writeFileSync('dist/templates.json', JSON.stringify(await atBuildTime('src/core/render.ts', 'parseForBuild', templateFiles)));
// The launcher runs the bundle as a vm.Script, which has no loader for import(): every module must
// be bundled or require()d. esbuild leaves import() of a Node built-in as it is.
const bundle = readFileSync('dist/webcare.cjs', 'utf8');
if (/[^\w$.]import\(/.test(bundle)) {
  throw new Error('dist/webcare.cjs calls import(), which a vm.Script cannot: import the module statically');
}
const bundleHash = createHash('sha256').update(bundle).digest('hex').slice(0, 16);
await build({
  ...commonJs,
  entryPoints: ['src/launch.ts'],
  outfile: 'dist/launch.cjs',
  define: { ...commonJs.define, WEBCARE_BUNDLE_HASH: JSON.stringify(bundleHash) },
});
