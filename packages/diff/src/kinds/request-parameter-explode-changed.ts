import type { ChangeKind } from './change-kind.js';

/** Whether a parameter is exploded changed. */
export const requestParameterExplodeChanged: ChangeKind = {
  kind: 'request-parameter-explode-changed',
  levels: 'error',
  summary: 'Whether a parameter is exploded changed.',
  example: {
    scope: 'operation',
    base: "{ parameters: [{ name: ids, in: query, schema: { type: array, items: { type: string } } }], responses: { '200': { description: ok } } }",
    revision:
      "{ parameters: [{ name: ids, in: query, explode: false, schema: { type: array, items: { type: string } } }], responses: { '200': { description: ok } } }",
  },
};
