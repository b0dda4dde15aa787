import type { ChangeKind } from './change-kind.js';

/** A oneOf alternative was removed. */
export const oneOfMemberRemoved: ChangeKind = {
  kind: 'one-of-member-removed',
  levels: { request: 'error', response: 'info' },
  summary: 'A oneOf alternative was removed.',
  example: {
    scope: 'schema',
    base: '{ oneOf: [{ type: string }, { type: integer }, { type: boolean }] }',
    revision: '{ oneOf: [{ type: string }, { type: integer }] }',
  },
};
