import { describe, expect, it } from 'vitest';

import { lintWithRule } from '../test-support/lint-with-rule.js';

const RULE = 'no-api-key-in-query';

function spec(location: string): string {
  return `
openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
paths: {}
components:
  securitySchemes:
    apiKey: { type: apiKey, name: api_key, in: ${location} }
`;
}

describe(RULE, () => {
  it('accepts an API key in a header or cookie', async () => {
    expect(await lintWithRule(RULE, spec('header'))).toEqual([]);
    expect(await lintWithRule(RULE, spec('cookie'))).toEqual([]);
  });

  it('reports an API key in the query string', async () => {
    expect(await lintWithRule(RULE, spec('query'))).toEqual([
      {
        ruleId: 'specgate/no-api-key-in-query',
        severity: 'error',
        message:
          'API key is sent in the query string, where server logs, proxies and browser history record it. Send it in a header (`in: header`) instead.',
        pointer: '#/components/securitySchemes/apiKey/in',
      },
    ]);
  });
});
