import type { ChangeKind } from './change-kind.js';

/** The request body became required. */
export const requestBodyBecameRequired: ChangeKind = {
  kind: 'request-body-became-required',
  levels: 'error',
  reversedLevel: 'info',
  summary: 'The request body became required.',
  example: {
    scope: 'operation',
    base: "{ requestBody: { content: { application/json: { schema: { type: object } } } }, responses: { '200': { description: ok } } }",
    revision:
      "{ requestBody: { required: true, content: { application/json: { schema: { type: object } } } }, responses: { '200': { description: ok } } }",
  },
};
