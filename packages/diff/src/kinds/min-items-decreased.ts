import type { ChangeKind } from './change-kind.js';

/** The minimum number of array items was lowered. */
export const minItemsDecreased: ChangeKind = {
  kind: 'min-items-decreased',
  levels: { request: 'info', response: 'error' },
  summary: 'The minimum number of array items was lowered.',
  example: {
    scope: 'schema',
    base: '{ type: array, items: { type: string }, minItems: 2 }',
    revision: '{ type: array, items: { type: string }, minItems: 1 }',
  },
};
