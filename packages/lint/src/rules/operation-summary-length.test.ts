import { describe, expect, it } from 'vitest';

import { lintWithRule } from '../test-support/lint-with-rule.js';

const RULE = 'operation-summary-length';

function spec(summary: string): string {
  return `
openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
paths:
  /v1/pets:
    get: { operationId: listPets, summary: '${summary}', responses: { '200': { description: OK } } }
`;
}

describe(RULE, () => {
  it('accepts a summary of exactly 80 characters', async () => {
    expect(await lintWithRule(RULE, spec('a'.repeat(80)))).toEqual([]);
  });

  it('reports a summary of 81 characters', async () => {
    expect(await lintWithRule(RULE, spec('a'.repeat(81)))).toEqual([
      {
        ruleId: 'specgate/operation-summary-length',
        severity: 'warn',
        message:
          'Operation summary is 81 characters long, over the limit of 80. Shorten it to a title and move details to `description`.',
        pointer: '#/paths/~1v1~1pets/get/summary',
      },
    ]);
  });

  it('applies the maxLength option', async () => {
    const problems = await lintWithRule(RULE, spec('List the pets'), { maxLength: 10 });
    expect(problems.map((problem) => problem.message)).toEqual([
      'Operation summary is 13 characters long, over the limit of 10. Shorten it to a title and move details to `description`.',
    ]);
  });
});
