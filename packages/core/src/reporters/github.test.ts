import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import type { Finding } from '../finding.js';

import { renderGithub } from './github.js';

const findings = JSON.parse(
  readFileSync(new URL('./testdata/sample-findings.json', import.meta.url), 'utf8'),
) as Finding[];

describe('renderGithub', () => {
  it('renders one command per unwaived finding', () => {
    const output = renderGithub({ command: 'check', findings, failLevel: 'error' });

    expect(output).toBe(
      [
        '::error file=specs/dogs.yaml,line=7,col=5,endLine=7,endColumn=8,title=operation-operationId::Operation object should contain `operationId` field.',
        "::error file=specs/dogs.yaml,line=22,col=17,endLine=22,endColumn=27,title=response-property-removed::Property 'name' was removed from the 200 response.",
        '::warning title=version-not-bumped::The document has breaking changes but info.version is still 1.2.0; bump the major version.',
        '',
      ].join('\n'),
    );
  });

  it('maps info to notice', () => {
    const finding: Finding = {
      kind: 'change',
      id: 'operation-added',
      level: 'info',
      message: 'Operation was added.',
      location: { file: 'api.yaml', pointer: '/paths/~1x/get', line: 4, column: 5 },
      fingerprint: '0123456789abcdef',
    };

    const output = renderGithub({ command: 'diff', findings: [finding], failLevel: 'error' });

    expect(output).toBe(
      '::notice file=api.yaml,line=4,col=5,title=operation-added::Operation was added.\n',
    );
  });

  it('escapes message and properties', () => {
    const finding: Finding = {
      kind: 'problem',
      id: 'rule:a,b',
      level: 'error',
      message: '100% wrong\r\nsecond line: a, b',
      location: { file: 'specs/a,b:c%.yaml', pointer: '/', line: 1, column: 1 },
      fingerprint: '0123456789abcdef',
    };

    const output = renderGithub({ command: 'lint', findings: [finding], failLevel: 'error' });

    expect(output).toBe(
      '::error file=specs/a%2Cb%3Ac%25.yaml,line=1,col=1,title=rule%3Aa%2Cb::100%25 wrong%0D%0Asecond line: a, b\n',
    );
  });

  it('renders nothing when all are waived', () => {
    const waived = findings.filter((finding) => finding.waived);

    expect(renderGithub({ command: 'lint', findings: waived, failLevel: 'error' })).toBe('');
  });

  it('leaves out the file of base-only changes', () => {
    const finding: Finding = {
      kind: 'change',
      id: 'operation-removed',
      level: 'error',
      message: 'Operation was removed.',
      location: null,
      baseLocation: { file: 'old.yaml', pointer: '/paths/~1x/get', line: 3, column: 5 },
      fingerprint: '0123456789abcdef',
    };

    const output = renderGithub({ command: 'diff', findings: [finding], failLevel: 'error' });

    expect(output).toBe('::error title=operation-removed::Operation was removed.\n');
  });
});
