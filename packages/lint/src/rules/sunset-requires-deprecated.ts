import type { UserContext } from '@redocly/openapi-core';

import type { OperationObject, ParameterObject, SchemaObject } from '../openapi-objects.js';
import type { SpecgateRule } from '../rule.js';

type Sunsettable = OperationObject | ParameterObject | SchemaObject;

function checkSunset(kind: string, node: Sunsettable, ctx: UserContext): void {
  if (node['x-sunset'] === undefined || node.deprecated === true) return;
  ctx.report({
    message: `\`x-sunset\` is set but the ${kind} is not marked \`deprecated: true\`. Mark it deprecated before announcing a removal date, or remove \`x-sunset\`.`,
    location: ctx.location.child(['x-sunset']).key(),
  });
}

function sunsetRequiresDeprecatedVisitor() {
  return {
    Operation: (node: OperationObject, ctx: UserContext) => checkSunset('operation', node, ctx),
    Parameter: (node: ParameterObject, ctx: UserContext) => checkSunset('parameter', node, ctx),
    Schema: (node: SchemaObject, ctx: UserContext) => checkSunset('schema', node, ctx),
  };
}

/** `x-sunset` appears only on operations, parameters and schemas marked `deprecated: true`. */
export const sunsetRequiresDeprecated: SpecgateRule = {
  id: 'sunset-requires-deprecated',
  severity: 'error',
  description:
    '`x-sunset` appears only on operations, parameters and schemas marked `deprecated: true`.',
  oas3: sunsetRequiresDeprecatedVisitor,
  oas2: sunsetRequiresDeprecatedVisitor,
};
