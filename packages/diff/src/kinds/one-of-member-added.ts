import type { ChangeKind } from './change-kind.js';

/** A oneOf alternative was added, matched by content, not by position. */
export const oneOfMemberAdded: ChangeKind = {
  kind: 'one-of-member-added',
  levels: { request: 'info', response: 'error' },
  summary: 'A oneOf alternative was added, matched by content, not by position.',
  example: {
    scope: 'schema',
    base: '{ oneOf: [{ type: string }, { type: integer }] }',
    revision: '{ oneOf: [{ type: string }, { type: integer }, { type: boolean }] }',
  },
};
