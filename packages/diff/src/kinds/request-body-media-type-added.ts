import type { ChangeKind } from './change-kind.js';

/** The request body accepts another media type. */
export const requestBodyMediaTypeAdded: ChangeKind = {
  kind: 'request-body-media-type-added',
  levels: 'info',
  reversedLevel: 'warning',
  summary: 'The request body accepts another media type.',
  example: {
    scope: 'operation',
    base: "{ requestBody: { content: { application/json: { schema: { type: object } } } }, responses: { '200': { description: ok } } }",
    revision:
      "{ requestBody: { content: { application/json: { schema: { type: object } }, application/xml: { schema: { type: object } } } }, responses: { '200': { description: ok } } }",
  },
};
