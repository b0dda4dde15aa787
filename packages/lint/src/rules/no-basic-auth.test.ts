import { describe, expect, it } from 'vitest';

import { lintWithRule } from '../test-support/lint-with-rule.js';

const RULE = 'no-basic-auth';

const MESSAGE =
  'Security scheme uses HTTP Basic authentication, which sends a reusable password with every request. Use OAuth 2.0, OpenID Connect or a bearer token scheme instead.';

function spec(scheme: string): string {
  return `
openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
paths: {}
components:
  securitySchemes:
    main: ${scheme}
`;
}

describe(RULE, () => {
  it('accepts bearer and OpenID Connect schemes', async () => {
    expect(await lintWithRule(RULE, spec('{ type: http, scheme: bearer }'))).toEqual([]);
    const oidc = "{ type: openIdConnect, openIdConnectUrl: 'https://id.example.org' }";
    expect(await lintWithRule(RULE, spec(oidc))).toEqual([]);
  });

  it('reports HTTP Basic whatever the case of the scheme name', async () => {
    expect(await lintWithRule(RULE, spec('{ type: http, scheme: Basic }'))).toEqual([
      {
        ruleId: 'specgate/no-basic-auth',
        severity: 'error',
        message: MESSAGE,
        pointer: '#/components/securitySchemes/main/scheme',
      },
    ]);
  });

  it('reports a Swagger 2.0 basic scheme', async () => {
    const source = `
swagger: '2.0'
info: { title: Pets, version: 1.0.0 }
paths: {}
securityDefinitions:
  main: { type: basic }
`;
    expect(await lintWithRule(RULE, source)).toEqual([
      {
        ruleId: 'specgate/no-basic-auth',
        severity: 'error',
        message: MESSAGE,
        pointer: '#/securityDefinitions/main/type',
      },
    ]);
  });
});
