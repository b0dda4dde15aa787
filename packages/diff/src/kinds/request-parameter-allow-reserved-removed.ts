import type { ChangeKind } from './change-kind.js';

/** A query parameter no longer allows reserved characters unencoded. */
export const requestParameterAllowReservedRemoved: ChangeKind = {
  kind: 'request-parameter-allow-reserved-removed',
  levels: 'warning',
  summary: 'A query parameter no longer allows reserved characters unencoded.',
  example: {
    scope: 'operation',
    base: "{ parameters: [{ name: q, in: query, allowReserved: true, schema: { type: string } }], responses: { '200': { description: ok } } }",
    revision:
      "{ parameters: [{ name: q, in: query, schema: { type: string } }], responses: { '200': { description: ok } } }",
  },
};
