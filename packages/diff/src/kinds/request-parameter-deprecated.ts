import type { ChangeKind } from './change-kind.js';

/** A parameter was marked deprecated. */
export const requestParameterDeprecated: ChangeKind = {
  kind: 'request-parameter-deprecated',
  levels: 'info',
  summary: 'A parameter was marked deprecated.',
  example: {
    scope: 'operation',
    base: "{ parameters: [{ name: limit, in: query, schema: { type: integer } }], responses: { '200': { description: ok } } }",
    revision:
      "{ parameters: [{ name: limit, in: query, deprecated: true, schema: { type: integer } }], responses: { '200': { description: ok } } }",
  },
};
