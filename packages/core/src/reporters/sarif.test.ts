import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

import type { Finding } from '../finding.js';

import { renderSarif, toArtifactUri } from './sarif.js';

const findings = JSON.parse(
  readFileSync(new URL('./testdata/sample-findings.json', import.meta.url), 'utf8'),
) as Finding[];

// The SARIF 2.1.0 JSON schema (revision rtm.5, draft-04) as @microsoft/jest-sarif ships it.
const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;

// `strict: false` because the schema itself fails Ajv's strict checks (it lists required
// properties it does not define), and `unicodeRegExp: false` because one of its patterns is
// not a valid regular expression under the `u` flag. Both Ajv packages are CommonJS, so under
// NodeNext their classes are reached through `.default`.
const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validateSarif = ajv.compile(schema);

describe('renderSarif', () => {
  it('produces a log valid against the SARIF 2.1.0 schema', () => {
    const log: unknown = JSON.parse(
      renderSarif({ command: 'check', findings, failLevel: 'error', toolVersion: '0.1.0' }),
    );

    expect(validateSarif(log)).toBe(true);
    expect(validateSarif.errors ?? []).toEqual([]);
  });

  it('rejects a log that breaks the schema', () => {
    const badLevel = JSON.parse(renderSarif({ command: 'check', findings, failLevel: 'error' }));
    badLevel.runs[0].results[0].level = 'fatal';
    const badUri = JSON.parse(renderSarif({ command: 'check', findings, failLevel: 'error' }));
    badUri.runs[0].tool.driver.rules[0].helpUri = 'not a uri';

    expect(validateSarif(badLevel)).toBe(false);
    expect(validateSarif(badUri)).toBe(false);
  });

  it('renders driver, rules and results', () => {
    const output = renderSarif({
      command: 'check',
      findings,
      failLevel: 'error',
      toolVersion: '0.1.0',
    });
    const log = JSON.parse(output);

    expect(output.endsWith('}\n')).toBe(true);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].tool.driver).toEqual({
      name: 'specgate',
      version: '0.1.0',
      rules: [
        {
          id: 'operation-operationId',
          shortDescription: { text: 'operation-operationId' },
          helpUri: 'https://docs.example.com/rules/operation-operationId',
          defaultConfiguration: { level: 'error' },
        },
        {
          id: 'response-property-removed',
          shortDescription: { text: 'response-property-removed' },
          defaultConfiguration: { level: 'error' },
        },
        {
          id: 'version-not-bumped',
          shortDescription: { text: 'version-not-bumped' },
          defaultConfiguration: { level: 'warning' },
        },
        {
          id: 'operation-description',
          shortDescription: { text: 'operation-description' },
          defaultConfiguration: { level: 'warning' },
        },
      ],
    });
    expect(log.runs[0].results).toEqual([
      {
        ruleId: 'operation-operationId',
        ruleIndex: 0,
        level: 'error',
        message: { text: 'Operation object should contain `operationId` field.' },
        partialFingerprints: { 'specgate/v1': '3f2a9c41d07be815' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'specs/dogs.yaml' },
              region: { startLine: 7, startColumn: 5, endLine: 7, endColumn: 8 },
            },
          },
        ],
      },
      {
        ruleId: 'response-property-removed',
        ruleIndex: 1,
        level: 'error',
        message: { text: "Property 'name' was removed from the 200 response." },
        partialFingerprints: { 'specgate/v1': 'b7d04e6a1c93f258' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'specs/dogs.yaml' },
              region: { startLine: 22, startColumn: 17, endLine: 22, endColumn: 27 },
            },
          },
        ],
        relatedLocations: [
          {
            id: 0,
            physicalLocation: {
              artifactLocation: { uri: 'specs/dogs.base.yaml' },
              region: { startLine: 25, startColumn: 19 },
            },
            message: { text: 'Location in the base version' },
          },
        ],
        properties: {
          operation: { method: 'GET', path: '/v1/dogs/{dogId}', operationId: 'getDog' },
        },
      },
      {
        ruleId: 'version-not-bumped',
        ruleIndex: 2,
        level: 'warning',
        message: {
          text: 'The document has breaking changes but info.version is still 1.2.0; bump the major version.',
        },
        partialFingerprints: { 'specgate/v1': '5e81c2d9a4f06b37' },
      },
      {
        ruleId: 'operation-description',
        ruleIndex: 3,
        level: 'warning',
        message: { text: 'Operation object should contain `description` field.' },
        partialFingerprints: { 'specgate/v1': 'c4e9170b3d2a86f5' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'specs/dogs.yaml' },
              region: { startLine: 13, startColumn: 5, endLine: 13, endColumn: 8 },
            },
          },
        ],
        suppressions: [
          {
            kind: 'external',
            status: 'accepted',
            justification: 'Described in the dogs guide',
            properties: { owner: 'team-dogs', expires: '2026-12-31' },
          },
        ],
      },
    ]);
  });

  it('reuses one rule for repeated ids and maps info to note', () => {
    const finding = (line: number): Finding => ({
      kind: 'change',
      id: 'operation-added',
      level: 'info',
      message: 'Operation was added.',
      location: { file: 'api.yaml', pointer: '/paths', line, column: 3 },
      fingerprint: `000000000000000${line}`,
    });

    const log = JSON.parse(
      renderSarif({ command: 'diff', findings: [finding(4), finding(9)], failLevel: 'error' }),
    );

    expect(validateSarif(log)).toBe(true);
    expect(log.runs[0].tool.driver.rules).toHaveLength(1);
    expect(log.runs[0].tool.driver.rules[0].defaultConfiguration).toEqual({ level: 'note' });
    expect(log.runs[0].tool.driver.version).toBeUndefined();
    expect(log.runs[0].results.map((result: { ruleIndex: number }) => result.ruleIndex)).toEqual([
      0, 0,
    ]);
    expect(log.runs[0].results[1].level).toBe('note');
  });

  it('renders an empty run', () => {
    const log = JSON.parse(renderSarif({ command: 'lint', findings: [], failLevel: 'error' }));

    expect(validateSarif(log)).toBe(true);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].tool.driver.rules).toEqual([]);
  });
});

describe('toArtifactUri', () => {
  it.each([
    ['specs/dogs.yaml', 'specs/dogs.yaml'],
    ['./specs/dogs.yaml', 'specs/dogs.yaml'],
    ['specs\\windows\\dogs.yaml', 'specs/windows/dogs.yaml'],
    ['specs/my dogs#1.yaml', 'specs/my%20dogs%231.yaml'],
    ['../shared/pets.yaml', '../shared/pets.yaml'],
    ['/srv/specs/dogs.yaml', 'file:///srv/specs/dogs.yaml'],
    ['C:\\specs\\dogs.yaml', 'file:///C:/specs/dogs.yaml'],
  ])('maps %s to %s', (file, uri) => {
    expect(toArtifactUri(file)).toBe(uri);
  });
});
