import type { ChangeKind } from './change-kind.js';

/** An anyOf alternative was removed. */
export const anyOfMemberRemoved: ChangeKind = {
  kind: 'any-of-member-removed',
  levels: { request: 'error', response: 'info' },
  summary: 'An anyOf alternative was removed.',
  example: {
    scope: 'schema',
    base: '{ anyOf: [{ type: string }, { type: integer }, { type: boolean }] }',
    revision: '{ anyOf: [{ type: string }, { type: integer }] }',
  },
};
