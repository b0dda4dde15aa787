import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import type { Finding } from '../finding.js';

import { escapeText, inlineCode, renderMarkdown } from './markdown.js';

const findings = JSON.parse(
  readFileSync(new URL('./testdata/sample-findings.json', import.meta.url), 'utf8'),
) as Finding[];

describe('renderMarkdown', () => {
  it('renders verdict, counts, file tables and waivers', () => {
    const output = renderMarkdown({ command: 'check', findings, failLevel: 'error' });

    expect(output).toBe(
      [
        '## specgate check',
        '',
        'Failed: 2 findings at level error or above.',
        '',
        '| level | count |',
        '| --- | ---: |',
        '| error | 2 |',
        '| warning | 1 |',
        '| info | 0 |',
        '| waived | 1 |',
        '',
        '### specs/dogs.yaml',
        '',
        '| level | id | operation | location | message |',
        '| --- | --- | --- | --- | --- |',
        '| error | `operation-operationId` |  | `specs/dogs.yaml:7` | Operation object should contain \\`operationId\\` field. |',
        "| error | `response-property-removed` | `GET /v1/dogs/{dogId}` | `specs/dogs.yaml:22` | Property 'name' was removed from the 200 response. |",
        '',
        '### (no location)',
        '',
        '| level | id | operation | location | message |',
        '| --- | --- | --- | --- | --- |',
        '| warning | `version-not-bumped` |  |  | The document has breaking changes but info.version is still 1.2.0; bump the major version. |',
        '',
        '<details>',
        '<summary>1 waived finding</summary>',
        '',
        '| id | location | reason | owner | expires |',
        '| --- | --- | --- | --- | --- |',
        '| `operation-description` | `specs/dogs.yaml:13` | Described in the dogs guide | team-dogs | 2026-12-31 |',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  it('renders a passing diff without tables', () => {
    const output = renderMarkdown({ command: 'diff', findings: [], failLevel: 'error' });

    expect(output).toBe(
      [
        '## specgate diff',
        '',
        'Passed: no breaking changes.',
        '',
        '| level | count |',
        '| --- | ---: |',
        '| error | 0 |',
        '| warning | 0 |',
        '| info | 0 |',
        '| waived | 0 |',
        '',
      ].join('\n'),
    );
  });

  it('escapes pipes and line breaks in cells', () => {
    const finding: Finding = {
      kind: 'change',
      id: 'parameter-removed',
      level: 'warning',
      message: 'Values a|b\nwere <removed> & *gone*',
      location: null,
      baseLocation: { file: 'old|v1.yaml', pointer: '/paths', line: 9, column: 3 },
      operation: { method: 'delete', path: '/v1/a|b', operationId: null },
      fingerprint: '0123456789abcdef',
    };

    const output = renderMarkdown({ command: 'diff', findings: [finding], failLevel: 'warning' });

    expect(output).toContain(
      '| warning | `parameter-removed` | `DELETE /v1/a\\|b` | `old\\|v1.yaml:9` (base) | Values a\\|b<br>were &lt;removed&gt; &amp; \\*gone\\* |',
    );
    expect(output).toContain('### old\\|v1.yaml');
    expect(output).toContain('Failed: 1 change at level warning or above.');
  });
});

describe('inlineCode', () => {
  it.each([
    ['plain', '`plain`'],
    ['a`b', '``a`b``'],
    ['`start', '`` `start ``'],
    ['a|b', '`a\\|b`'],
    ['two\nlines', '`two lines`'],
  ])('wraps %j as %s', (text, expected) => {
    expect(inlineCode(text)).toBe(expected);
  });
});

describe('escapeText', () => {
  it.each([
    ['a_b*c', 'a\\_b\\*c'],
    ['[link](x)', '\\[link\\](x)'],
    ['<b>&', '&lt;b&gt;&amp;'],
    ['back\\slash', 'back\\\\slash'],
    ['one\r\ntwo', 'one<br>two'],
  ])('escapes %j as %s', (text, expected) => {
    expect(escapeText(text)).toBe(expected);
  });
});
