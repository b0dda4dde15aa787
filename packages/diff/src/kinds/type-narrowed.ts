import type { ChangeKind } from './change-kind.js';

/** The schema accepts fewer JSON types than before, e.g. number became integer. */
export const typeNarrowed: ChangeKind = {
  kind: 'type-narrowed',
  levels: { request: 'error', response: 'info' },
  summary: 'The schema accepts fewer JSON types than before, e.g. number became integer.',
  example: {
    scope: 'schema',
    base: '{ type: number }',
    revision: '{ type: integer }',
  },
};
