import type { ChangeKind } from './change-kind.js';

/** An enum gained a value; clients that switch over the values may not expect it. */
export const enumValueAdded: ChangeKind = {
  kind: 'enum-value-added',
  levels: { request: 'info', response: 'warning' },
  summary: 'An enum gained a value; clients that switch over the values may not expect it.',
  example: {
    scope: 'schema',
    base: '{ type: string, enum: [open, closed] }',
    revision: '{ type: string, enum: [open, closed, archived] }',
  },
};
