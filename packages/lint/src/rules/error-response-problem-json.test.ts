import { describe, expect, it } from 'vitest';

import { lintWithRule } from '../test-support/lint-with-rule.js';

const RULE = 'error-response-problem-json';

describe(RULE, () => {
  it('accepts problem+json error bodies and error responses without a body', async () => {
    const source = `
openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
paths:
  /v1/pets:
    get:
      operationId: listPets
      responses:
        '200': { description: OK, content: { application/json: { schema: { type: array } } } }
        '404': { description: Not found }
        default:
          description: Error
          content:
            application/problem+json: { schema: { $ref: '#/components/schemas/Problem' } }
components:
  schemas:
    Problem: { type: object }
`;
    expect(await lintWithRule(RULE, source)).toEqual([]);
  });

  it('reports a JSON error body and a problem+json body without schema', async () => {
    const source = `
openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
paths:
  /v1/pets:
    get:
      operationId: listPets
      responses:
        '200': { description: OK }
        '400': { description: Bad request, content: { application/json: { schema: { type: object } } } }
        5XX: { description: Failed, content: { application/problem+json: {} } }
`;
    expect(await lintWithRule(RULE, source)).toEqual([
      {
        ruleId: 'specgate/error-response-problem-json',
        severity: 'error',
        message:
          'Error response body is `application/json` but not `application/problem+json`. Describe error bodies as `application/problem+json` (RFC 9457 problem details) with a schema.',
        pointer: '#/paths/~1v1~1pets/get/responses/400/content',
      },
      {
        ruleId: 'specgate/error-response-problem-json',
        severity: 'error',
        message:
          'Error response media type `application/problem+json` has no `schema`. Add a schema for the problem details object, for example a shared `Problem` component.',
        pointer: '#/paths/~1v1~1pets/get/responses/5XX/content/application~1problem+json',
      },
    ]);
  });

  it('reports a shared response component once, at the component', async () => {
    const source = `
openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
paths:
  /v1/pets:
    get:
      operationId: listPets
      responses: { '200': { description: OK }, '404': { $ref: '#/components/responses/NotFound' } }
  /v1/owners:
    get:
      operationId: listOwners
      responses: { '200': { description: OK }, '404': { $ref: '#/components/responses/NotFound' } }
components:
  responses:
    NotFound:
      description: Not found
      content: { text/plain: { schema: { type: string } } }
`;
    expect(await lintWithRule(RULE, source)).toEqual([
      {
        ruleId: 'specgate/error-response-problem-json',
        severity: 'error',
        message:
          'Error response body is `text/plain` but not `application/problem+json`. Describe error bodies as `application/problem+json` (RFC 9457 problem details) with a schema.',
        pointer: '#/components/responses/NotFound/content',
      },
    ]);
  });
});
