// Bundles the compiled CLI (dist/, from `tsc -b`) into a few ES modules in bundle/, so a run
// loads a handful of files instead of a few hundred. The commands that main.ts imports lazily
// become chunks of their own through code splitting.
import { realpathSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { build } from 'esbuild';

const cliRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(cliRoot, 'bundle');

// Packages that stay outside the bundle and load from node_modules as they do without it.
// These are native addons, packages that read their own files at run time, and the large
// libraries of commands other than lint and diff, which gain little from bundling.
const EXTERNAL = [
  /^@pact-foundation\//,
  /^@pactflow\//,
  /^@stoplight\//,
  /^better-sqlite3$/,
  /^openapi-typescript$/,
  /^redoc$/,
  /^swagger2openapi$/,
  /^typescript$/,
];

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Relative import from the bundle folder to a file, as an ES module specifier. */
function fromBundle(file) {
  const relative = path.relative(outdir, file).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

const keepExternal = {
  name: 'keep-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('node:') || args.pluginData === 'resolving') return undefined;
      if (!EXTERNAL.some((pattern) => pattern.test(packageName(args.path)))) return undefined;
      // Resolve from the importing package, as Node would, and import that file by a path
      // relative to the bundle: the CLI package itself does not depend on these packages.
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'resolving',
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: fromBundle(realpathSync(resolved.path)), external: true };
    });
  },
};

// Code that finds files next to itself (createRequire, new URL(..., import.meta.url)) must
// keep finding them from its original place, not from the bundle's.
const originalImportMeta = {
  name: 'original-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const original = `new URL(${JSON.stringify(fromBundle(args.path))}, import.meta.url).href`;
      return {
        contents: source.replaceAll('import.meta.url', `(${original})`),
        loader: 'js',
        resolveDir: path.dirname(args.path),
      };
    });
  },
};

await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: { bin: path.join(cliRoot, 'dist/bin.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  // CommonJS packages inside an ES module bundle need a require of their own.
  banner: {
    js: "import { createRequire as __specgateRequire } from 'node:module'; const require = __specgateRequire(import.meta.url);",
  },
  plugins: [keepExternal, originalImportMeta],
  logLevel: 'warning',
  metafile: false,
});
