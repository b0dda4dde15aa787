import { describe, expect, it } from 'vitest';

import { lintWithRule } from '../test-support/lint-with-rule.js';

const RULE = 'server-https';

function spec(url: string): string {
  return `
openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
servers: [{ url: '${url}' }]
paths: {}
`;
}

describe(RULE, () => {
  it('accepts https and relative server URLs', async () => {
    expect(await lintWithRule(RULE, spec('https://api.example.org/v1'))).toEqual([]);
    expect(await lintWithRule(RULE, spec('/v1'))).toEqual([]);
  });

  it('reports an http server URL', async () => {
    expect(await lintWithRule(RULE, spec('http://api.example.org'))).toEqual([
      {
        ruleId: 'specgate/server-https',
        severity: 'error',
        message:
          'Server URL `http://api.example.org` uses plain http. Serve the API over HTTPS and change the URL to https://, or set the rule option `allowLocalhost: true` to accept http://localhost.',
        pointer: '#/servers/0/url',
      },
    ]);
  });

  it('accepts http on localhost only when the option allows it', async () => {
    const source = spec('http://localhost:8080/v1');
    expect(await lintWithRule(RULE, source, { allowLocalhost: true })).toEqual([]);
    expect(await lintWithRule(RULE, spec('http://127.0.0.1'), { allowLocalhost: true })).toEqual(
      [],
    );
    expect((await lintWithRule(RULE, source)).map((problem) => problem.pointer)).toEqual([
      '#/servers/0/url',
    ]);
  });

  it('reports an http scheme in Swagger 2.0', async () => {
    const source = `
swagger: '2.0'
info: { title: Pets, version: 1.0.0 }
host: api.example.org
schemes: [https, http]
paths: {}
`;
    expect(await lintWithRule(RULE, source)).toEqual([
      {
        ruleId: 'specgate/server-https',
        severity: 'error',
        message:
          '`schemes` lists plain `http`. Serve the API over HTTPS and list only `https`, or set the rule option `allowLocalhost: true` to accept http://localhost.',
        pointer: '#/schemes/1',
      },
    ]);
  });
});
