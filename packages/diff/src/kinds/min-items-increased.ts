import type { ChangeKind } from './change-kind.js';

/** The minimum number of array items was raised. */
export const minItemsIncreased: ChangeKind = {
  kind: 'min-items-increased',
  levels: { request: 'error', response: 'info' },
  summary: 'The minimum number of array items was raised.',
  example: {
    scope: 'schema',
    base: '{ type: array, items: { type: string }, minItems: 1 }',
    revision: '{ type: array, items: { type: string }, minItems: 2 }',
  },
};
