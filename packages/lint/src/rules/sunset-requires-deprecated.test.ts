import { describe, expect, it } from 'vitest';

import { lintWithRule } from '../test-support/lint-with-rule.js';

const RULE = 'sunset-requires-deprecated';

function message(kind: string): string {
  return `\`x-sunset\` is set but the ${kind} is not marked \`deprecated: true\`. Mark it deprecated before announcing a removal date, or remove \`x-sunset\`.`;
}

describe(RULE, () => {
  it('accepts x-sunset on deprecated operations, parameters and schemas', async () => {
    const source = `
openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
paths:
  /v1/pets:
    get:
      operationId: listPets
      deprecated: true
      x-sunset: '2026-06-30'
      parameters:
        - { name: sort, in: query, deprecated: true, x-sunset: '2026-06-30', schema: { type: string } }
      responses: { '200': { description: OK } }
components:
  schemas:
    LegacyPet: { type: object, deprecated: true, x-sunset: '2026-06-30' }
`;
    expect(await lintWithRule(RULE, source)).toEqual([]);
  });

  it('reports x-sunset without deprecated on each kind of object', async () => {
    const source = `
openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
paths:
  /v1/pets:
    get:
      operationId: listPets
      x-sunset: '2026-06-30'
      parameters:
        - { name: sort, in: query, x-sunset: '2026-06-30', schema: { type: string } }
      responses: { '200': { description: OK } }
components:
  schemas:
    LegacyPet: { type: object, deprecated: false, x-sunset: '2026-06-30' }
`;
    expect(await lintWithRule(RULE, source)).toEqual([
      {
        ruleId: 'specgate/sunset-requires-deprecated',
        severity: 'error',
        message: message('operation'),
        pointer: '#/paths/~1v1~1pets/get/x-sunset',
      },
      {
        ruleId: 'specgate/sunset-requires-deprecated',
        severity: 'error',
        message: message('parameter'),
        pointer: '#/paths/~1v1~1pets/get/parameters/0/x-sunset',
      },
      {
        ruleId: 'specgate/sunset-requires-deprecated',
        severity: 'error',
        message: message('schema'),
        pointer: '#/components/schemas/LegacyPet/x-sunset',
      },
    ]);
  });
});
