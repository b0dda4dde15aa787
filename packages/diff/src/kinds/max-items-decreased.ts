import type { ChangeKind } from './change-kind.js';

/** The maximum number of array items was lowered. */
export const maxItemsDecreased: ChangeKind = {
  kind: 'max-items-decreased',
  levels: { request: 'error', response: 'info' },
  summary: 'The maximum number of array items was lowered.',
  example: {
    scope: 'schema',
    base: '{ type: array, items: { type: string }, maxItems: 10 }',
    revision: '{ type: array, items: { type: string }, maxItems: 5 }',
  },
};
