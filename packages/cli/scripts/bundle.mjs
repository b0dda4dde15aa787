// Bundles the compiled CLI (dist/, from `tsc -b`) into CommonJS files in bundle/, then
// writes V8's code cache for each after a few warm-up runs on the repository's own specs.
// bin/compiled-bundle.cjs loads them with that cache: a run reads a bundle and its cache,
// instead of resolving, reading and compiling a few hundred modules.
//
// - bundle/specgate.cjs: the CLI and every @specgate package.
// - bundle/redocly.cjs: @redocly/openapi-core, which only lint (and `check`) load, kept
//   apart so that `diff` neither reads it nor deserializes its cache.
import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const cliRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(cliRoot, '../..');
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

// The bundle's own file URL, as the banner of each bundle defines it.
const BUNDLE_URL = '__specgateBundleUrl';

// The function that bin/compiled-bundle.cjs passes to a bundle for its dynamic imports.
const IMPORT = '__specgateImport';

// The specifier under which bundled code reaches bin/compiled-bundle.cjs.
const LOADER = 'specgate:bundle-loader';

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Relative specifier from the bundle folder to a file. */
function fromBundle(file) {
  const relative = path.relative(outdir, file).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** Resolves `specifier` as Node would from the importing file, past this plugin's own hook. */
async function resolveReal(build, args) {
  const resolved = await build.resolve(args.path, {
    kind: args.kind,
    resolveDir: args.resolveDir,
    importer: args.importer,
    pluginData: 'resolving',
  });
  return resolved.errors.length > 0 ? { errors: resolved.errors } : { path: resolved.path };
}

const keepExternal = {
  name: 'keep-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('node:') || args.pluginData === 'resolving') return undefined;
      if (!EXTERNAL.some((pattern) => pattern.test(packageName(args.path)))) return undefined;
      // Resolve from the importing package and load that file by a path relative to the
      // bundle: the CLI package itself does not depend on these packages.
      const resolved = await resolveReal(build, args);
      if (resolved.errors) return resolved;
      return { path: fromBundle(realpathSync(resolved.path)), external: true };
    });
  },
};

/**
 * Redocly comes from bundle/redocly.cjs through the loader, with its own code cache, when it is
 * first used.
 */
const redoclyApart = {
  name: 'redocly-apart',
  setup(build) {
    build.onResolve({ filter: /^@redocly\/openapi-core$/ }, () => ({
      path: 'redocly',
      namespace: 'apart',
    }));
    build.onLoad({ filter: /.*/, namespace: 'apart' }, () => ({
      contents: `module.exports = require(${JSON.stringify(LOADER)}).loadBundle('redocly.cjs');`,
      loader: 'js',
    }));
    build.onResolve({ filter: new RegExp(`^${LOADER}$`) }, () => ({
      path: fromBundle(path.join(cliRoot, 'bin/compiled-bundle.cjs')),
      external: true,
    }));
  },
};

/**
 * commander requires child_process at load time but calls it only for commands that run
 * other executables, and specgate has none. Because loading it costs a few milliseconds of
 * every run, it is required on first use instead.
 */
const childProcessOnFirstUse = {
  name: 'child-process-on-first-use',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'on-first-use' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'on-first-use' }, () => ({
      contents: `module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };`,
      loader: 'js',
    }));
  },
};

// Code that finds files next to itself (createRequire, new URL(..., import.meta.url)) must
// keep finding them from its original place, not from the bundle's. In a CommonJS bundle
// `import.meta` is empty, so its URL is rebuilt from the bundle's own file name, which the
// banner below takes before any module can shadow `require`.
const originalImportMeta = {
  name: 'original-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const original = `new URL(${JSON.stringify(fromBundle(args.path))}, ${BUNDLE_URL}).href`;
      return {
        contents: source.replaceAll('import.meta.url', `(${original})`),
        loader: 'js',
        resolveDir: path.dirname(args.path),
      };
    });
  },
};

const common = {
  banner: { js: `const ${BUNDLE_URL} = require('node:url').pathToFileURL(__filename).href;` },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
};

