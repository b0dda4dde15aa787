import { describe, expect, it } from 'vitest';

import { lintWithRule } from '../test-support/lint-with-rule.js';

const RULE = 'operation-has-tag';

const MESSAGE =
  'Operation has no tag. Add at least one tag from the root `tags` list; documentation and generated clients group operations by tag.';

describe(RULE, () => {
  it('accepts an operation with a tag', async () => {
    const source = `
openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
paths:
  /v1/pets:
    get: { operationId: listPets, tags: [pets], responses: { '200': { description: OK } } }
`;
    expect(await lintWithRule(RULE, source)).toEqual([]);
  });

  it('reports missing and empty tag lists', async () => {
    const source = `
openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
paths:
  /v1/pets:
    get: { operationId: listPets, responses: { '200': { description: OK } } }
    post: { operationId: createPet, tags: [], responses: { '201': { description: Created } } }
`;
    expect(await lintWithRule(RULE, source)).toEqual([
      {
        ruleId: 'specgate/operation-has-tag',
        severity: 'warn',
        message: MESSAGE,
        pointer: '#/paths/~1v1~1pets/get',
      },
      {
        ruleId: 'specgate/operation-has-tag',
        severity: 'warn',
        message: MESSAGE,
        pointer: '#/paths/~1v1~1pets/post/tags',
      },
    ]);
  });
});
