import { describe, expect, it } from 'vitest';

import { lintWithRule } from '../test-support/lint-with-rule.js';

const RULE = 'operation-success-response';

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
  it('accepts a 2xx, a 3xx or a 2XX range', async () => {
    expect(await lintWithRule(RULE, spec(`{ '200': { description: OK } }`))).toEqual([]);
    expect(await lintWithRule(RULE, spec(`{ '303': { description: See other } }`))).toEqual([]);
    expect(await lintWithRule(RULE, spec(`{ '2XX': { description: OK } }`))).toEqual([]);
  });

  it('reports an operation with only error responses', async () => {
    const source = spec(`{ '404': { description: Not found }, default: { description: Error } }`);
    expect(await lintWithRule(RULE, source)).toEqual([
      {
        ruleId: 'specgate/operation-success-response',
        severity: 'error',
        message:
          'Operation has no success response. Document at least one 2xx or 3xx response so clients know what a successful call returns.',
        pointer: '#/paths/~1v1~1pets/get/responses',
      },
    ]);
  });
});
