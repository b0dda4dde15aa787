import type { ChangeKind } from './change-kind.js';

/** The pattern of a string changed; whether it narrows cannot be decided in general. */
export const patternChanged: ChangeKind = {
  kind: 'pattern-changed',
  levels: { request: 'warning', response: 'warning' },
  summary: 'The pattern of a string changed; whether it narrows cannot be decided in general.',
  example: {
    scope: 'schema',
    base: "{ type: string, pattern: '^[a-z]+$' }",
    revision: "{ type: string, pattern: '^[a-z0-9]+$' }",
  },
};
