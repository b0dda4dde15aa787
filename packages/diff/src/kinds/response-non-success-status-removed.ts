import type { ChangeKind } from './change-kind.js';

/** A response other than 2xx was removed. */
export const responseNonSuccessStatusRemoved: ChangeKind = {
  kind: 'response-non-success-status-removed',
  levels: 'warning',
  reversedLevel: 'warning',
  summary: 'A response other than 2xx was removed.',
  example: {
    scope: 'operation',
    base: "{ responses: { '200': { description: ok }, '404': { description: missing } } }",
    revision: "{ responses: { '200': { description: ok } } }",
  },
};
