import { describe, expect, it } from 'vitest';

import { lintWithRule } from '../test-support/lint-with-rule.js';

const RULE = 'request-body-json';

function spec(content: string): string {
  return `
openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
paths:
  /v1/pets:
    post:
      operationId: createPet
      requestBody: { content: ${content} }
      responses: { '201': { description: Created } }
`;
}

describe(RULE, () => {
  it.each([
    '{ application/json: {} }',
    "{ 'application/json; charset=utf-8': {} }",
    '{ application/merge-patch+json: {} }',
    '{ multipart/form-data: {} }',
    '{ application/x-www-form-urlencoded: {}, text/csv: {} }',
  ])('accepts %s', async (content) => {
    expect(await lintWithRule(RULE, spec(content))).toEqual([]);
  });

  it('reports a body offered only as XML and CSV', async () => {
    expect(await lintWithRule(RULE, spec('{ application/xml: {}, text/csv: {} }'))).toEqual([
      {
        ruleId: 'specgate/request-body-json',
        severity: 'error',
        message:
          'Request body offers only `application/xml`, `text/csv`. Also accept `application/json`, a `+json` media type or a form media type, or list the media type in the rule option `allowedMediaTypes`.',
        pointer: '#/paths/~1v1~1pets/post/requestBody/content',
      },
    ]);
  });

  it('accepts media types listed in allowedMediaTypes', async () => {
    const source = spec('{ application/octet-stream: {} }');
    const options = { allowedMediaTypes: ['application/octet-stream'] };
    expect(await lintWithRule(RULE, source, options)).toEqual([]);
    expect((await lintWithRule(RULE, source)).length).toBe(1);
  });
});
