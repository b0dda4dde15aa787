import type { ChangeKind } from './change-kind.js';

/** The schema accepts more JSON types than before, e.g. integer became number. */
export const typeWidened: ChangeKind = {
  kind: 'type-widened',
  levels: { request: 'info', response: 'error' },
  summary: 'The schema accepts more JSON types than before, e.g. integer became number.',
  example: {
    scope: 'schema',
    base: '{ type: integer }',
    revision: '{ type: number }',
  },
};
