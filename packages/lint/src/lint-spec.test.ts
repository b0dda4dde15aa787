import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { SpecgateError } from '@specgate/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { lintSpec } from './lint-spec.js';

const ROOT = `openapi: 3.1.0
info:
  title: Pets
  version: 1.0.0
  license:
    name: MIT
    url: https://opensource.org/license/mit
servers:
  - url: https://api.example.org
security:
  - bearer: []
tags:
  - name: pets
    description: Pets for adoption.
paths:
  /v1/pets:
    $ref: ./paths/pets.yaml
components:
  securitySchemes:
    bearer:
      type: http
      scheme: bearer
  schemas:
    Problem:
      type: object
`;

const PETS = `get:
  operationId: list_pets
  summary: List pets
  tags: [pets]
  parameters:
    - name: page_size
      in: query
      schema:
        type: integer
  responses:
    '200':
      description: The pets.
    '400':
      description: Invalid request.
      content:
        application/problem+json:
          schema:
            $ref: ../openapi.yaml#/components/schemas/Problem
`;

let directory = '';
let rootFile = '';

async function writeSpec(files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(directory, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
}

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'specgate-lint-'));
  rootFile = path.join(directory, 'openapi.yaml');
  await writeSpec({ 'openapi.yaml': ROOT, 'paths/pets.yaml': PETS });
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const relative = (absolutePath: string) => path.relative(directory, absolutePath);

