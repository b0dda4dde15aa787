import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadSpec } from '@specgate/core';
import { diffSpecs } from '@specgate/diff';
import { describe, expect, it } from 'vitest';

/** A change picked from a real version pair and checked by hand against both specs. */
interface Sample {
  pair: string;
  id: string;
  level: string;
  method: string;
  path: string;
  pointer: string;
  verdict: 'correct' | 'wrong';
  reason: string;
  /** Set on a wrong sample the engine no longer reports. */
  fixed?: boolean;
}

const REPO_ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const PAIRS = path.resolve(REPO_ROOT, '../shared/corpus/pairs');
const GITHUB_PAIR = 'github-22.0.0_to_23.0.2';

const samples = JSON.parse(
  readFileSync(fileURLToPath(new URL('expected.json', import.meta.url)), 'utf8'),
) as Sample[];

/** Returns the base and revision files of a pair: a corpus folder, or the two @octokit/openapi releases. */
function pairFiles(pair: string): [string, string] {
  if (pair === GITHUB_PAIR) {
    const spec = (major: string) =>
      path.join(
        REPO_ROOT,
        'node_modules',
        `octokit-openapi-${major}`,
        'generated/api.github.com.json',
      );
    return [spec('22'), spec('23')];
  }
  const directory = path.join(PAIRS, pair);
  const names = readdirSync(directory);
  const side = (stem: string) =>
    path.join(directory, names.find((name) => name.startsWith(`${stem}.`)) as string);
  return [side('old'), side('new')];
}

const diffs = new Map<string, ReturnType<typeof diffPairOnce>>();

/** Diffs a pair once per run, since both tests of a pair read the same changes. */
function diffPair(pair: string) {
  if (!diffs.has(pair)) diffs.set(pair, diffPairOnce(pair));
  return diffs.get(pair) as ReturnType<typeof diffPairOnce>;
}

async function diffPairOnce(pair: string) {
  const [baseFile, revisionFile] = pairFiles(pair);
  const base = await loadSpec(baseFile, { cwd: path.dirname(baseFile) });
  const revision = await loadSpec(revisionFile, { cwd: path.dirname(revisionFile) });
  return diffSpecs(base, revision, { today: '2026-12-04' }).changes.map((change) => ({
    id: change.id,
    level: change.level,
    method: change.operation?.method ?? null,
    path: change.operation?.path ?? null,
    pointer: change.location?.pointer ?? null,
  }));
}

describe('hand-checked changes of real version pairs', () => {
  it('has at least 50 samples, each with a verdict and a reason', () => {
    expect(samples.length).toBeGreaterThanOrEqual(50);
    for (const sample of samples) {
      expect(['correct', 'wrong'], sample.id).toContain(sample.verdict);
      expect(sample.reason.length, sample.id).toBeGreaterThan(20);
    }
  });

  const pairs = [...new Set(samples.map((sample) => sample.pair))].sort();

  it.each(pairs)('%s keeps fixed false positives away', async (pair) => {
    const changes = await diffPair(pair);
    const fixed = samples.filter((sample) => sample.pair === pair && sample.fixed === true);
    for (const sample of fixed) {
      const { id, level, method, path: operationPath, pointer } = sample;
      expect(changes, `${id} ${method} ${operationPath}`).not.toContainEqual({
        id,
        level,
        method,
        path: operationPath,
        pointer,
      });
    }
  });

  it.each(pairs)('%s reports each correct sample', async (pair) => {
    expect(existsSync(pairFiles(pair)[0])).toBe(true);
    const changes = await diffPair(pair);
    const correct = samples.filter(
      (sample) => sample.pair === pair && sample.verdict === 'correct',
    );
    for (const sample of correct) {
      const { id, level, method, path: operationPath, pointer } = sample;
      expect(changes, `${id} ${method} ${operationPath}`).toContainEqual({
        id,
        level,
        method,
        path: operationPath,
        pointer,
      });
    }
  });
});
