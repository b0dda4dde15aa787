import type { ChangeKind } from './change-kind.js';

/** A required parameter was added. */
export const newRequiredRequestParameter: ChangeKind = {
  kind: 'new-required-request-parameter',
  levels: 'error',
  reversedLevel: 'info',
  summary: 'A required parameter was added.',
  example: {
    scope: 'operation',
    base: "{ responses: { '200': { description: ok } } }",
    revision:
      "{ parameters: [{ name: limit, in: query, required: true, schema: { type: integer } }], responses: { '200': { description: ok } } }",
  },
};
