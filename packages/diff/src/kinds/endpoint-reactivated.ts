import type { ChangeKind } from './change-kind.js';

/** An operation is no longer deprecated. */
export const endpointReactivated: ChangeKind = {
  kind: 'endpoint-reactivated',
  levels: 'info',
  summary: 'An operation is no longer deprecated.',
  example: {
    scope: 'operation',
    base: "{ deprecated: true, responses: { '200': { description: ok } } }",
    revision: "{ responses: { '200': { description: ok } } }",
  },
};
