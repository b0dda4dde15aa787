import type { UserContext } from '@redocly/openapi-core';

import { isObject, type OperationObject, type RootObject } from '../openapi-objects.js';
import { visitPathOperations } from '../operation-visitor.js';
import type { SpecgateRule } from '../rule.js';

/**
 * True when a security requirement list lets anonymous callers in: it is empty, or one of its
 * alternatives is the empty requirement `{}`.
 */
function allowsAnonymous(security: unknown[]): boolean {
  return (
    security.length === 0 ||
    security.some((item) => isObject(item) && Object.keys(item).length === 0)
  );
}

function checkOperation(operation: OperationObject, rootSecurity: unknown, ctx: UserContext): void {
  const own = operation.security;
  const effective = own ?? rootSecurity;
  if (!Array.isArray(effective)) {
    ctx.report({
      message:
        'Operation has no security requirement, and the document has no root `security`. Add `security` to the operation or the root; for a public operation, set `security: []` and `x-public: true`.',
      location: ctx.location.key(),
    });
    return;
  }

  if (!allowsAnonymous(effective) || operation['x-public'] === true) return;
  const inherited = own === undefined;
  ctx.report({
    message: inherited
      ? 'Operation inherits a root `security` that allows anonymous access, but it is not marked `x-public: true`. Add a security requirement to the operation, or mark it `x-public: true` if it is meant to be public.'
      : 'Operation allows anonymous access (`security` is empty or contains `{}`) but is not marked `x-public: true`. Add a security requirement, or mark the operation `x-public: true` if it is meant to be public.',
    location: inherited ? ctx.location.key() : ctx.location.child(['security']).key(),
  });
}

function operationSecurityDefinedVisitor() {
  let rootSecurity: unknown;
  return {
    Root(root: RootObject) {
      rootSecurity = root.security;
    },
    ...visitPathOperations((operation, ctx) => checkOperation(operation, rootSecurity, ctx)),
  };
}

/** Every operation is secured, by its own or the root `security`; anonymous access needs `x-public: true`. */
export const operationSecurityDefined: SpecgateRule = {
  id: 'operation-security-defined',
  severity: 'error',
  description:
    'Every operation has security, its own or the root one; an operation open to anonymous callers must be marked `x-public: true`.',
  oas3: operationSecurityDefinedVisitor,
  oas2: operationSecurityDefinedVisitor,
};
