import { describe, expect, test } from 'vitest';

import { specFromText } from '../../../../test/support/in-memory-spec.js';
import { PROPERTY_KINDS } from '../change-kinds.js';
import { diffSpecs } from '../diff-specs.js';
import { CHANGE_KINDS, exampleSpecs, type ChangeKind } from './index.js';

/** The ids and levels a kind's example must produce. */
function expectedIds(kind: ChangeKind): [string, string][] {
  if (typeof kind.levels === 'string') return [[kind.kind, kind.levels]];
  const subject = (direction: 'request' | 'response') =>
    PROPERTY_KINDS.has(kind.kind) ? direction : `${direction}-body`;
  return [
    [`${subject('request')}-${kind.kind}`, kind.levels.request],
    [`${subject('response')}-${kind.kind}`, kind.levels.response],
  ];
}

describe('change kind examples', () => {
  test.each(CHANGE_KINDS.map((kind) => [kind.kind, kind] as const))(
    '%s example',
    async (_, kind) => {
      const texts = exampleSpecs(kind.example);
      const result = diffSpecs(
        await specFromText({ 'openapi.yaml': texts.base }, 'base'),
        await specFromText({ 'openapi.yaml': texts.revision }, 'revision'),
        { today: '2026-12-04' },
      );
      const found = result.changes.map((change) => [change.id, change.level]);
      for (const expected of expectedIds(kind)) expect(found).toContainEqual(expected);
    },
  );

  test('kind ids are unique kebab-case', () => {
    const ids = CHANGE_KINDS.map((kind) => kind.kind);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
