import type { ChangeKind } from './change-kind.js';

/** Array items must now be unique. */
export const uniqueItemsSet: ChangeKind = {
  kind: 'unique-items-set',
  levels: { request: 'error', response: 'info' },
  summary: 'Array items must now be unique.',
  example: {
    scope: 'schema',
    base: '{ type: array, items: { type: string } }',
    revision: '{ type: array, items: { type: string }, uniqueItems: true }',
  },
};
