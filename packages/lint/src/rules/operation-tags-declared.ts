import { isObject, type RootObject } from '../openapi-objects.js';
import { visitPathOperations } from '../operation-visitor.js';
import type { SpecgateRule } from '../rule.js';

function declaredTagNames(root: RootObject): Set<string> {
  if (!Array.isArray(root.tags)) return new Set();
  const names = root.tags.map((tag: unknown) => (isObject(tag) ? tag.name : undefined));
  return new Set(names.filter((name): name is string => typeof name === 'string'));
}

function operationTagsDeclaredVisitor() {
  let declared = new Set<string>();
  return {
    Root(root: RootObject) {
      declared = declaredTagNames(root);
    },
    ...visitPathOperations((operation, ctx) => {
      if (!Array.isArray(operation.tags)) return;
      operation.tags.forEach((tag: unknown, index: number) => {
        if (typeof tag !== 'string' || declared.has(tag)) return;
        ctx.report({
          message: `Tag "${tag}" is not declared in the root \`tags\` list. Declare it there with a description, or use one of the declared tags.`,
          location: ctx.location.child(['tags', index]),
        });
      });
    }),
  };
}

/** Every tag an operation uses is declared in the root `tags` list. */
export const operationTagsDeclared: SpecgateRule = {
  id: 'operation-tags-declared',
  severity: 'warn',
  description: 'Every tag an operation uses is declared in the root `tags` list.',
  oas3: operationTagsDeclaredVisitor,
  oas2: operationTagsDeclaredVisitor,
};
