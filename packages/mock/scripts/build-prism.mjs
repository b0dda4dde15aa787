// Bundles the parts of Prism that `specgate mock` runs, with their dependency tree, into
// dist/prism.bundle.cjs, then writes V8's code cache for it after a warm-up mock run.
// Node then reads one file, mostly compiled already, instead of resolving, reading and
// compiling about 700 CommonJS modules, which was most of the mock's start-up time.
// Runs after `tsc -b` (the warm-up uses dist/): node packages/mock/scripts/build-prism.mjs
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const bundleFile = fileURLToPath(new URL('../dist/prism.bundle.cjs', import.meta.url));
const helper = fileURLToPath(new URL('./deferred-module.cjs', import.meta.url));

/**
 * Modules Prism requires at the top of files that use them only in rare cases, loaded
 * from node_modules on first use and left out of the bundle, with the exports Prism
 * reads at load time: faker 6 (every locale) only serves the `x-faker` keyword, and
 * http-spec's Postman transformer (which loads faker 5) only reads Postman collections.
 */
const EXTERNAL = {
  '@faker-js/faker': ['default', 'faker'],
  '@stoplight/http-spec/postman/operation': [],
};

/**
 * Modules in the bundle that Prism requires at load time but calls only while handling
 * a request, and whose set-up is costly: lodash/fp (a second lodash, converted function
 * by function) for security checks, and node-fetch (with a URL parser and its Unicode
 * tables) for callbacks and the proxy. They run on first use.
 */
const ON_FIRST_USE = ['lodash/fp', 'node-fetch'];

const ENTRY = `
const http = require('@stoplight/prism-http');
module.exports = {
  http,
  core: require('@stoplight/prism-core'),
  mock: require('@stoplight/prism-http/dist/mocker').default,
  forward: require('@stoplight/prism-http/dist/forwarder').default,
};
`;

const deferModules = {
  name: 'defer-modules',
  setup(plugin) {
    const names = [...Object.keys(EXTERNAL), ...ON_FIRST_USE];
    const filter = new RegExp(`^(${names.map((name) => name.replace('/', '\\/')).join('|')})$`);
    plugin.onResolve({ filter }, async (args) => {
      if (args.pluginData === 'real') return undefined;
      if (EXTERNAL[args.path]) return { path: args.path, namespace: 'external' };
      const real = await plugin.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'real',
      });
      return { path: real.path, namespace: 'on-first-use' };
    });
    const standIn = (load, nested) => ({
      contents: `const { deferred, fromPrism } = require(${JSON.stringify(helper)});\nmodule.exports = deferred(${load}, ${JSON.stringify(nested)});`,
      resolveDir: packageDir,
      loader: 'js',
    });
    plugin.onLoad({ filter: /.*/, namespace: 'external' }, (args) =>
      standIn(`fromPrism(${JSON.stringify(args.path)})`, EXTERNAL[args.path]),
    );
    plugin.onLoad({ filter: /.*/, namespace: 'on-first-use' }, (args) =>
      standIn(`() => require(${JSON.stringify(args.path)})`, []),
    );
  },
};

/** jsonc-parser's `main` is a UMD file whose requires esbuild cannot follow; its `module` build is plain ESM. */
const jsoncParserModule = {
  name: 'jsonc-parser-module',
  setup(plugin) {
    plugin.onResolve({ filter: /^jsonc-parser$/ }, (args) => {
      const manifest = createRequire(args.importer).resolve('jsonc-parser/package.json');
      const { module } = JSON.parse(readFileSync(manifest, 'utf8'));
      return { path: path.join(path.dirname(manifest), module) };
    });
  },
};

// V8 rejects a cache written under other V8 flags, and NODE_OPTIONS may contain some (for
// example --max-old-space-size), so the warm-up runs in a child process without it.
if (process.argv[2] === '--write-cache') {
  await writeCodeCache();
  process.exit(0);
}

// A cache left from an older bundle must never meet the new one.
rmSync(`${bundleFile}.v8-cache`, { force: true });
await build({
  stdin: { contents: ENTRY, resolveDir: packageDir, sourcefile: 'prism-entry.cjs', loader: 'js' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  legalComments: 'external',
  outfile: bundleFile,
  plugins: [deferModules, jsoncParserModule],
  logLevel: 'warning',
});

const { NODE_OPTIONS: _, ...plainEnvironment } = process.env;
const warmUp = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--write-cache'], {
  env: plainEnvironment,
  stdio: 'inherit',
  timeout: 120_000,
});
if (warmUp.status !== 0) {
  throw new Error(
    `warm-up run for the code cache of ${bundleFile} failed (exit code ${warmUp.status}, output above). Fix that error and run the build again.`,
  );
}
const check = spawnSync(
  process.execPath,
  [
    '--input-type=module',
    '-e',
    'const { loadPrism, loadedPrismBundle } = await import(process.argv[1]); loadPrism(); process.exitCode = loadedPrismBundle()?.cacheUsed ? 0 : 1;',
    new URL('../dist/prism.js', import.meta.url).href,
  ],
  { env: plainEnvironment, encoding: 'utf8', timeout: 60_000 },
);
if (check.status !== 0) {
  throw new Error(
    `code cache of ${bundleFile} rejected by V8 (${check.stderr.trim() || 'written under other V8 flags'}). Run the build again.`,
  );
}

/**
 * Runs a mock on the test fixture with the requests `specgate mock` serves most (static,
 * validated, rejected, dynamic), so V8 has compiled the functions they call, and saves
 * the code cache of the bundle with those functions in it.
 */
async function writeCodeCache() {
  const { startMock } = await import('../dist/index.js');
  const { loadedPrismBundle, PRISM_CODE_CACHE } = await import('../dist/prism.js');
  const spec = fileURLToPath(new URL('../test/fixtures/pets.yaml', import.meta.url));
  const mock = await startMock({ apis: [{ name: 'pets', spec }], cache: false });
  const base = mock.urls.pets;
  const post = (body, headers = {}) =>
    fetch(`${base}/pets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'k', ...headers },
      body: JSON.stringify(body),
    });
  try {
    const requests = [
      () => fetch(`${base}/pets/1`),
      () => fetch(`${base}/pets/abc`),
      () => fetch(`${base}/pets/1`, { headers: { prefer: 'dynamic=true' } }),
      () => fetch(`${base}/pets?limit=2`),
      () => fetch(`${base}/nowhere`),
      () => post({ name: 'Rex', kind: { bark: 'loud' }, age: 3 }),
      () => post({ name: '', age: 'old' }),
      () => post({ name: 'Rex' }, { 'x-api-key': '' }),
    ];
    for (const request of requests) await (await request()).arrayBuffer();
  } finally {
    await mock.close();
  }
  const bundle = loadedPrismBundle();
  if (!bundle) throw new Error(`the warm-up did not load ${bundleFile}`);
  bundle.writeCache();
  console.error(`wrote ${path.relative(process.cwd(), PRISM_CODE_CACHE)}`);
}
