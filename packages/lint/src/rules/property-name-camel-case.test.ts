import { describe, expect, it } from 'vitest';

import { lintWithRule } from '../test-support/lint-with-rule.js';

const RULE = 'property-name-camel-case';

function spec(properties: string): string {
  return `
openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
paths: {}
components:
  schemas:
    Pet:
      type: object
      properties: ${properties}
`;
}

describe(RULE, () => {
  it('accepts camelCase property names', async () => {
    expect(await lintWithRule(RULE, spec('{ petId: { type: string }, name: {} }'))).toEqual([]);
  });

  it('reports each property name that is not camelCase', async () => {
    const source = spec('{ pet_id: { type: string }, BirthDate: { type: string }, name: {} }');
    expect(await lintWithRule(RULE, source)).toEqual([
      {
        ruleId: 'specgate/property-name-camel-case',
        severity: 'warn',
        message:
          'Property "pet_id" is not camelCase. Rename it, for example to "petId", so every payload uses one naming style.',
        pointer: '#/components/schemas/Pet/properties/pet_id',
      },
      {
        ruleId: 'specgate/property-name-camel-case',
        severity: 'warn',
        message:
          'Property "BirthDate" is not camelCase. Rename it, for example to "birthDate", so every payload uses one naming style.',
        pointer: '#/components/schemas/Pet/properties/BirthDate',
      },
    ]);
  });

  it('names a hex key as written', async () => {
    const source = spec('\n        0x1F: { type: string }\n        "0x2A": { type: string }');
    expect(await lintWithRule(RULE, source)).toEqual([
      {
        ruleId: 'specgate/property-name-camel-case',
        severity: 'warn',
        message:
          'Property "0x1F" is not camelCase. Rename it to a name that starts with a lowercase letter and has only letters and digits, so every payload uses one naming style.',
        pointer: '#/components/schemas/Pet/properties/31',
      },
      {
        ruleId: 'specgate/property-name-camel-case',
        severity: 'warn',
        message:
          'Property "0x2A" is not camelCase. Rename it to a name that starts with a lowercase letter and has only letters and digits, so every payload uses one naming style.',
        pointer: '#/components/schemas/Pet/properties/0x2A',
      },
    ]);
  });

  it('names number keys in a flow mapping as written', async () => {
    const source = spec('{ 1.50: {}, 0o17: {} }');
    expect(await lintWithRule(RULE, source)).toEqual([
      {
        ruleId: 'specgate/property-name-camel-case',
        severity: 'warn',
        message:
          'Property "0o17" is not camelCase. Rename it to a name that starts with a lowercase letter and has only letters and digits, so every payload uses one naming style.',
        pointer: '#/components/schemas/Pet/properties/15',
      },
      {
        ruleId: 'specgate/property-name-camel-case',
        severity: 'warn',
        message:
          'Property "1.50" is not camelCase. Rename it to a name that starts with a lowercase letter and has only letters and digits, so every payload uses one naming style.',
        pointer: '#/components/schemas/Pet/properties/1.5',
      },
    ]);
  });
});
