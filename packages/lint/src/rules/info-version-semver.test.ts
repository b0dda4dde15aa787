import { describe, expect, it } from 'vitest';

import { lintWithRule } from '../test-support/lint-with-rule.js';

const RULE = 'info-version-semver';

function spec(version: string): string {
  return `
openapi: 3.1.0
info: { title: Pets, version: ${version} }
paths: {}
`;
}

describe(RULE, () => {
  it.each(['1.0.0', "'2.10.3-beta.1+build.7'", '0.1.0-rc1'])('accepts %s', async (version) => {
    expect(await lintWithRule(RULE, spec(version))).toEqual([]);
  });

  it('reports a two-part version', async () => {
    expect(await lintWithRule(RULE, spec("'1.0'"))).toEqual([
      {
        ruleId: 'specgate/info-version-semver',
        severity: 'error',
        message:
          '`info.version` "1.0" is not a semantic version. Use MAJOR.MINOR.PATCH, for example "1.4.0", and quote it in YAML.',
        pointer: '#/info/version',
      },
    ]);
  });

  it.each(['01.2.3', "'v1.2.3'", "'2024-05-01'"])('reports %s', async (version) => {
    const problems = await lintWithRule(RULE, spec(version));
    expect(problems.map((problem) => problem.pointer)).toEqual(['#/info/version']);
  });
});
