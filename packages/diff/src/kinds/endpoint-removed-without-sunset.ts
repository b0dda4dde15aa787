import type { ChangeKind } from './change-kind.js';

/** A deprecated operation was removed, but it had no valid x-sunset date announcing the removal. */
export const endpointRemovedWithoutSunset: ChangeKind = {
  kind: 'endpoint-removed-without-sunset',
  levels: 'error',
  summary:
    'A deprecated operation was removed, but it had no valid x-sunset date announcing the removal.',
  example: {
    scope: 'operation',
    base: "{ deprecated: true, responses: { '200': { description: ok } } }",
    revision: null,
  },
};
