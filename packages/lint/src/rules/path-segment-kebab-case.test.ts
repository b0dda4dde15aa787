import { describe, expect, it } from 'vitest';

import { lintWithRule } from '../test-support/lint-with-rule.js';

const RULE = 'path-segment-kebab-case';

function spec(path: string): string {
  return `
openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
paths:
  ${path}:
    get: { operationId: getItem, responses: { '200': { description: OK } } }
`;
}

describe(RULE, () => {
  it('accepts kebab-case segments and camelCase parameters', async () => {
    expect(await lintWithRule(RULE, spec('/v1/pet-owners/{ownerId}/pets'))).toEqual([]);
  });

  it('reports a camelCase segment', async () => {
    expect(await lintWithRule(RULE, spec('/v1/petOwners'))).toEqual([
      {
        ruleId: 'specgate/path-segment-kebab-case',
        severity: 'warn',
        message:
          'In path `/v1/petOwners`, segments `petOwners` are not kebab-case (use `pet-owners`). Rename them; the parameter names must change in the parameter definitions too.',
        pointer: '#/paths/~1v1~1petOwners',
      },
    ]);
  });

  it('reports segments and parameters in one problem', async () => {
    expect(await lintWithRule(RULE, spec('/v1/Pet_Owners/{owner_id}'))).toEqual([
      {
        ruleId: 'specgate/path-segment-kebab-case',
        severity: 'warn',
        message:
          'In path `/v1/Pet_Owners/{owner_id}`, segments `Pet_Owners` are not kebab-case (use `pet-owners`), and path parameters `{owner_id}` are not camelCase (use `{ownerId}`). Rename them; the parameter names must change in the parameter definitions too.',
        pointer: '#/paths/~1v1~1Pet_Owners~1{owner_id}',
      },
    ]);
  });
});
