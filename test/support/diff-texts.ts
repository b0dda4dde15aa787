import { diffSpecs } from '@specgate/diff';

import { specFromText } from './in-memory-spec.js';

/** One change as the engine's tests compare it: id, level, operation and location pointer. */
export interface ChangeSummary {
  id: string;
  level: string;
  operation: string | null;
  pointer: string | undefined;
}

/** Diffs two single-file spec texts on a fixed day and summarises each change. */
export async function diffTexts(base: string, revision: string): Promise<ChangeSummary[]> {
  const result = diffSpecs(
    await specFromText({ 'openapi.yaml': base }, 'base'),
    await specFromText({ 'openapi.yaml': revision }, 'revision'),
    { today: '2026-12-04' },
  );
  return result.changes.map((change) => ({
    id: change.id,
    level: change.level,
    operation: change.operation ? `${change.operation.method} ${change.operation.path}` : null,
    pointer: change.location?.pointer,
  }));
}
