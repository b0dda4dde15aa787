import type { ChangeKind } from './change-kind.js';

/** A maximum number of array items was added. */
export const maxItemsSet: ChangeKind = {
  kind: 'max-items-set',
  levels: { request: 'warning', response: 'info' },
  summary: 'A maximum number of array items was added.',
  example: {
    scope: 'schema',
    base: '{ type: array, items: { type: string } }',
    revision: '{ type: array, items: { type: string }, maxItems: 10 }',
  },
};
