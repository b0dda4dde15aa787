import { describe, expect, it } from 'vitest';

import { lintWithRule } from '../test-support/lint-with-rule.js';

const RULE = 'deprecated-has-sunset';

const DATE_FORMS =
  'an RFC 3339 date (2026-06-30), an RFC 3339 date-time (2026-06-30T00:00:00Z) or an HTTP-date (Tue, 30 Jun 2026 00:00:00 GMT)';

function spec(sunsetLine: string): string {
  return `
openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
paths:
  /v1/pets:
    get:
      operationId: listPets
      deprecated: true
      ${sunsetLine}
      responses: { '200': { description: OK } }
`;
}

describe(RULE, () => {
  it('accepts the three date forms', async () => {
    expect(await lintWithRule(RULE, spec(`x-sunset: '2024-02-29'`))).toEqual([]);
    expect(await lintWithRule(RULE, spec(`x-sunset: 2026-06-30T12:00:00+02:00`))).toEqual([]);
    expect(await lintWithRule(RULE, spec(`x-sunset: 'Tue, 30 Jun 2026 00:00:00 GMT'`))).toEqual([]);
    expect(await lintWithRule(RULE, spec(`x-sunset: 'Sat, 01 Nov 2025 00:00:00 GMT'`))).toEqual([]);
  });

  it('ignores operations that are not deprecated', async () => {
    const source = spec('').replace('deprecated: true', 'deprecated: false');
    expect(await lintWithRule(RULE, source)).toEqual([]);
  });

  it('reports a deprecated operation without x-sunset', async () => {
    expect(await lintWithRule(RULE, spec(''))).toEqual([
      {
        ruleId: 'specgate/deprecated-has-sunset',
        severity: 'error',
        message: `Deprecated operation has no \`x-sunset\`. Add \`x-sunset\` with the date the operation will be removed, as ${DATE_FORMS}.`,
        pointer: '#/paths/~1v1~1pets/get/deprecated',
      },
    ]);
  });

  it('reports an impossible calendar date', async () => {
    expect(await lintWithRule(RULE, spec(`x-sunset: '2025-02-30'`))).toEqual([
      {
        ruleId: 'specgate/deprecated-has-sunset',
        severity: 'error',
        message: `\`x-sunset\` value "2025-02-30" is not a valid date. Write it as ${DATE_FORMS}.`,
        pointer: '#/paths/~1v1~1pets/get/x-sunset',
      },
    ]);
  });

  it('reports an HTTP-date whose weekday does not match', async () => {
    const problems = await lintWithRule(RULE, spec(`x-sunset: 'Mon, 30 Jun 2026 00:00:00 GMT'`));
    expect(problems.map((problem) => problem.message)).toEqual([
      `\`x-sunset\` value "Mon, 30 Jun 2026 00:00:00 GMT" is not a valid date. Write it as ${DATE_FORMS}.`,
    ]);
  });
});
