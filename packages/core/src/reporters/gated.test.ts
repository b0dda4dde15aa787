import { describe, expect, it } from 'vitest';

import { summarize } from '../finding.js';
import type { Finding } from '../finding.js';

import { renderGithub } from './github.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderStylish } from './stylish.js';
import type { ReportInput } from './types.js';

const location = {
  file: 'specs/orders/openapi.yaml',
  pointer: '/paths/~1v1~1orders',
  line: 4,
  column: 3,
};

const removal: Finding = {
  kind: 'change',
  id: 'endpoint-removed-before-sunset',
  level: 'error',
  message: 'operation removed before its sunset date 2027-06-30',
  location,
  fingerprint: 'aaaaaaaaaaaaaaaa',
  gate: { level: 'info', reason: 'the lifecycle policy judges removals' },
};

const policy: Finding = {
  kind: 'policy',
  id: 'removed-before-sunset',
  level: 'error',
  message: 'GET /v1/orders removed before its sunset 2027-06-30',
  location,
  fingerprint: 'bbbbbbbbbbbbbbbb',
};

const input: ReportInput = { command: 'check', findings: [policy, removal], failLevel: 'error' };

const note =
  '(the engine calls this error; it counts at level info because the lifecycle policy judges removals)';

describe('a finding gated below its own level', () => {
  it('counts at its gate level in the summary', () => {
    expect(summarize(input.findings)).toEqual({ error: 1, warning: 0, info: 1, waived: 0 });
  });

  it('shows the gate level and the reason in stylish', () => {
    const lines = renderStylish(input).split('\n');
    expect(lines).toContain(
      `  specs/orders/openapi.yaml:4:3  info  endpoint-removed-before-sunset  operation removed before its sunset date 2027-06-30 ${note}`,
    );
    expect(lines.slice(-3)).toEqual([
      '1 error, 0 warnings, 1 info',
      'Failed: 1 finding at level error or above.',
      '',
    ]);
  });

  it('emits a notice annotation in github', () => {
    const lines = renderGithub(input).trimEnd().split('\n');
    expect(lines[1]).toBe(
      `::notice file=specs/orders/openapi.yaml,line=4,col=3,title=endpoint-removed-before-sunset::operation removed before its sunset date 2027-06-30 ${note}`,
    );
    expect(lines[0]?.startsWith('::error ')).toBe(true);
  });

  it('counts it as info in markdown', () => {
    const text = renderMarkdown(input);
    expect(text).toContain('| error | 1 |\n| warning | 0 |\n| info | 1 |');
    expect(text).toContain('| info | `endpoint-removed-before-sunset` |');
  });

  it('passes it in junit with one level in the text', () => {
    const xml = renderJunit(input);
    expect(xml).toContain('failures="1"');
    expect(xml).toContain(
      `Not a failure: level info is below the failure level error.\ninfo endpoint-removed-before-sunset: operation removed before its sunset date 2027-06-30 ${note}`,
    );
  });

  it('gives it the note level in sarif', () => {
    const log = JSON.parse(renderSarif(input)) as {
      runs: [{ results: { ruleId: string; level: string; message: { text: string } }[] }];
    };
    const result = log.runs[0].results.find((r) => r.ruleId === 'endpoint-removed-before-sunset');
    expect(result?.level).toBe('note');
    expect(result?.message.text).toBe(
      `operation removed before its sunset date 2027-06-30 ${note}`,
    );
  });
});
