import type { ChangeKind } from './change-kind.js';

/** A deprecated operation was removed before its x-sunset date. */
export const endpointRemovedBeforeSunset: ChangeKind = {
  kind: 'endpoint-removed-before-sunset',
  levels: 'error',
  summary: 'A deprecated operation was removed before its x-sunset date.',
  example: {
    scope: 'operation',
    base: "{ deprecated: true, x-sunset: '2099-01-01', responses: { '200': { description: ok } } }",
    revision: null,
  },
};
