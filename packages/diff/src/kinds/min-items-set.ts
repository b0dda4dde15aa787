import type { ChangeKind } from './change-kind.js';

/** A minimum number of array items was added. */
export const minItemsSet: ChangeKind = {
  kind: 'min-items-set',
  levels: { request: 'warning', response: 'info' },
  summary: 'A minimum number of array items was added.',
  example: {
    scope: 'schema',
    base: '{ type: array, items: { type: string } }',
    revision: '{ type: array, items: { type: string }, minItems: 1 }',
  },
};
