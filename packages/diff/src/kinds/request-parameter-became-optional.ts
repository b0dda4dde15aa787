import type { ChangeKind } from './change-kind.js';

/** A parameter became optional. */
export const requestParameterBecameOptional: ChangeKind = {
  kind: 'request-parameter-became-optional',
  levels: 'info',
  reversedLevel: 'error',
  summary: 'A parameter became optional.',
  example: {
    scope: 'operation',
    base: "{ parameters: [{ name: limit, in: query, required: true, schema: { type: integer } }], responses: { '200': { description: ok } } }",
    revision:
      "{ parameters: [{ name: limit, in: query, schema: { type: integer } }], responses: { '200': { description: ok } } }",
  },
};
