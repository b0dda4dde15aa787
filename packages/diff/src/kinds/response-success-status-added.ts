import type { ChangeKind } from './change-kind.js';

/** A 2xx response was added. */
export const responseSuccessStatusAdded: ChangeKind = {
  kind: 'response-success-status-added',
  levels: 'info',
  reversedLevel: 'info',
  summary: 'A 2xx response was added.',
  example: {
    scope: 'operation',
    base: "{ responses: { '200': { description: ok } } }",
    revision: "{ responses: { '200': { description: ok }, '202': { description: accepted } } }",
  },
};
