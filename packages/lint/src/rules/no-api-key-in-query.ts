import type { UserContext } from '@redocly/openapi-core';

import type { SecuritySchemeObject } from '../openapi-objects.js';
import type { SpecgateRule } from '../rule.js';

function noApiKeyInQueryVisitor() {
  return {
    SecurityScheme(scheme: SecuritySchemeObject, ctx: UserContext) {
      if (scheme.type !== 'apiKey' || scheme.in !== 'query') return;
      ctx.report({
        message:
          'API key is sent in the query string, where server logs, proxies and browser history record it. Send it in a header (`in: header`) instead.',
        location: ctx.location.child(['in']),
      });
    },
  };
}

/** No API key security scheme is sent in the query string. */
export const noApiKeyInQuery: SpecgateRule = {
  id: 'no-api-key-in-query',
  severity: 'error',
  description: 'No API key security scheme is sent in the query string.',
  oas3: noApiKeyInQueryVisitor,
  oas2: noApiKeyInQueryVisitor,
};
