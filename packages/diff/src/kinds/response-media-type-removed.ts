import type { ChangeKind } from './change-kind.js';

/** A response no longer comes in a media type. */
export const responseMediaTypeRemoved: ChangeKind = {
  kind: 'response-media-type-removed',
  levels: 'error',
  reversedLevel: 'error',
  summary: 'A response no longer comes in a media type.',
  example: {
    scope: 'operation',
    base: "{ responses: { '200': { description: ok, content: { application/json: { schema: { type: object } }, application/xml: { schema: { type: object } } } } } }",
    revision:
      "{ responses: { '200': { description: ok, content: { application/json: { schema: { type: object } } } } } }",
  },
};
