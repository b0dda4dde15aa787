import type { ChangeKind } from './change-kind.js';

/** A required response header was removed. */
export const responseRequiredHeaderRemoved: ChangeKind = {
  kind: 'response-required-header-removed',
  levels: 'error',
  reversedLevel: 'info',
  summary: 'A required response header was removed.',
  example: {
    scope: 'operation',
    base: "{ responses: { '200': { description: ok, headers: { X-Rate-Limit: { required: true, schema: { type: integer } } } } } }",
    revision: "{ responses: { '200': { description: ok } } }",
  },
};
