import type { ChangeKind } from './change-kind.js';

/** An anyOf alternative was added. */
export const anyOfMemberAdded: ChangeKind = {
  kind: 'any-of-member-added',
  levels: { request: 'info', response: 'error' },
  summary: 'An anyOf alternative was added.',
  example: {
    scope: 'schema',
    base: '{ anyOf: [{ type: string }, { type: integer }] }',
    revision: '{ anyOf: [{ type: string }, { type: integer }, { type: boolean }] }',
  },
};
