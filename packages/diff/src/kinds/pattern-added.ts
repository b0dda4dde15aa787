import type { ChangeKind } from './change-kind.js';

/** A pattern was added to a string. */
export const patternAdded: ChangeKind = {
  kind: 'pattern-added',
  levels: { request: 'warning', response: 'info' },
  summary: 'A pattern was added to a string.',
  example: {
    scope: 'schema',
    base: '{ type: string }',
    revision: "{ type: string, pattern: '^[a-z]+$' }",
  },
};
