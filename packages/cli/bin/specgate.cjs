#!/usr/bin/env node
'use strict';
// Runs bundle/specgate.cjs, which `pnpm build` writes, with V8's code cache (see
// compiled-bundle.cjs). When tsc has rebuilt a package since the bundle was written, or there
// is no bundle, the compiled ES modules in dist/ run instead.
const { bundleIsCurrent, loadBundle } = require('./compiled-bundle.cjs');

// TODO: on small specs start-up dominates: `diff` on a 230 KB pair is 9.6 to 10.8x faster than
// openapi-diff where the target is 10x, and half of its 150 ms is Node's own start.

if (bundleIsCurrent()) {
  loadBundle('specgate.cjs');
} else {
  import('../dist/bin.js').catch((error) => {
    process.stderr.write(
      `specgate: error: the CLI is not built (${error.message}). Run pnpm install and pnpm build.\n`,
    );
    process.exitCode = 2;
  });
}
