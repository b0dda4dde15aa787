import type { ChangeKind } from './change-kind.js';

/** An operation was added. */
export const endpointAdded: ChangeKind = {
  kind: 'endpoint-added',
  levels: 'info',
  summary: 'An operation was added.',
  example: {
    scope: 'operation',
    base: null,
    revision: "{ responses: { '200': { description: ok } } }",
  },
};
