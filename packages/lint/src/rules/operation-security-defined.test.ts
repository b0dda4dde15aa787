import { describe, expect, it } from 'vitest';

import { lintWithRule } from '../test-support/lint-with-rule.js';

const RULE = 'operation-security-defined';

function spec(rootSecurity: string, operations: string): string {
  return `
openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
${rootSecurity}
paths:
  /v1/pets:
${operations}
components:
  securitySchemes:
    oauth: { type: oauth2, flows: { clientCredentials: { tokenUrl: 'https://auth.example.org/token', scopes: {} } } }
`;
}

const OK = `responses: { '200': { description: OK } }`;

describe(RULE, () => {
  it('accepts root security, own security and a marked public operation', async () => {
    const source = spec(
      'security: [{ oauth: [] }]',
      `    get: { operationId: listPets, ${OK} }
    post: { operationId: createPet, security: [{ oauth: [] }], ${OK} }
    head: { operationId: checkPets, security: [], x-public: true, ${OK} }`,
    );
    expect(await lintWithRule(RULE, source)).toEqual([]);
  });

  it('reports an operation without any security', async () => {
    const source = spec('', `    get: { operationId: listPets, ${OK} }`);
    expect(await lintWithRule(RULE, source)).toEqual([
      {
        ruleId: 'specgate/operation-security-defined',
        severity: 'error',
        message:
          'Operation has no security requirement, and the document has no root `security`. Add `security` to the operation or the root; for a public operation, set `security: []` and `x-public: true`.',
        pointer: '#/paths/~1v1~1pets/get',
      },
    ]);
  });

  it('reports an empty or optional security without x-public', async () => {
    const source = spec(
      'security: [{ oauth: [] }]',
      `    get: { operationId: listPets, security: [], ${OK} }
    post: { operationId: createPet, security: [{ oauth: [] }, {}], ${OK} }`,
    );
    const message =
      'Operation allows anonymous access (`security` is empty or contains `{}`) but is not marked `x-public: true`. Add a security requirement, or mark the operation `x-public: true` if it is meant to be public.';
    expect(await lintWithRule(RULE, source)).toEqual([
      {
        ruleId: 'specgate/operation-security-defined',
        severity: 'error',
        message,
        pointer: '#/paths/~1v1~1pets/get/security',
      },
      {
        ruleId: 'specgate/operation-security-defined',
        severity: 'error',
        message,
        pointer: '#/paths/~1v1~1pets/post/security',
      },
    ]);
  });

  it('reports an operation that inherits an empty root security', async () => {
    const source = spec('security: []', `    get: { operationId: listPets, ${OK} }`);
    expect(await lintWithRule(RULE, source)).toEqual([
      {
        ruleId: 'specgate/operation-security-defined',
        severity: 'error',
        message:
          'Operation inherits a root `security` that allows anonymous access, but it is not marked `x-public: true`. Add a security requirement to the operation, or mark it `x-public: true` if it is meant to be public.',
        pointer: '#/paths/~1v1~1pets/get',
      },
    ]);
  });
});
