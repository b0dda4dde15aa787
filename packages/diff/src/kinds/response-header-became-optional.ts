import type { ChangeKind } from './change-kind.js';

/** A response header is no longer always sent. */
export const responseHeaderBecameOptional: ChangeKind = {
  kind: 'response-header-became-optional',
  levels: 'error',
  reversedLevel: 'info',
  summary: 'A response header is no longer always sent.',
  example: {
    scope: 'operation',
    base: "{ responses: { '200': { description: ok, headers: { X-Rate-Limit: { required: true, schema: { type: integer } } } } } }",
    revision:
      "{ responses: { '200': { description: ok, headers: { X-Rate-Limit: { schema: { type: integer } } } } } }",
  },
};
