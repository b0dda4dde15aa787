#!/usr/bin/env node
'use strict';
// Runs bundle/specgate.cjs, which `pnpm build` writes, with V8's code cache (see
// compiled-bundle.cjs). When tsc has rebuilt a package since the bundle was written, or there
// is no bundle, the compiled ES modules in dist/ run instead.
const { bundleIsCurrent, loadBundle } = require('./compiled-bundle.cjs');

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
