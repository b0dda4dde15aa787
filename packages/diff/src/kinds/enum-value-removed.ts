import type { ChangeKind } from './change-kind.js';

/** An enum lost a value. */
export const enumValueRemoved: ChangeKind = {
  kind: 'enum-value-removed',
  levels: { request: 'error', response: 'info' },
  summary: 'An enum lost a value.',
  example: {
    scope: 'schema',
    base: '{ type: string, enum: [open, closed] }',
    revision: '{ type: string, enum: [open] }',
  },
};
