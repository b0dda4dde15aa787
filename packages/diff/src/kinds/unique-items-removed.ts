import type { ChangeKind } from './change-kind.js';

/** Array items no longer need to be unique. */
export const uniqueItemsRemoved: ChangeKind = {
  kind: 'unique-items-removed',
  levels: { request: 'info', response: 'warning' },
  summary: 'Array items no longer need to be unique.',
  example: {
    scope: 'schema',
    base: '{ type: array, items: { type: string }, uniqueItems: true }',
    revision: '{ type: array, items: { type: string } }',
  },
};
