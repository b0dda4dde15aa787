import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadSpec } from '@specgate/core';
import { diffSpecs, listChangeIds } from '@specgate/diff';
import { afterAll, describe, expect, it } from 'vitest';

/** One expected change: its id, level, operation and the pointer of its location. */
interface ExpectedChange {
  id: string;
  level: string;
  method: string | null;
  path: string | null;
  pointer: string | null;
}

const CORPUS = fileURLToPath(new URL('.', import.meta.url));
/** The day sunset dates are compared with, so lifecycle cases do not age. */
const TODAY = '2026-12-04';

function listCases(): string[] {
  return readdirSync(CORPUS)
    .filter((area) => statSync(path.join(CORPUS, area)).isDirectory())
    .flatMap((area) =>
      readdirSync(path.join(CORPUS, area))
        .filter((name) => statSync(path.join(CORPUS, area, name)).isDirectory())
        .map((name) => `${area}/${name}`),
    )
    .sort();
}

function sideFile(directory: string, stem: 'base' | 'revision'): string {
  const names = readdirSync(directory).filter((name) =>
    /^(base|revision)\.(ya?ml|json)$/.test(name),
  );
  const found = names.find((name) => name.startsWith(`${stem}.`));
  if (!found) throw new Error(`${directory}: missing ${stem}.yaml or ${stem}.json`);
  return found;
}

async function diffCase(caseName: string): Promise<ExpectedChange[]> {
  const directory = path.join(CORPUS, caseName);
  const base = await loadSpec(sideFile(directory, 'base'), { cwd: directory });
  const revision = await loadSpec(sideFile(directory, 'revision'), { cwd: directory });
  return diffSpecs(base, revision, { today: TODAY }).changes.map((change) => ({
    id: change.id,
    level: change.level,
    method: change.operation?.method ?? null,
    path: change.operation?.path ?? null,
    pointer: change.location?.pointer ?? null,
  }));
}

function readExpected(caseName: string): ExpectedChange[] {
  const text = readFileSync(path.join(CORPUS, caseName, 'expected.json'), 'utf8');
  return JSON.parse(text) as ExpectedChange[];
}

const cases = listCases();
const knownIds = new Map(listChangeIds().map(({ id, level }) => [id, level]));
const coveredIds = new Set<string>();

describe('diff corpus', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(100);
  });

  it.each(cases)('%s', async (caseName) => {
    const expected = readExpected(caseName);
    for (const change of expected) coveredIds.add(change.id);
    expect(await diffCase(caseName)).toEqual(expected);
  });

  it('names only known change ids at their default levels', () => {
    for (const caseName of cases) {
      for (const change of readExpected(caseName)) {
        expect(knownIds.has(change.id), `${caseName}: ${change.id}`).toBe(true);
        expect(change.level, `${caseName}: ${change.id}`).toBe(knownIds.get(change.id));
      }
    }
  });

  afterAll(() => {
    const missing = [...knownIds.keys()].filter((id) => !coveredIds.has(id));
    console.log(
      `diff corpus: ${cases.length} cases cover ${knownIds.size - missing.length} of ${knownIds.size} change ids` +
        (missing.length > 0 ? `; without a case: ${missing.join(', ')}` : ''),
    );
  });
});
