import type { ChangeKind } from './change-kind.js';

/** The maximum number of array items was removed. */
export const maxItemsRemoved: ChangeKind = {
  kind: 'max-items-removed',
  levels: { request: 'info', response: 'warning' },
  summary: 'The maximum number of array items was removed.',
  example: {
    scope: 'schema',
    base: '{ type: array, items: { type: string }, maxItems: 10 }',
    revision: '{ type: array, items: { type: string } }',
  },
};
