import type { ChangeKind } from './change-kind.js';

/** A response header is now always sent. */
export const responseHeaderBecameRequired: ChangeKind = {
  kind: 'response-header-became-required',
  levels: 'info',
  reversedLevel: 'error',
  summary: 'A response header is now always sent.',
  example: {
    scope: 'operation',
    base: "{ responses: { '200': { description: ok, headers: { X-Rate-Limit: { schema: { type: integer } } } } } }",
    revision:
      "{ responses: { '200': { description: ok, headers: { X-Rate-Limit: { required: true, schema: { type: integer } } } } } }",
  },
};
