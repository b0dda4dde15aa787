import type { ChangeKind } from './change-kind.js';

/** The request body no longer accepts a media type. */
export const requestBodyMediaTypeRemoved: ChangeKind = {
  kind: 'request-body-media-type-removed',
  levels: 'error',
  reversedLevel: 'info',
  summary: 'The request body no longer accepts a media type.',
  example: {
    scope: 'operation',
    base: "{ requestBody: { content: { application/json: { schema: { type: object } }, application/xml: { schema: { type: object } } } }, responses: { '200': { description: ok } } }",
    revision:
      "{ requestBody: { content: { application/json: { schema: { type: object } } } }, responses: { '200': { description: ok } } }",
  },
};
