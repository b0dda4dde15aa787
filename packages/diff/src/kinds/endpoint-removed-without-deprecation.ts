import type { ChangeKind } from './change-kind.js';

/** An operation was removed without being deprecated first. */
export const endpointRemovedWithoutDeprecation: ChangeKind = {
  kind: 'endpoint-removed-without-deprecation',
  levels: 'error',
  summary: 'An operation was removed without being deprecated first.',
  example: {
    scope: 'operation',
    base: "{ responses: { '200': { description: ok } } }",
    revision: null,
  },
};
