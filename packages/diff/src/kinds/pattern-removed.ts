import type { ChangeKind } from './change-kind.js';

/** The pattern of a string was removed. */
export const patternRemoved: ChangeKind = {
  kind: 'pattern-removed',
  levels: { request: 'info', response: 'warning' },
  summary: 'The pattern of a string was removed.',
  example: {
    scope: 'schema',
    base: "{ type: string, pattern: '^[a-z]+$' }",
    revision: '{ type: string }',
  },
};
