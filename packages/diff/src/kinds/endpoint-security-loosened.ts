import type { ChangeKind } from './change-kind.js';

/** The operation accepts every client it accepted before, and more. */
export const endpointSecurityLoosened: ChangeKind = {
  kind: 'endpoint-security-loosened',
  levels: 'info',
  summary: 'The operation accepts every client it accepted before, and more.',
  example: {
    scope: 'operation',
    base: "{ security: [{ oauth: [write] }], responses: { '200': { description: ok } } }",
    revision:
      "{ security: [{ oauth: [write] }, { key: [] }], responses: { '200': { description: ok } } }",
  },
};
