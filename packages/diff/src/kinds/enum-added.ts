import type { ChangeKind } from './change-kind.js';

/** The values are now restricted to an enum (or a const). */
export const enumAdded: ChangeKind = {
  kind: 'enum-added',
  levels: { request: 'error', response: 'info' },
  summary: 'The values are now restricted to an enum (or a const).',
  example: {
    scope: 'schema',
    base: '{ type: string }',
    revision: '{ type: string, enum: [open, closed] }',
  },
};
