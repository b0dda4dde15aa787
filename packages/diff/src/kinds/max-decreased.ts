import type { ChangeKind } from './change-kind.js';

/** The maximum was lowered or became exclusive. */
export const maxDecreased: ChangeKind = {
  kind: 'max-decreased',
  levels: { request: 'error', response: 'info' },
  summary: 'The maximum was lowered or became exclusive.',
  example: {
    scope: 'schema',
    base: '{ type: integer, maximum: 100 }',
    revision: '{ type: integer, maximum: 50 }',
  },
};
