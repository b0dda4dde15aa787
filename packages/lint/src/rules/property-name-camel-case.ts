import type { UserContext } from '@redocly/openapi-core';

import { isCamelCase, toCamelCase } from '../casing.js';
import type { SpecgateRule } from '../rule.js';

function propertyNameCamelCaseVisitor() {
  return {
    SchemaProperties(properties: Record<string, unknown>, ctx: UserContext) {
      for (const name of Object.keys(properties)) {
        if (isCamelCase(name)) continue;
        ctx.report({
          message: `Property "${name}" is not camelCase. Rename it, for example to "${toCamelCase(name)}", so every payload uses one naming style.`,
          location: ctx.location.child([name]).key(),
        });
      }
    },
  };
}

/** Schema property names are camelCase. */
export const propertyNameCamelCase: SpecgateRule = {
  id: 'property-name-camel-case',
  severity: 'warn',
  description: 'Schema property names are camelCase.',
  oas3: propertyNameCamelCaseVisitor,
  oas2: propertyNameCamelCaseVisitor,
};
