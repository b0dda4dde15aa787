import type { ChangeKind } from './change-kind.js';

/** The request body became optional. */
export const requestBodyBecameOptional: ChangeKind = {
  kind: 'request-body-became-optional',
  levels: 'info',
  reversedLevel: 'error',
  summary: 'The request body became optional.',
  example: {
    scope: 'operation',
    base: "{ requestBody: { required: true, content: { application/json: { schema: { type: object } } } }, responses: { '200': { description: ok } } }",
    revision:
      "{ requestBody: { content: { application/json: { schema: { type: object } } } }, responses: { '200': { description: ok } } }",
  },
};
