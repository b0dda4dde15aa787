import type { ChangeKind } from './change-kind.js';

/** The enum restriction was removed, so any value of the type is allowed. */
export const enumRemoved: ChangeKind = {
  kind: 'enum-removed',
  levels: { request: 'info', response: 'warning' },
  summary: 'The enum restriction was removed, so any value of the type is allowed.',
  example: {
    scope: 'schema',
    base: '{ type: string, enum: [open, closed] }',
    revision: '{ type: string }',
  },
};
