import { describe, expect, it } from 'vitest';

import { SpecgateError } from './errors.js';
import { listOperations } from './operations.js';
import { getAtPointer, toPointer } from './pointer.js';
import { SourceFile } from './source-file.js';
import { displayPathOf, loadSpec } from './spec-document.js';

const yamlFile = (text: string, name = 'openapi.yaml'): SourceFile =>
  new SourceFile({ path: `/api/${name}`, displayPath: name, text });

function errorOf(action: () => unknown): SpecgateError {
  try {
    action();
  } catch (error) {
    if (error instanceof SpecgateError) return error;
    throw error;
  }
  throw new Error('expected a SpecgateError');
}

describe('locate in unusual YAML', () => {
  it('finds flow collections on their own lines', () => {
    const file = yamlFile('a:\n  b:\n    {\n      "c": 1\n    }\n  g:\n    [1,\n     2]\n');
    expect(file.locate('/a/b/c')).toEqual({ line: 4, column: 7 });
    expect(file.locate('/a/g/1')).toEqual({ line: 8, column: 6 });
  });

  it('finds keys in JSON saved as YAML', () => {
    const file = yamlFile('{\n  "openapi": "3.0.0",\n  "info": {"title": "x"}\n}\n', 'x.yaml');
    expect(file.locate('/info/title')).toEqual({ line: 3, column: 12 });
  });

  it('finds quoted keys with a space before the colon', () => {
    const file = yamlFile('"a" : 1\nb : 2\n\'c\' :\n  d: 1\n');
    expect(file.locate('/c')).toEqual({ line: 3, column: 1 });
    expect(file.locate('/c/d')).toEqual({ line: 4, column: 3 });
    expect(file.locate('/b')).toEqual({ line: 2, column: 1 });
  });

  it('puts fallback sequence items at their dash', () => {
    const file = yamlFile('? a\n: 1\nb:\n- x: 1\n  y: 2\n');
    expect(file.locate('/b/0')).toEqual({ line: 4, column: 1 });
    expect(file.locate('/b/0/y')).toEqual({ line: 5, column: 3 });
  });
});

describe('parse edge cases', () => {
  it('places JSON errors on Node 20', () => {
    const error = errorOf(
      () =>
        new SourceFile({
          path: '/api/openapi.json',
          displayPath: 'openapi.json',
          text: '{\n  "a": 1,\n  "b": }\n',
        }),
    );
    expect(error.message).toBe(
      'openapi.json:3:8: invalid JSON (value expected). Fix the syntax at that place.',
    );
  });

  it('reads JSON that starts with a byte order mark', () => {
    const file = new SourceFile({
      path: '/api/openapi.json',
      displayPath: 'openapi.json',
      text: '\uFEFF{"openapi": "3.0.3"}',
    });
    expect(file.data).toEqual({ openapi: '3.0.3' });
  });

  it('treats a comment-only spec as empty', () => {
    const error = errorOf(() => yamlFile('# only a comment\n'));
    expect(error.code).toBe('EMPTY_FILE');
  });

  it('keeps percent signs in plain pointers', () => {
    expect(getAtPointer({ 'a%41b': 1 }, toPointer(['a%41b']))).toBe(1);
    expect(getAtPointer({ 'a b': 2 }, '#/a%20b')).toBe(2);
  });

  it('shows folders named like ..a relative', () => {
    expect(displayPathOf('/repo/..a/b.yaml', '/repo')).toBe('..a/b.yaml');
    expect(displayPathOf('/elsewhere/b.yaml', '/repo')).toBe('/elsewhere/b.yaml');
  });
});

describe('loading edge cases', () => {
  const load = (files: Record<string, string>) =>
    loadSpec('/api/openapi.yaml', {
      cwd: '/api',
      reader: {
        read: async (absolutePath: string) => {
          const name = absolutePath.slice('/api/'.length);
          const text = files[name];
          if (text === undefined)
            throw new SpecgateError('FILE_NOT_FOUND', `${name}: file not found.`);
          return new SourceFile({ path: absolutePath, displayPath: name, text });
        },
      },
    });

  it('follows a ref in a property named example', async () => {
    const document = await load({
      'openapi.yaml':
        "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Pet:\n      properties:\n        example: {$ref: 'pet-example.yaml'}\n",
      'pet-example.yaml': 'type: string\n',
    });
    expect([...document.files.keys()].sort()).toEqual([
      '/api/openapi.yaml',
      '/api/pet-example.yaml',
    ]);
  });

  it('skips refs inside example values', async () => {
    const document = await load({
      'openapi.yaml':
        "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  examples:\n    One:\n      value:\n        $ref: 'data-not-a-ref.yaml'\n",
    });
    expect([...document.files.keys()]).toEqual(['/api/openapi.yaml']);
  });

  it('accepts unquoted swagger 2.0', async () => {
    const document = await load({
      'openapi.yaml': 'swagger: 2.0\ninfo: {title: T, version: "1"}\npaths: {}\n',
    });
    expect(document.version).toBe('2.0');
  });

  it('explains an unquoted openapi number', async () => {
    const error = await load({
      'openapi.yaml': 'openapi: 3.0\ninfo: {title: T, version: "1"}\npaths: {}\n',
    }).catch((caught: unknown) => caught);
    expect((error as SpecgateError).message).toBe(
      "openapi.yaml: unsupported version (openapi: 3, a number). specgate reads OpenAPI 3.0, 3.1 and Swagger 2.0; convert the document to one of them. Quote the value, e.g. openapi: '3.0.3'.",
    );
  });

  it('maps 2.0 collection formats', async () => {
    const document = await load({
      'openapi.yaml': `swagger: '2.0'
info: {title: T, version: '1'}
paths:
  /pets:
    get:
      parameters:
        - {name: tags, in: query, type: array, items: {type: string}}
        - {name: ids, in: query, type: array, items: {type: string}, collectionFormat: pipes}
        - {name: X-Trace, in: header, type: string}
      responses:
        '200': {description: ok}
`,
    });
    const parameters = listOperations(document)[0]?.parameters.map((parameter) => [
      parameter.name,
      parameter.style,
      parameter.explode,
    ]);
    expect(parameters).toEqual([
      ['tags', 'form', false],
      ['ids', 'pipeDelimited', false],
      ['X-Trace', 'simple', false],
    ]);
  });
});
