import type { ChangeKind } from './change-kind.js';

/** A parameter was removed; servers usually ignore one they do not know, but its effect is gone. */
export const requestParameterRemoved: ChangeKind = {
  kind: 'request-parameter-removed',
  levels: 'warning',
  reversedLevel: 'warning',
  summary:
    'A parameter was removed; servers usually ignore one they do not know, but its effect is gone.',
  example: {
    scope: 'operation',
    base: "{ parameters: [{ name: limit, in: query, schema: { type: integer } }], responses: { '200': { description: ok } } }",
    revision: "{ responses: { '200': { description: ok } } }",
  },
};
