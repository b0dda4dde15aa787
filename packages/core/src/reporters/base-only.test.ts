import { describe, expect, it } from 'vitest';

import type { Finding } from '../finding.js';

import { renderGithub } from './github.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderStylish } from './stylish.js';

/** A removed operation located in the base version that `check --base main` read from git. */
const removed: Finding = {
  kind: 'change',
  id: 'endpoint-removed-without-deprecation',
  level: 'error',
  message: 'operation removed without being deprecated first',
  location: {
    file: 'specs/pets.yaml',
    ref: 'main',
    pointer: '/paths/~1pets/get',
    line: 9,
    column: 5,
  },
  fingerprint: '0123456789abcdef',
};

const anchored: Finding = {
  ...removed,
  revisionAnchor: { file: 'specs/pets.yaml', pointer: '/paths/~1pets', line: 8, column: 3 },
};

const input = (finding: Finding) => ({
  command: 'check',
  findings: [finding],
  failLevel: 'error' as const,
});

describe('base-only findings', () => {
  it('stylish shows the base path with the revision and reads no source', () => {
    const output = renderStylish({ ...input(removed), readSource: () => 'paths:\n' });
    expect(output.split('\n').slice(0, 2)).toEqual([
      'specs/pets.yaml',
      '  specs/pets.yaml:9:5 (base main)  error  endpoint-removed-without-deprecation  operation removed without being deprecated first',
    ]);
  });

  it('markdown marks the location cell with the revision', () => {
    expect(renderMarkdown(input(removed))).toContain(
      '| error | `endpoint-removed-without-deprecation` |  | `specs/pets.yaml:9` (base main) | operation removed without being deprecated first |',
    );
  });

  it('github annotates the anchor, or no file without one', () => {
    expect(renderGithub(input(anchored))).toBe(
      '::error file=specs/pets.yaml,line=8,col=3,title=endpoint-removed-without-deprecation::operation removed without being deprecated first (in main: specs/pets.yaml:9:5)\n',
    );
    expect(renderGithub(input(removed))).toBe(
      '::error title=endpoint-removed-without-deprecation::operation removed without being deprecated first (in main: specs/pets.yaml:9:5)\n',
    );
  });

  it('sarif places the result at the anchor, or nowhere without one', () => {
    const result = (finding: Finding) =>
      (
        JSON.parse(renderSarif(input(finding))) as {
          runs: { results: Record<string, unknown>[] }[];
        }
      ).runs[0]?.results[0];
    expect(result(anchored)?.['locations']).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'specs/pets.yaml' },
          region: { startLine: 8, startColumn: 3 },
        },
      },
    ]);
    expect(result(removed)?.['locations']).toBeUndefined();
    expect(result(removed)?.['relatedLocations']).toEqual([
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: 'specs/pets.yaml' },
          region: { startLine: 9, startColumn: 5 },
        },
        message: { text: 'Location in the base version (main)' },
      },
    ]);
  });

  it('junit links the anchor, or no line without one', () => {
    expect(renderJunit(input(anchored))).toContain(
      'classname="specs/pets.yaml" file="specs/pets.yaml" line="8">',
    );
    const plain = renderJunit(input(removed));
    expect(plain).toContain(
      '<testcase name="endpoint-removed-without-deprecation /paths/~1pets/get" classname="specs/pets.yaml">',
    );
    expect(plain).toContain('location: specs/pets.yaml:9:5 (base main) /paths/~1pets/get');
  });
});
