import type { ChangeKind } from './change-kind.js';

/** A required request body was added. */
export const requestBodyAddedRequired: ChangeKind = {
  kind: 'request-body-added-required',
  levels: 'error',
  reversedLevel: 'info',
  summary: 'A required request body was added.',
  example: {
    scope: 'operation',
    base: "{ responses: { '200': { description: ok } } }",
    revision:
      "{ requestBody: { required: true, content: { application/json: { schema: { type: object } } } }, responses: { '200': { description: ok } } }",
  },
};
