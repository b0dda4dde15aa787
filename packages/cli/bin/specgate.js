#!/usr/bin/env node
// Runs the bundle that `pnpm build` writes to bundle/: a few files load much faster than the
// few hundred modules of dist/. When tsc has rebuilt a package since the bundle was written
// (`tsc -b packages/cli` alone), or there is no bundle, the compiled modules in dist/ run
// instead, so the CLI never runs stale code.
import { readdirSync, statSync } from 'node:fs';

const bundle = new URL('../bundle/bin.js', import.meta.url);
const packages = new URL('../../', import.meta.url);

function bundleIsCurrent() {
  const written = statSync(bundle, { throwIfNoEntry: false })?.mtimeMs;
  if (written === undefined) return false;
  for (const name of readdirSync(packages)) {
    const info = statSync(new URL(`${name}/tsconfig.tsbuildinfo`, packages), {
      throwIfNoEntry: false,
    });
    if (info !== undefined && info.mtimeMs > written) return false;
  }
  return true;
}

// TODO: on small specs start-up dominates, and `diff` on a 230 KB pair is 8.8x faster than
// openapi-diff where the target is 10x. Node 20 has no compile cache for ES modules.
await import(bundleIsCurrent() ? '../bundle/bin.js' : '../dist/bin.js');
