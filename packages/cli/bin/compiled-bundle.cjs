'use strict';
// Loads the CommonJS bundles that scripts/bundle.mjs writes to bundle/, through node:vm so
// that V8 can be given the code cache written for each at build time. With the cache, V8
// skips parsing and compiling every function that the warm-up runs compiled. Node 20 has no
// compile cache for `require` or `import` (module.enableCompileCache came in Node 22).
const { isAscii } = require('node:buffer');
const fs = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const vm = require('node:vm');

const BUNDLE_DIR = path.join(__dirname, '..', 'bundle');
const PACKAGES_DIR = path.join(__dirname, '..', '..');

// Set by scripts/bundle.mjs for its warm-up runs only: a run never writes into its install.
const WRITE_CACHE = process.env.SPECGATE_WRITE_CODE_CACHE === '1';

const loaded = new Map();

/**
 * True when both bundles exist and neither a package build nor `pnpm install` came after them.
 * After a plain `tsc -b packages/cli` the compiled modules in dist/ run instead, so the CLI
 * never runs stale code of its own packages. After an install, which may have moved the
 * packages the bundle loads from node_modules, dist/ runs until the next `pnpm build`.
 */
function bundleIsCurrent() {
  const written = fs.statSync(path.join(BUNDLE_DIR, 'specgate.cjs'), {
    throwIfNoEntry: false,
  })?.mtimeMs;
  if (written === undefined || !fs.existsSync(path.join(BUNDLE_DIR, 'redocly.cjs'))) return false;
  const newer = (file) => {
    const info = fs.statSync(file, { throwIfNoEntry: false });
    return info !== undefined && info.mtimeMs > written;
  };
  // pnpm rewrites this file on every install.
  if (newer(path.join(PACKAGES_DIR, '..', 'node_modules', '.modules.yaml'))) return false;
  for (const entry of fs.readdirSync(PACKAGES_DIR, { withFileTypes: true })) {
    // Only folders contain a build, so plain files such as macOS's .DS_Store are skipped.
    if (!entry.isDirectory() && !entry.isSymbolicLink()) continue;
    if (newer(path.join(PACKAGES_DIR, entry.name, 'tsconfig.tsbuildinfo'))) return false;
  }
  return true;
}

/**
 * Returns the cache file of a bundle, named after the bundle's size and modification time.
 * So a rewritten bundle never meets the cache of its predecessor. V8 checks the length of the
 * source but not its text, and code compiled from another source would run wrong.
 */
function cacheFileOf(file, stats) {
  return `${file}.${stats.size}-${Math.trunc(stats.mtimeMs)}.v8-cache`;
}

/**
 * Compiles the bundle `name` with its code cache, when there is one. Returns the script and
 * whether V8 took the cache.
 */
function compileBundle(name) {
  const file = path.join(BUNDLE_DIR, name);
  // One read of the whole file. esbuild writes ASCII almost everywhere, and ASCII decodes
  // faster as Latin-1, to the same string.
  const bytes = fs.readFileSync(file);
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const cacheFile = cacheFileOf(file, fs.statSync(file));

  let cachedData;
  // NOTE: Node 20's V8 checks a cache's header (V8 version, flags, source and payload length)
  // but no checksum, so a cache with flipped bytes in its payload aborts the process.
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname, __specgateImport) {${source}\n})`,
    { filename: file, ...(cachedData === undefined ? {} : { cachedData }) },
  );
  return {
    file,
    cacheFile,
    script,
    cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
  };
}

/** True when V8 takes the code cache of the bundle `name`; the build checks it after writing. */
function cacheIsUsed(name) {
  return compileBundle(name).cacheUsed;
}

/** Runs the bundle `name` (once per process) as `require` would and returns its exports. */
function loadBundle(name) {
  const known = loaded.get(name);
  if (known !== undefined) return known;
  const { file, cacheFile, script } = compileBundle(name);

  if (WRITE_CACHE) {
    // At exit, so the cache contains every function the warm-up run compiled.
    // Written to a temporary file and renamed, so a reader never sees half a cache.
    process.once('exit', () => {
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, script.createCachedData());
      fs.renameSync(temporary, cacheFile);
    });
  }

  const module = { exports: {} };
  const fileUrl = pathToFileURL(file);
  // Runs the bundle's dynamic imports (see scripts/bundle.mjs). A relative specifier is
  // relative to the bundle, as in a module. Other specifiers are URLs or node: builtins.
  const importFromBundle = (specifier) => {
    const text = String(specifier);
    return import(text.startsWith('.') ? new URL(text, fileUrl).href : text);
  };
  script
    .runInThisContext()
    .call(
      module.exports,
      module.exports,
      createRequire(file),
      module,
      file,
      BUNDLE_DIR,
      importFromBundle,
    );
  loaded.set(name, module.exports);
  return module.exports;
}

module.exports = { bundleIsCurrent, cacheIsUsed, loadBundle };
