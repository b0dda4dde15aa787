import type { ChangeKind } from './change-kind.js';

/** The serialisation style of a parameter changed. */
export const requestParameterStyleChanged: ChangeKind = {
  kind: 'request-parameter-style-changed',
  levels: 'error',
  summary: 'The serialisation style of a parameter changed.',
  example: {
    scope: 'operation',
    base: "{ parameters: [{ name: ids, in: query, schema: { type: array, items: { type: string } } }], responses: { '200': { description: ok } } }",
    revision:
      "{ parameters: [{ name: ids, in: query, style: pipeDelimited, schema: { type: array, items: { type: string } } }], responses: { '200': { description: ok } } }",
  },
};
