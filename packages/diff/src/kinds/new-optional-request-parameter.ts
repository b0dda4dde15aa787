import type { ChangeKind } from './change-kind.js';

/** An optional parameter was added. */
export const newOptionalRequestParameter: ChangeKind = {
  kind: 'new-optional-request-parameter',
  levels: 'info',
  reversedLevel: 'info',
  summary: 'An optional parameter was added.',
  example: {
    scope: 'operation',
    base: "{ responses: { '200': { description: ok } } }",
    revision:
      "{ parameters: [{ name: limit, in: query, schema: { type: integer } }], responses: { '200': { description: ok } } }",
  },
};
