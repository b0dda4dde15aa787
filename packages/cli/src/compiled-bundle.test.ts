import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { beforeEach, describe, expect, test } from 'vitest';

const LOADER = fileURLToPath(new URL('../bin/compiled-bundle.cjs', import.meta.url));
const BUNDLE_WRITTEN = new Date('2026-01-02T00:00:00Z');

interface Loader {
  bundleIsCurrent(): boolean;
}

let packages: string;

/** Loads a fresh copy of the loader from `packages/cli/bin` inside a scratch repository. */
function loaderCopy(): Loader {
  const bin = path.join(packages, 'cli/bin');
  mkdirSync(bin, { recursive: true });
  const copy = path.join(bin, `compiled-bundle-${Math.random().toString(36).slice(2)}.cjs`);
  copyFileSync(LOADER, copy);
  return createRequire(import.meta.url)(copy) as Loader;
}

/** Writes `file` with the given modification time. */
function writeAt(file: string, modified: Date): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '');
  utimesSync(file, modified, modified);
}

beforeEach(() => {
  packages = path.join(mkdtempSync(path.join(tmpdir(), 'specgate-loader-')), 'packages');
  writeAt(path.join(packages, 'cli/bundle/specgate.cjs'), BUNDLE_WRITTEN);
  writeAt(path.join(packages, 'cli/bundle/redocly.cjs'), BUNDLE_WRITTEN);
  writeAt(path.join(packages, '../node_modules/.modules.yaml'), new Date('2026-01-01T00:00:00Z'));
  writeAt(path.join(packages, 'core/tsconfig.tsbuildinfo'), new Date('2026-01-01T00:00:00Z'));
});

describe('bundleIsCurrent', () => {
  test('bundle newer than every build', () => {
    expect(loaderCopy().bundleIsCurrent()).toBe(true);
  });

  test('package compiled after the bundle', () => {
    writeAt(path.join(packages, 'core/tsconfig.tsbuildinfo'), new Date('2026-01-03T00:00:00Z'));
    expect(loaderCopy().bundleIsCurrent()).toBe(false);
  });

  test('no bundle', () => {
    rmSync(path.join(packages, 'cli/bundle'), { recursive: true });
    expect(loaderCopy().bundleIsCurrent()).toBe(false);
  });

  test('install after the bundle', () => {
    writeAt(path.join(packages, '../node_modules/.modules.yaml'), new Date('2026-01-03T00:00:00Z'));
    expect(loaderCopy().bundleIsCurrent()).toBe(false);
  });

  test('no Redocly bundle', () => {
    rmSync(path.join(packages, 'cli/bundle/redocly.cjs'));
    expect(loaderCopy().bundleIsCurrent()).toBe(false);
  });

  test('plain file among the packages', () => {
    writeAt(path.join(packages, '.DS_Store'), new Date('2026-01-01T00:00:00Z'));
    expect(loaderCopy().bundleIsCurrent()).toBe(true);
  });
});

describe('cacheIsUsed', () => {
  /** Runs `code` in a fresh Node process with `loader` bound to a copy of the loader. */
  function runNode(code: string, options: { flags?: string[]; writeCache?: boolean } = {}) {
    const copy = path.join(packages, 'cli/bin/compiled-bundle-run.cjs');
    mkdirSync(path.dirname(copy), { recursive: true });
    copyFileSync(LOADER, copy);
    const run = spawnSync(
      process.execPath,
      [...(options.flags ?? []), '-e', `const loader = require(${JSON.stringify(copy)}); ${code}`],
      {
        encoding: 'utf8',
        env: { ...process.env, SPECGATE_WRITE_CODE_CACHE: options.writeCache ? '1' : '' },
      },
    );
    return run.stdout.trim() || run.stderr.trim();
  }

  beforeEach(() => {
    writeFileSync(
      path.join(packages, 'cli/bundle/specgate.cjs'),
      'module.exports = { answer: [1, 2, 3].map((n) => n * 2).join(",") };\n',
    );
  });

  test('no cache written yet', () => {
    expect(runNode("console.log(loader.cacheIsUsed('specgate.cjs'))")).toBe('false');
  });

  test('cache written by a run under the same flags', () => {
    expect(
      runNode("console.log(loader.loadBundle('specgate.cjs').answer)", { writeCache: true }),
    ).toBe('2,4,6');
    expect(runNode("console.log(loader.cacheIsUsed('specgate.cjs'))")).toBe('true');
    expect(runNode("console.log(loader.loadBundle('specgate.cjs').answer)")).toBe('2,4,6');
  });

  test('cache written by a run with another V8 flag', () => {
    runNode("loader.loadBundle('specgate.cjs')", { writeCache: true, flags: ['--no-turbofan'] });
    expect(runNode("console.log(loader.cacheIsUsed('specgate.cjs'))")).toBe('false');
    expect(runNode("console.log(loader.loadBundle('specgate.cjs').answer)")).toBe('2,4,6');
  });
});
