import type { ChangeKind } from './change-kind.js';

/** A 2xx response was removed. */
export const responseSuccessStatusRemoved: ChangeKind = {
  kind: 'response-success-status-removed',
  levels: 'error',
  reversedLevel: 'error',
  summary: 'A 2xx response was removed.',
  example: {
    scope: 'operation',
    base: "{ responses: { '200': { description: ok } } }",
    revision: "{ responses: { '201': { description: ok } } }",
  },
};
