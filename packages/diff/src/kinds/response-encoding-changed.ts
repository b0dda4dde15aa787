import type { ChangeKind } from './change-kind.js';

/** The encoding of a multipart response part changed. */
export const responseEncodingChanged: ChangeKind = {
  kind: 'response-encoding-changed',
  levels: 'warning',
  reversedLevel: 'error',
  summary:
    'The encoding of a multipart response part changed, so clients that parse parts by their declared type may fail.',
  example: {
    scope: 'operation',
    base: "{ responses: { '200': { description: ok, content: { multipart/mixed: { schema: { type: object, properties: { meta: { type: object } } }, encoding: { meta: { contentType: 'application/json' } } } } } } }",
    revision:
      "{ responses: { '200': { description: ok, content: { multipart/mixed: { schema: { type: object, properties: { meta: { type: object } } }, encoding: { meta: { contentType: 'application/xml' } } } } } } }",
  },
};
