import { describe, expect, it } from 'vitest';

import { lintWithRule } from '../test-support/lint-with-rule.js';

const RULE = 'operation-tags-declared';

function spec(operationTags: string): string {
  return `
openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
tags: [{ name: pets, description: Pets for sale }]
paths:
  /v1/pets:
    get: { operationId: listPets, tags: ${operationTags}, responses: { '200': { description: OK } } }
`;
}

describe(RULE, () => {
  it('accepts declared tags', async () => {
    expect(await lintWithRule(RULE, spec('[pets]'))).toEqual([]);
  });

  it('reports each undeclared tag at its place in the list', async () => {
    expect(await lintWithRule(RULE, spec('[pets, owners]'))).toEqual([
      {
        ruleId: 'specgate/operation-tags-declared',
        severity: 'warn',
        message:
          'Tag "owners" is not declared in the root `tags` list. Declare it there with a description, or use one of the declared tags.',
        pointer: '#/paths/~1v1~1pets/get/tags/1',
      },
    ]);
  });
});
