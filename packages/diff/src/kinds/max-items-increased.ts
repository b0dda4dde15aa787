import type { ChangeKind } from './change-kind.js';

/** The maximum number of array items was raised. */
export const maxItemsIncreased: ChangeKind = {
  kind: 'max-items-increased',
  levels: { request: 'info', response: 'error' },
  summary: 'The maximum number of array items was raised.',
  example: {
    scope: 'schema',
    base: '{ type: array, items: { type: string }, maxItems: 5 }',
    revision: '{ type: array, items: { type: string }, maxItems: 10 }',
  },
};
