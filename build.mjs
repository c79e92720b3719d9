// Bundles the CLI into dist/ so start-up reads a few files instead of hundreds:
// `webcare --version` and the first question must be about as fast as `node -e 0`.
// Type checking is tsc's job (`npm run check`); this only bundles.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/**
 * The check phrases filed once, here: filing them takes `webcare check --text` tens of
 * milliseconds. The bundle gets the result in place of src/core/rules-prebuilt.ts.
 */
async function filedPhrases() {
  const dir = mkdtempSync(join(tmpdir(), 'webcare-build-'));
  try {
    const outfile = join(dir, 'rules-index.mjs');
    await build({ entryPoints: ['src/core/rules-index.ts'], outfile, bundle: true, format: 'esm', platform: 'node', logLevel: 'warning' });
    const { phraseIndexData } = await import(pathToFileURL(outfile).href);
    return phraseIndexData();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// As JSON text in a string: V8 skims a string literal, where an array literal this size (100 KB)
// would be parsed in full by every command that loads the checker, `draft` included.
const phraseIndex = JSON.stringify(JSON.stringify(await filedPhrases()));
const prebuiltPhrases = {
  name: 'prebuilt-phrases',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]src[\\/]core[\\/]rules-prebuilt\.ts$/ }, () => ({
      contents: `export const PREBUILT_PHRASE_INDEX = ${phraseIndex};`,
      loader: 'js',
    }));
  },
};

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: ['src/index.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Chunks sit next to index.js, so paths relative to import.meta.url (../templates) hold.
  chunkNames: '[name]-[hash]',
  // Bundled CommonJS packages call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __webcareRequire } from 'node:module'; const require = __webcareRequire(import.meta.url);",
  },
  plugins: [promptsWithoutSideEffects, prebuiltPhrases],
  minify: true,
  logLevel: 'warning',
});
