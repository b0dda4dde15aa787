import type { ChangeKind } from './change-kind.js';

/** An optional response header was removed. */
export const responseOptionalHeaderRemoved: ChangeKind = {
  kind: 'response-optional-header-removed',
  levels: 'warning',
  reversedLevel: 'info',
  summary: 'An optional response header was removed.',
  example: {
    scope: 'operation',
    base: "{ responses: { '200': { description: ok, headers: { X-Rate-Limit: { schema: { type: integer } } } } } }",
    revision: "{ responses: { '200': { description: ok } } }",
  },
};
