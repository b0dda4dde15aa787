import type { ChangeKind } from './change-kind.js';

/** A parameter became required. */
export const requestParameterBecameRequired: ChangeKind = {
  kind: 'request-parameter-became-required',
  levels: 'error',
  reversedLevel: 'info',
  summary: 'A parameter became required.',
  example: {
    scope: 'operation',
    base: "{ parameters: [{ name: limit, in: query, schema: { type: integer } }], responses: { '200': { description: ok } } }",
    revision:
      "{ parameters: [{ name: limit, in: query, required: true, schema: { type: integer } }], responses: { '200': { description: ok } } }",
  },
};
