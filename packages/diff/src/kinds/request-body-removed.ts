import type { ChangeKind } from './change-kind.js';

/** The request body was removed. */
export const requestBodyRemoved: ChangeKind = {
  kind: 'request-body-removed',
  levels: 'info',
  reversedLevel: 'error',
  summary: 'The request body was removed.',
  example: {
    scope: 'operation',
    base: "{ requestBody: { content: { application/json: { schema: { type: object } } } }, responses: { '200': { description: ok } } }",
    revision: "{ responses: { '200': { description: ok } } }",
  },
};
