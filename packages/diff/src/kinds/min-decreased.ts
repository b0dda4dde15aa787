import type { ChangeKind } from './change-kind.js';

/** The minimum was lowered or became inclusive. */
export const minDecreased: ChangeKind = {
  kind: 'min-decreased',
  levels: { request: 'info', response: 'error' },
  summary: 'The minimum was lowered or became inclusive.',
  example: {
    scope: 'schema',
    base: '{ type: integer, minimum: 1 }',
    revision: '{ type: integer, minimum: 0 }',
  },
};
