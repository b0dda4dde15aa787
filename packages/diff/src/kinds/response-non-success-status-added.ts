import type { ChangeKind } from './change-kind.js';

/** A response other than 2xx was added. */
export const responseNonSuccessStatusAdded: ChangeKind = {
  kind: 'response-non-success-status-added',
  levels: 'info',
  reversedLevel: 'info',
  summary: 'A response other than 2xx was added.',
  example: {
    scope: 'operation',
    base: "{ responses: { '200': { description: ok } } }",
    revision: "{ responses: { '200': { description: ok }, '404': { description: missing } } }",
  },
};
