import type { ChangeKind } from './change-kind.js';

/** A parameter kept its name but moved, e.g. from the query to a header. */
export const requestParameterInChanged: ChangeKind = {
  kind: 'request-parameter-in-changed',
  levels: 'error',
  summary: 'A parameter kept its name but moved, e.g. from the query to a header.',
  example: {
    scope: 'operation',
    base: "{ parameters: [{ name: limit, in: query, schema: { type: integer } }], responses: { '200': { description: ok } } }",
    revision:
      "{ parameters: [{ name: limit, in: header, schema: { type: integer } }], responses: { '200': { description: ok } } }",
  },
};
