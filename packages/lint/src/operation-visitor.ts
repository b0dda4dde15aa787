import type { UserContext } from '@redocly/openapi-core';

import type { OperationObject } from './openapi-objects.js';

/** Location of an operation: its path template and lowercase HTTP method. */
export interface OperationPlace {
  path: string;
  method: string;
}

type OperationCallback = (
  operation: OperationObject,
  ctx: UserContext,
  place: OperationPlace,
) => void;

/**
 * Builds a visitor that calls `visit` for each operation under the root `paths`. Operations in
 * callbacks and webhooks are left out: they describe requests the API sends, not ones it serves.
 */
export function visitPathOperations(visit: OperationCallback) {
  let path = '';
  return {
    Paths: {
      PathItem: {
        enter(_pathItem: unknown, ctx: UserContext) {
          path = String(ctx.key);
        },
        Operation(operation: OperationObject, ctx: UserContext) {
          visit(operation, ctx, { path, method: String(ctx.key) });
        },
      },
    },
  };
}
