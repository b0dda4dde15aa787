import type { ChangeKind } from './change-kind.js';

/** A webhook was removed; subscribers stop getting its requests. */
export const webhookRemoved: ChangeKind = {
  kind: 'webhook-removed',
  levels: 'warning',
  summary: 'A webhook was removed; subscribers stop getting its requests.',
  example: {
    scope: 'document',
    base: "paths: {}\nwebhooks: { orderShipped: { post: { responses: { '200': { description: ok } } } } }",
    revision: 'paths: {}\nwebhooks: {}',
  },
};
