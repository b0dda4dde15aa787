import type { ChangeKind } from './change-kind.js';

/** An operation was marked deprecated. */
export const endpointDeprecated: ChangeKind = {
  kind: 'endpoint-deprecated',
  levels: 'info',
  summary: 'An operation was marked deprecated.',
  example: {
    scope: 'operation',
    base: "{ responses: { '200': { description: ok } } }",
    revision: "{ deprecated: true, responses: { '200': { description: ok } } }",
  },
};
