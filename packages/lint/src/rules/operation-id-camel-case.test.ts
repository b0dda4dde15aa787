import { describe, expect, it } from 'vitest';

import { lintWithRule } from '../test-support/lint-with-rule.js';

const RULE = 'operation-id-camel-case';

describe(RULE, () => {
  it('accepts camelCase operationIds', async () => {
    const source = `
openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
paths:
  /v1/pets:
    get: { operationId: listPets, responses: { '200': { description: OK } } }
`;
    expect(await lintWithRule(RULE, source)).toEqual([]);
  });

  it('reports a missing and a snake_case operationId', async () => {
    const source = `
openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
paths:
  /v1/pets:
    get: { responses: { '200': { description: OK } } }
    post: { operationId: create_pet, responses: { '201': { description: Created } } }
`;
    expect(await lintWithRule(RULE, source)).toEqual([
      {
        ruleId: 'specgate/operation-id-camel-case',
        severity: 'error',
        message:
          'Operation has no `operationId`. Add a unique camelCase `operationId`; code generators use it as the method name.',
        pointer: '#/paths/~1v1~1pets/get',
      },
      {
        ruleId: 'specgate/operation-id-camel-case',
        severity: 'error',
        message:
          '`operationId` "create_pet" is not camelCase. Rename it, for example to "createPet".',
        pointer: '#/paths/~1v1~1pets/post/operationId',
      },
    ]);
  });

  it('ignores operations inside callbacks', async () => {
    const source = `
openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
paths:
  /v1/subscriptions:
    post:
      operationId: subscribe
      responses: { '201': { description: Created } }
      callbacks:
        petAdded:
          '{$request.body#/url}':
            post: { operationId: Pet_Added, responses: { '200': { description: OK } } }
`;
    expect(await lintWithRule(RULE, source)).toEqual([]);
  });

  it('checks Swagger 2.0 operations', async () => {
    const source = `
swagger: '2.0'
info: { title: Pets, version: 1.0.0 }
paths:
  /v1/pets:
    get: { operationId: ListPets, responses: { '200': { description: OK } } }
`;
    expect(await lintWithRule(RULE, source)).toEqual([
      {
        ruleId: 'specgate/operation-id-camel-case',
        severity: 'error',
        message: '`operationId` "ListPets" is not camelCase. Rename it, for example to "listPets".',
        pointer: '#/paths/~1v1~1pets/get/operationId',
      },
    ]);
  });
});
