import type { ChangeKind } from './change-kind.js';

/** The minimum was raised or became exclusive. */
export const minIncreased: ChangeKind = {
  kind: 'min-increased',
  levels: { request: 'error', response: 'info' },
  summary: 'The minimum was raised or became exclusive.',
  example: {
    scope: 'schema',
    base: '{ type: integer, minimum: 0 }',
    revision: '{ type: integer, minimum: 1 }',
  },
};