describe('lintSpec', () => {
  it('locates problems in a file reached by $ref', async () => {
    const { findings } = await lintSpec(rootFile, { displayPath: relative });

    expect(findings.map((finding) => finding.id)).toEqual([
      'specgate/operation-id-camel-case',
      'specgate/query-parameter-camel-case',
    ]);
    expect(findings[0]).toEqual({
      kind: 'problem',
      id: 'specgate/operation-id-camel-case',
      level: 'error',
      message: '`operationId` "list_pets" is not camelCase. Rename it, for example to "listPets".',
      location: {
        file: 'paths/pets.yaml',
        pointer: '/get/operationId',
        line: 2,
        column: 16,
        endLine: 2,
        endColumn: 25,
      },
      operation: { method: 'GET', path: '/v1/pets', operationId: 'list_pets' },
      fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(findings[1]?.level).toBe('warning');
    expect(findings[1]?.location).toEqual({
      file: 'paths/pets.yaml',
      pointer: '/get/parameters/0/name',
      line: 6,
      column: 13,
      endLine: 6,
      endColumn: 22,
    });
  });

  it('writes nothing to stdout or stderr', async () => {
    const stdout = vi.spyOn(process.stdout, 'write');
    const stderr = vi.spyOn(process.stderr, 'write');
    try {
      await lintSpec(rootFile, { extends: ['all'] });
      expect(stdout).not.toHaveBeenCalled();
      expect(stderr).not.toHaveBeenCalled();
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  });

  it('keeps the fingerprint when the problem moves to another line', async () => {
    const before = await lintSpec(rootFile, { displayPath: relative });
    await writeSpec({ 'paths/pets.yaml': `# moved down by a comment\n${PETS}` });
    const after = await lintSpec(rootFile, { displayPath: relative });
    await writeSpec({ 'paths/pets.yaml': PETS });

    expect(after.findings[0]?.location?.line).toBe(3);
    expect(after.findings[0]?.fingerprint).toBe(before.findings[0]?.fingerprint);
  });

  it('applies severity overrides', async () => {
    const { findings } = await lintSpec(rootFile, {
      rules: {
        'specgate/operation-id-camel-case': 'off',
        'specgate/query-parameter-camel-case': 'error',
      },
    });
    expect(findings.map((finding) => [finding.id, finding.level])).toEqual([
      ['specgate/query-parameter-camel-case', 'error'],
    ]);
  });

  it('carries the docs link of Redocly built-in rules', async () => {
    const { findings } = await lintSpec(rootFile, { rules: { 'operation-description': 'warn' } });
    const described = findings.find((finding) => finding.id === 'operation-description');
    expect(described?.docsUrl).toBe('https://redocly.com/docs/cli/rules/oas/operation-description');
    expect(described?.location?.pointer).toBe('/get/description');
    expect(described?.operation).toEqual({
      method: 'GET',
      path: '/v1/pets',
      operationId: 'list_pets',
    });
  });

  it('rejects an unknown rule name with CONFIG_INVALID', async () => {
    const error = await lintSpec(rootFile, {
      rules: { 'specgate/path-version-prefx': 'off' },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SpecgateError);
    expect((error as SpecgateError).code).toBe('CONFIG_INVALID');
    expect((error as SpecgateError).message).toBe(
      'unknown lint rule "specgate/path-version-prefx" in rules. Did you mean "specgate/path-version-prefix"? specgate rules are named "specgate/<rule>"; Redocly\'s built-in rules have no prefix.',
    );
  });

  it('rejects an unknown preset with CONFIG_INVALID', async () => {
    await expect(lintSpec(rootFile, { extends: ['strict'] })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message:
        'unknown lint preset "strict" in extends. Use one of: specgate, specgate-strict, recommended, recommended-strict, minimal, all, spec.',
    });
  });

  it('raises FILE_NOT_FOUND for a missing root file', async () => {
    await expect(
      lintSpec(path.join(directory, 'missing.yaml'), { displayPath: relative }),
    ).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
      message: 'missing.yaml: file not found. Check the path.',
    });
  });

  it('raises NOT_OPENAPI for a YAML file that is not OpenAPI', async () => {
    await writeSpec({ 'other.yaml': 'name: not a spec\n' });
    await expect(
      lintSpec(path.join(directory, 'other.yaml'), { displayPath: relative }),
    ).rejects.toMatchObject({
      code: 'NOT_OPENAPI',
      message:
        'other.yaml: Unsupported specification. Pass an OpenAPI 3.x or Swagger 2.0 root file.',
    });
  });

  it('raises PARSE_ERROR with the line of a YAML syntax error', async () => {
    await writeSpec({ 'broken.yaml': 'openapi: 3.1.0\ninfo: [unclosed\n' });
    const error = (await lintSpec(path.join(directory, 'broken.yaml'), {
      displayPath: relative,
    }).catch((caught: unknown) => caught)) as SpecgateError;
    expect(error).toBeInstanceOf(SpecgateError);
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.message).toMatch(/^broken\.yaml:3:1: invalid YAML or JSON \(/);
  });

  it('reports a referenced file with invalid YAML at the syntax error', async () => {
    await writeSpec({
      'bad-ref.yaml': ROOT.replace('./paths/pets.yaml', './paths/broken.yaml'),
      'paths/broken.yaml': 'get:\n  operationId: [unclosed\n',
    });
    const { findings } = await lintSpec(path.join(directory, 'bad-ref.yaml'), {
      displayPath: relative,
    });
    const parseProblem = findings.find((finding) => finding.message.startsWith('Failed to parse'));
    expect(parseProblem?.id).toBe('no-unresolved-refs');
    expect(parseProblem?.location).toMatchObject({
      file: 'paths/broken.yaml',
      pointer: '',
      line: 3,
    });
    expect(parseProblem?.operation).toBeNull();
  });

  it('reports a remote $ref instead of fetching it', async () => {
    await writeSpec({
      'remote.yaml': ROOT.replace(
        '$ref: ./paths/pets.yaml',
        '$ref: https://specs.example.org/pets.yaml',
      ),
    });
    const { findings } = await lintSpec(path.join(directory, 'remote.yaml'), {
      displayPath: relative,
    });
    expect(
      findings.map((finding) => [finding.id, finding.location?.pointer, finding.message]),
    ).toEqual([
      [
        'no-unresolved-refs',
        '/paths/~1v1~1pets',
        "Can't resolve $ref: remote reference https://specs.example.org/pets.yaml is not fetched; vendor the file and use a relative $ref, or lint with allowRemote: true",
      ],
      [
        'no-unused-components',
        '/components/schemas/Problem',
        'Component: "Problem" is never used.',
      ],
    ]);
  });
});