/** Returns the entry file of the @redocly/openapi-core that @specgate/lint depends on. */
function redoclyEntry() {
  const lintRoot = path.join(cliRoot, '../lint');
  const manifest = realpathSync(path.join(lintRoot, 'node_modules/@redocly/openapi-core'));
  const { exports } = JSON.parse(readFileSync(path.join(manifest, 'package.json'), 'utf8'));
  return path.join(manifest, exports['.'].import);
}

/**
 * Node 20 drops the `import()` handler of a script whose code comes from V8's cache, so in
 * a bundle every `import(` becomes a call of the function the loader passes in, which
 * imports from the loader's own module. esbuild writes `import(` only for the dynamic imports
 * it leaves in place. No string in the bundles contains that text, and the tests of the
 * commands that import this way (check, generate ts, pact verify) would fail if one did.
 */
async function routeDynamicImports(file) {
  const { readFile, writeFile } = await import('node:fs/promises');
  const source = await readFile(file, 'utf8');
  await writeFile(file, source.replace(/(?<![\w$.])import\(/g, `${IMPORT}(`));
}

await rm(outdir, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: [path.join(cliRoot, 'dist/bin.js')],
  outfile: path.join(outdir, 'specgate.cjs'),
  plugins: [keepExternal, redoclyApart, childProcessOnFirstUse, originalImportMeta],
});
await build({
  ...common,
  entryPoints: [redoclyEntry()],
  outfile: path.join(outdir, 'redocly.cjs'),
  plugins: [originalImportMeta],
});
await routeDynamicImports(path.join(outdir, 'specgate.cjs'));
await routeDynamicImports(path.join(outdir, 'redocly.cjs'));

// Warm-up runs: each reads the cache the run before it wrote and writes it again at exit
// with every function compiled so far, so the runs add up. Only the repository's own files
// are used; the benchmark's specs are not.
const bin = path.join(cliRoot, 'bin/specgate.cjs');
// The runs may find problems in whatever the specs contain at the time (exit 1 or 2), and the
// cache is written all the same. Only a crash, a timeout or an internal error stops the build.
const WARM_UPS = [
  ['lint', 'specs/orders/openapi.yaml', 'specs/customers/openapi.yaml', '--format', 'json'],
  ['lint', 'specs/orders/openapi.yaml'],
  ['diff', 'specs/orders/openapi.yaml', 'specs/customers/openapi.yaml', '--format', 'json'],
  ['diff', 'specs/orders/openapi.yaml', 'specs/orders/openapi.yaml'],
];
// V8 rejects a cache written under other V8 flags, and NODE_OPTIONS may contain some (for
// example --max-old-space-size), so the warm-ups and the check below run without it.
const { NODE_OPTIONS: _, ...plainEnvironment } = process.env;
for (const args of WARM_UPS) {
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd: repoRoot,
    env: { ...plainEnvironment, SPECGATE_WRITE_CODE_CACHE: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const crashed = /internal error|\n\s+at /.test(run.stderr ?? '');
  if (run.status === null || crashed) {
    const reason = run.error?.message ?? (run.stderr.trim() || `exit code ${run.status}`);
    throw new Error(`warm-up run \`specgate ${args.join(' ')}\` failed: ${reason}`);
  }
}

// A flag set in a warm-up run but not in a plain run makes V8 reject the cache in every run,
// silently, and start-up then pays for the whole compile. A fresh process checks the cache.
for (const name of ['specgate.cjs', 'redocly.cjs']) {
  const check = spawnSync(
    process.execPath,
    [
      '-e',
      `process.exitCode = require(process.argv[1]).cacheIsUsed(${JSON.stringify(name)}) ? 0 : 1`,
      path.join(cliRoot, 'bin/compiled-bundle.cjs'),
    ],
    { env: plainEnvironment, encoding: 'utf8', timeout: 60_000 },
  );
  if (check.status !== 0) {
    throw new Error(
      `code cache of bundle/${name} rejected by V8 (${check.stderr.trim() || 'written under other V8 flags'}). Run pnpm build again.`,
    );
  }
}
