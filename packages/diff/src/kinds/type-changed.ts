import type { ChangeKind } from './change-kind.js';

/** The schema accepts different JSON types, neither side covering the other. */
export const typeChanged: ChangeKind = {
  kind: 'type-changed',
  levels: { request: 'error', response: 'error' },
  summary: 'The schema accepts different JSON types, neither side covering the other.',
  example: {
    scope: 'schema',
    base: '{ type: string }',
    revision: '{ type: integer }',
  },
};
