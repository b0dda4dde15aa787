import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { optimizeOnlyLongRuns } from './v8-tuning.js';

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

/**
 * Returns the flags set at the start of a run on `files`, and those set at checkpoints
 * reached at the given times, in ms after the start.
 */
function flagsFor(files: string[], checkpoints: number[] = []): string[][] {
  const flags: string[] = [];
  let clock = 1000;
  const checkpoint = optimizeOnlyLongRuns(
    folder,
    files,
    (flag) => flags.push(flag),
    () => clock,
  );
  const steps = [[...flags]];
  for (const time of checkpoints) {
    const before = flags.length;
    clock = 1000 + time;
    checkpoint();
    steps.push(flags.slice(before));
  }
  return steps;
}

describe('optimizeOnlyLongRuns', () => {
  test('small files, short run', () => {
    expect(flagsFor(['small-a.yaml', 'small-b.yaml'], [20, 60, 99])).toEqual([
      ['--no-turbofan'],
      [],
      [],
      [],
    ]);
  });

  test('small files, long run', () => {
    expect(flagsFor(['small-a.yaml', 'small-b.yaml'], [20, 100, 250, 900])).toEqual([
      ['--no-turbofan'],
      [],
      ['--turbofan'],
      [],
      [],
    ]);
  });

  test('1 MB or more in all', () => {
    expect(flagsFor(['small-a.yaml', 'large.yaml'], [20, 500])).toEqual([[], [], []]);
  });

  test('missing file, folder or URL', () => {
    expect(flagsFor(['small-a.yaml', 'missing.yaml'], [500])).toEqual([[], []]);
    expect(flagsFor(['small-a.yaml', 'folder.yaml'], [500])).toEqual([[], []]);
    expect(flagsFor(['https://example.com/openapi.yaml', 'small-a.yaml'], [500])).toEqual([[], []]);
  });

  test('absolute and relative paths', () => {
    expect(flagsFor([path.join(folder, 'small-a.yaml'), 'small-b.yaml'])).toEqual([
      ['--no-turbofan'],
    ]);
  });
});
