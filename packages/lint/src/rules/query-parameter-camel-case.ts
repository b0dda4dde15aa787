import type { UserContext } from '@redocly/openapi-core';

import { isCamelCase, toCamelCase } from '../casing.js';
import type { ParameterObject } from '../openapi-objects.js';
import type { SpecgateRule } from '../rule.js';

function queryParameterCamelCaseVisitor() {
  return {
    Parameter(parameter: ParameterObject, ctx: UserContext) {
      const { name } = parameter;
      if (parameter.in !== 'query' || typeof name !== 'string' || isCamelCase(name)) return;
      ctx.report({
        message: `Query parameter "${name}" is not camelCase. Rename it, for example to "${toCamelCase(name)}".`,
        location: ctx.location.child(['name']),
      });
    },
  };
}

/** Query parameter names are camelCase. */
export const queryParameterCamelCase: SpecgateRule = {
  id: 'query-parameter-camel-case',
  severity: 'warn',
  description: 'Query parameter names are camelCase.',
  oas3: queryParameterCamelCaseVisitor,
  oas2: queryParameterCamelCaseVisitor,
};
