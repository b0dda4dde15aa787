import { describe, expect, it } from 'vitest';

import { lintWithRule } from '../test-support/lint-with-rule.js';

const RULE = 'query-parameter-camel-case';

function spec(parameters: string): string {
  return `
openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
paths:
  /v1/pets:
    get:
      operationId: listPets
      parameters: ${parameters}
      responses: { '200': { description: OK } }
`;
}

describe(RULE, () => {
  it('accepts camelCase query names and ignores headers', async () => {
    const parameters = `[{ name: pageSize, in: query }, { name: X-Request-Id, in: header }]`;
    expect(await lintWithRule(RULE, spec(parameters))).toEqual([]);
  });

  it('reports a snake_case query parameter', async () => {
    expect(await lintWithRule(RULE, spec('[{ name: page_size, in: query }]'))).toEqual([
      {
        ruleId: 'specgate/query-parameter-camel-case',
        severity: 'warn',
        message:
          'Query parameter "page_size" is not camelCase. Rename it, for example to "pageSize".',
        pointer: '#/paths/~1v1~1pets/get/parameters/0/name',
      },
    ]);
  });
});
