import type { ChangeKind } from './change-kind.js';

/** An optional request body was added. */
export const requestBodyAddedOptional: ChangeKind = {
  kind: 'request-body-added-optional',
  levels: 'info',
  reversedLevel: 'info',
  summary: 'An optional request body was added.',
  example: {
    scope: 'operation',
    base: "{ responses: { '200': { description: ok } } }",
    revision:
      "{ requestBody: { content: { application/json: { schema: { type: object } } } }, responses: { '200': { description: ok } } }",
  },
};
