import type { ChangeKind } from './change-kind.js';

/** A client authorised as before is no longer accepted: a scheme or scope is now needed, or an alternative went away. */
export const endpointSecurityTightened: ChangeKind = {
  kind: 'endpoint-security-tightened',
  levels: 'error',
  summary:
    'A client authorised as before is no longer accepted: a scheme or scope is now needed, or an alternative went away.',
  example: {
    scope: 'operation',
    base: "{ security: [{ key: [] }], responses: { '200': { description: ok } } }",
    revision: "{ security: [{ oauth: [write] }], responses: { '200': { description: ok } } }",
  },
};
