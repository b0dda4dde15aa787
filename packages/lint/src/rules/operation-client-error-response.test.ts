import { describe, expect, it } from 'vitest';

import { lintWithRule } from '../test-support/lint-with-rule.js';

const RULE = 'operation-client-error-response';

function spec(responses: string): string {
  return `
openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
paths:
  /v1/pets:
    get: { operationId: listPets, responses: ${responses} }
`;
}

describe(RULE, () => {
  it('accepts a 4xx, a 4XX range or a default response', async () => {
    const ok = `'200': { description: OK }`;
    expect(await lintWithRule(RULE, spec(`{ ${ok}, '404': { description: No } }`))).toEqual([]);
    expect(await lintWithRule(RULE, spec(`{ ${ok}, '4XX': { description: No } }`))).toEqual([]);
    expect(await lintWithRule(RULE, spec(`{ ${ok}, default: { description: No } }`))).toEqual([]);
  });

  it('reports an operation with only 2xx and 5xx responses', async () => {
    const source = spec(`{ '200': { description: OK }, '500': { description: Failed } }`);
    expect(await lintWithRule(RULE, source)).toEqual([
      {
        ruleId: 'specgate/operation-client-error-response',
        severity: 'error',
        message:
          'Operation has no client error response. Document at least one 4xx response, a `4XX` range or a `default` response so clients know how invalid requests fail.',
        pointer: '#/paths/~1v1~1pets/get/responses',
      },
    ]);
  });
});
