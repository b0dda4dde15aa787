import type { UserContext } from '@redocly/openapi-core';

import type { SecuritySchemeObject } from '../openapi-objects.js';
import type { SpecgateRule } from '../rule.js';

const MESSAGE =
  'Security scheme uses HTTP Basic authentication, which sends a reusable password with every request. Use OAuth 2.0, OpenID Connect or a bearer token scheme instead.';

function noBasicAuthOas3() {
  return {
    SecurityScheme(scheme: SecuritySchemeObject, ctx: UserContext) {
      if (scheme.type !== 'http' || typeof scheme.scheme !== 'string') return;
      if (scheme.scheme.toLowerCase() !== 'basic') return;
      ctx.report({ message: MESSAGE, location: ctx.location.child(['scheme']) });
    },
  };
}

function noBasicAuthOas2() {
  return {
    SecurityScheme(scheme: SecuritySchemeObject, ctx: UserContext) {
      if (scheme.type !== 'basic') return;
      ctx.report({ message: MESSAGE, location: ctx.location.child(['type']) });
    },
  };
}

/** No security scheme uses HTTP Basic authentication. */
export const noBasicAuth: SpecgateRule = {
  id: 'no-basic-auth',
  severity: 'error',
  description: 'No security scheme uses HTTP Basic authentication.',
  oas3: noBasicAuthOas3,
  oas2: noBasicAuthOas2,
};
