import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { skipOptimizerForSmallInput } from './v8-tuning.js';

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'specgate-v8-tuning-'));
  writeFileSync(path.join(folder, 'small-a.yaml'), 'a'.repeat(400_000));
  writeFileSync(path.join(folder, 'small-b.yaml'), 'b'.repeat(400_000));
  writeFileSync(path.join(folder, 'large.yaml'), 'c'.repeat(700_000));
  mkdirSync(path.join(folder, 'folder.yaml'));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** Returns the flags the tuning sets for `files`, relative to the scratch folder. */
function flagsFor(...files: string[]): string[] {
  const flags: string[] = [];
  skipOptimizerForSmallInput(folder, files, (flag) => flags.push(flag));
  return flags;
}

describe('skipOptimizerForSmallInput', () => {
  test('under 1 MB in all', () => {
    expect(flagsFor('small-a.yaml', 'small-b.yaml')).toEqual(['--no-turbofan']);
  });

  test('1 MB or more in all', () => {
    expect(flagsFor('small-a.yaml', 'large.yaml')).toEqual([]);
  });

  test('missing file, folder or URL', () => {
    expect(flagsFor('small-a.yaml', 'missing.yaml')).toEqual([]);
    expect(flagsFor('small-a.yaml', 'folder.yaml')).toEqual([]);
    expect(flagsFor('https://example.com/openapi.yaml', 'small-a.yaml')).toEqual([]);
  });

  test('absolute and relative paths', () => {
    expect(flagsFor(path.join(folder, 'small-a.yaml'), 'small-b.yaml')).toEqual(['--no-turbofan']);
  });
});
