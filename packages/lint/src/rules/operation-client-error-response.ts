import { isObject } from '../openapi-objects.js';
import { visitPathOperations } from '../operation-visitor.js';
import type { SpecgateRule } from '../rule.js';

const CLIENT_ERROR_CODE = /^(?:4(?:\d\d|XX)|default)$/i;

function operationClientErrorResponseVisitor() {
  return visitPathOperations((operation, ctx) => {
    if (!isObject(operation.responses)) return;
    if (Object.keys(operation.responses).some((code) => CLIENT_ERROR_CODE.test(code))) return;
    ctx.report({
      message:
        'Operation has no client error response. Document at least one 4xx response, a `4XX` range or a `default` response so clients know how invalid requests fail.',
      location: ctx.location.child(['responses']).key(),
    });
  });
}

/** Every operation documents a 4xx, `4XX` or `default` response. */
export const operationClientErrorResponse: SpecgateRule = {
  id: 'operation-client-error-response',
  severity: 'error',
  description: 'Every operation documents a 4xx response, a `4XX` range or a `default` response.',
  oas3: operationClientErrorResponseVisitor,
  oas2: operationClientErrorResponseVisitor,
};
