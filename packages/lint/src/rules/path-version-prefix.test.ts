import { describe, expect, it } from 'vitest';

import { lintWithRule } from '../test-support/lint-with-rule.js';

const RULE = 'path-version-prefix';

function spec(serverUrl: string, path: string): string {
  return `
openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
servers: [{ url: '${serverUrl}' }]
paths:
  ${path}:
    get: { operationId: listPets, responses: { '200': { description: OK } } }
`;
}

const unversionedProblem = {
  ruleId: 'specgate/path-version-prefix',
  severity: 'error',
  message:
    'Path `/pets` does not start with a major version segment such as `/v1/`. Prefix the path with the version, or set the rule option `allowServerVersion: true` and end every server URL with `/v{n}`.',
  pointer: '#/paths/~1pets',
};

describe(RULE, () => {
  it('accepts paths under /v{n}/', async () => {
    expect(await lintWithRule(RULE, spec('https://api.example.org', '/v2/pets'))).toEqual([]);
  });

  it('reports a path without a version segment', async () => {
    expect(await lintWithRule(RULE, spec('https://api.example.org', '/pets'))).toEqual([
      unversionedProblem,
    ]);
  });

  it('does not take /v1beta or /version as a version segment', async () => {
    const problems = await lintWithRule(RULE, spec('https://api.example.org', '/v1beta/pets'));
    expect(problems.map((problem) => problem.pointer)).toEqual(['#/paths/~1v1beta~1pets']);
  });

  it('accepts the version in every server URL when allowed', async () => {
    const source = spec('https://api.example.org/v1', '/pets');
    expect(await lintWithRule(RULE, source, { allowServerVersion: true })).toEqual([]);
  });

  it('reports when allowed but the server URL has no version', async () => {
    const source = spec('https://api.example.org', '/pets');
    expect(await lintWithRule(RULE, source, { allowServerVersion: true })).toEqual([
      unversionedProblem,
    ]);
  });

  it('reads the Swagger 2.0 basePath as the server URL', async () => {
    const source = `
swagger: '2.0'
info: { title: Pets, version: 1.0.0 }
basePath: /v3
paths:
  /pets:
    get: { operationId: listPets, responses: { '200': { description: OK } } }
`;
    expect(await lintWithRule(RULE, source, { allowServerVersion: true })).toEqual([]);
    expect(await lintWithRule(RULE, source)).toEqual([unversionedProblem]);
  });
});
