import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import type { Finding } from '../finding.js';

import { renderStylish } from './stylish.js';
import type { ReportInput } from './types.js';

const findings = JSON.parse(
  readFileSync(new URL('./testdata/sample-findings.json', import.meta.url), 'utf8'),
) as Finding[];
const dogsYaml = readFileSync(new URL('./testdata/dogs.yaml', import.meta.url), 'utf8');

const readSource = (file: string): string | undefined =>
  file === 'specs/dogs.yaml' ? dogsYaml : undefined;

const baseInput: ReportInput = { command: 'check', findings, failLevel: 'error' };

describe('renderStylish', () => {
  it('renders groups, code frames, waivers and summary', () => {
    const expected = [
      'specs/dogs.yaml',
      '  specs/dogs.yaml:7:5  error  operation-operationId  Operation object should contain `operationId` field.',
      '      5 | paths:',
      '      6 |   /v1/dogs:',
      '    > 7 |     get:',
      '        |     ^^^',
      '      8 |       summary: List dogs',
      '      9 |       responses:',
      '',
      "  specs/dogs.yaml:22:17  error  response-property-removed  GET /v1/dogs/{dogId}  Property 'name' was removed from the 200 response.",
      '      20 |               schema:',
      '      21 |                 type: object',
      '    > 22 |                 properties:',
      '         |                 ^^^^^^^^^^',
      '      23 |                   id:',
      '      24 |                     type: string',
      '',
      '(no location)',
      '  warning  version-not-bumped  The document has breaking changes but info.version is still 1.2.0; bump the major version.',
      '',
      'waived',
      '  specs/dogs.yaml:13:5  operation-description  Described in the dogs guide (owner team-dogs, expires 2026-12-31)',
      '',
      '2 errors, 1 warning, 0 info (1 waived)',
      'Failed: 2 findings at level error or above.',
      '',
    ].join('\n');

    expect(renderStylish({ ...baseInput, readSource })).toBe(expected);
  });

  it('omits code frames without source', () => {
    const expected = [
      'specs/dogs.yaml',
      '  specs/dogs.yaml:7:5  error  operation-operationId  Operation object should contain `operationId` field.',
      "  specs/dogs.yaml:22:17  error  response-property-removed  GET /v1/dogs/{dogId}  Property 'name' was removed from the 200 response.",
      '',
      '(no location)',
      '  warning  version-not-bumped  The document has breaking changes but info.version is still 1.2.0; bump the major version.',
      '',
      'waived',
      '  specs/dogs.yaml:13:5  operation-description  Described in the dogs guide (owner team-dogs, expires 2026-12-31)',
      '',
      '2 errors, 1 warning, 0 info (1 waived)',
      'Failed: 2 findings at level error or above.',
      '',
    ].join('\n');

    expect(renderStylish(baseInput)).toBe(expected);
  });

  it('renders an empty run', () => {
    const output = renderStylish({ command: 'lint', findings: [], failLevel: 'warning' });

    expect(output).toBe(
      '0 errors, 0 warnings, 0 info\nPassed: no problems at level warning or above.\n',
    );
  });

  it('names breaking changes and base locations for diff', () => {
    const removed: Finding = {
      kind: 'change',
      id: 'operation-removed',
      level: 'error',
      message: 'Operation was removed.',
      location: null,
      baseLocation: { file: 'old.yaml', pointer: '/paths/~1v1~1cats/get', line: 3, column: 5 },
      operation: { method: 'get', path: '/v1/cats', operationId: null },
      fingerprint: '0011223344556677',
    };

    const output = renderStylish({ command: 'diff', findings: [removed], failLevel: 'error' });

    expect(output).toBe(
      [
        'old.yaml',
        '  old.yaml:3:5 (base)  error  operation-removed  GET /v1/cats  Operation was removed.',
        '',
        '1 error, 0 warnings, 0 info',
        'Failed: 1 breaking change.',
        '',
      ].join('\n'),
    );
  });

  it('keeps tabs in the caret line', () => {
    const finding: Finding = {
      kind: 'problem',
      id: 'no-tabs',
      level: 'info',
      message: 'Tab found.',
      location: { file: 'a.yaml', pointer: '/x', line: 1, column: 3 },
      fingerprint: '8899aabbccddeeff',
    };

    const output = renderStylish({
      command: 'lint',
      findings: [finding],
      failLevel: 'error',
      readSource: () => '\tx: 1\n',
    });

    expect(output.split('\n').slice(1, 4)).toEqual([
      '  a.yaml:1:3  info  no-tabs  Tab found.',
      '    > 1 | \tx: 1',
      '        | \t ^',
    ]);
  });

  it('colours only when asked', () => {
    const plain = renderStylish(baseInput);
    const coloured = renderStylish({ ...baseInput, color: true });

    expect(plain).not.toContain('\u001b[');
    expect(coloured.startsWith('\u001b[4mspecs/dogs.yaml\u001b[24m\n')).toBe(true);
    expect(coloured).toContain('\u001b[31merror\u001b[39m');
    expect(coloured).toContain('\u001b[31mFailed: 2 findings at level error or above.\u001b[39m');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });

  it('never truncates long messages', () => {
    const message = 'x'.repeat(5000);
    const finding: Finding = {
      kind: 'policy',
      id: 'long',
      level: 'warning',
      message,
      location: null,
      fingerprint: 'ffeeddccbbaa9988',
    };

    const output = renderStylish({ command: 'check', findings: [finding], failLevel: 'error' });

    expect(output).toContain(`  warning  long  ${message}\n`);
  });
});
