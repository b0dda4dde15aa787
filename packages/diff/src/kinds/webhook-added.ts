import type { ChangeKind } from './change-kind.js';

/** A webhook (OpenAPI 3.1) was added. */
export const webhookAdded: ChangeKind = {
  kind: 'webhook-added',
  levels: 'info',
  summary: 'A webhook (OpenAPI 3.1) was added.',
  example: {
    scope: 'document',
    base: 'paths: {}\nwebhooks: {}',
    revision:
      "paths: {}\nwebhooks: { orderShipped: { post: { responses: { '200': { description: ok } } } } }",
  },
};
