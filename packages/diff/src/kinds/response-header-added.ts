import type { ChangeKind } from './change-kind.js';

/** A response header was added. */
export const responseHeaderAdded: ChangeKind = {
  kind: 'response-header-added',
  levels: 'info',
  reversedLevel: 'warning',
  summary: 'A response header was added.',
  example: {
    scope: 'operation',
    base: "{ responses: { '200': { description: ok } } }",
    revision:
      "{ responses: { '200': { description: ok, headers: { X-Rate-Limit: { schema: { type: integer } } } } } }",
  },
};
