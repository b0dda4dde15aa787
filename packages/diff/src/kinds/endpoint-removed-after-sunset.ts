import type { ChangeKind } from './change-kind.js';

/** A deprecated operation was removed on or after its x-sunset date, as announced. */
export const endpointRemovedAfterSunset: ChangeKind = {
  kind: 'endpoint-removed-after-sunset',
  levels: 'info',
  summary: 'A deprecated operation was removed on or after its x-sunset date, as announced.',
  example: {
    scope: 'operation',
    base: "{ deprecated: true, x-sunset: '2020-01-01', responses: { '200': { description: ok } } }",
    revision: null,
  },
};
