import { isCamelCase, toCamelCase } from '../casing.js';
import { visitPathOperations } from '../operation-visitor.js';
import type { SpecgateRule } from '../rule.js';

function operationIdCamelCaseVisitor() {
  return visitPathOperations((operation, ctx) => {
    const { operationId } = operation;
    if (operationId === undefined) {
      ctx.report({
        message:
          'Operation has no `operationId`. Add a unique camelCase `operationId`; code generators use it as the method name.',
        location: ctx.location.key(),
      });
      return;
    }

    if (typeof operationId !== 'string' || isCamelCase(operationId)) return;
    ctx.report({
      message: `\`operationId\` "${operationId}" is not camelCase. Rename it, for example to "${toCamelCase(operationId)}".`,
      location: ctx.location.child(['operationId']),
    });
  });
}

/** Every operation has an `operationId`, written in camelCase. */
export const operationIdCamelCase: SpecgateRule = {
  id: 'operation-id-camel-case',
  severity: 'error',
  description: 'Every operation has an operationId, written in camelCase.',
  oas3: operationIdCamelCaseVisitor,
  oas2: operationIdCamelCaseVisitor,
};
