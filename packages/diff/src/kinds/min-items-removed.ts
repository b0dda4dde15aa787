import type { ChangeKind } from './change-kind.js';

/** The minimum number of array items was removed. */
export const minItemsRemoved: ChangeKind = {
  kind: 'min-items-removed',
  levels: { request: 'info', response: 'warning' },
  summary: 'The minimum number of array items was removed.',
  example: {
    scope: 'schema',
    base: '{ type: array, items: { type: string }, minItems: 1 }',
    revision: '{ type: array, items: { type: string } }',
  },
};
