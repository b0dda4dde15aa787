import { isObject } from '../openapi-objects.js';
import { visitPathOperations } from '../operation-visitor.js';
import type { SpecgateRule } from '../rule.js';

const SUCCESS_CODE = /^[23](?:\d\d|XX)$/i;

function operationSuccessResponseVisitor() {
  return visitPathOperations((operation, ctx) => {
    if (!isObject(operation.responses)) return;
    if (Object.keys(operation.responses).some((code) => SUCCESS_CODE.test(code))) return;
    ctx.report({
      message:
        'Operation has no success response. Document at least one 2xx or 3xx response so clients know what a successful call returns.',
      location: ctx.location.child(['responses']).key(),
    });
  });
}

/** Every operation documents at least one 2xx or 3xx response. */
export const operationSuccessResponse: SpecgateRule = {
  id: 'operation-success-response',
  severity: 'error',
  description: 'Every operation documents at least one 2xx or 3xx response.',
  oas3: operationSuccessResponseVisitor,
  oas2: operationSuccessResponseVisitor,
};
