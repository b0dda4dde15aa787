import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SpecgateError } from './errors.js';
import { offsetToLineColumn, readSourceFile, SourceFile } from './source-file.js';

const yamlFile = (text: string): SourceFile =>
  new SourceFile({ path: '/specs/openapi.yaml', displayPath: 'openapi.yaml', text });

const jsonFile = (text: string): SourceFile =>
  new SourceFile({ path: '/specs/openapi.json', displayPath: 'openapi.json', text });

/** Runs `action` and returns the SpecgateError it throws. */
function errorOf(action: () => unknown): SpecgateError {
  try {
    action();
  } catch (error) {
    if (error instanceof SpecgateError) return error;
    throw error;
  }
  throw new Error('expected a SpecgateError, but nothing was thrown');
}

const PETS_YAML = [
  'openapi: 3.0.3',
  'info:',
  '  title: Pets',
  'paths:',
  '  "/pets/{id}":',
  '    parameters:',
  '    - in: path',
  '      name: id',
  '    - in: query',
  '      name: verbose',
  '    get:',
  '      tags:',
  '        - pets',
  '        - read',
  '      responses:',
  "        '200':",
  '          description: ok',
  '        default:',
  '          description: error',
  '',
].join('\n');

const PETS_CASES: [string, number, number][] = [
  ['', 1, 1],
  ['/openapi', 1, 1],
  ['/info', 2, 1],
  ['/info/title', 3, 3],
  ['/paths/~1pets~1{id}', 5, 3],
  ['/paths/~1pets~1{id}/parameters', 6, 5],
  ['/paths/~1pets~1{id}/parameters/0', 7, 5],
  ['/paths/~1pets~1{id}/parameters/0/in', 7, 7],
  ['/paths/~1pets~1{id}/parameters/0/name', 8, 7],
  ['/paths/~1pets~1{id}/parameters/1', 9, 5],
  ['/paths/~1pets~1{id}/parameters/1/name', 10, 7],
  ['/paths/~1pets~1{id}/get', 11, 5],
  ['/paths/~1pets~1{id}/get/tags/0', 13, 9],
  ['/paths/~1pets~1{id}/get/tags/1', 14, 9],
  ['/paths/~1pets~1{id}/get/responses/200', 16, 9],
  ['/paths/~1pets~1{id}/get/responses/200/description', 17, 11],
  ['/paths/~1pets~1{id}/get/responses/default/description', 19, 11],
];

describe('SourceFile.locate on YAML', () => {
  const file = yamlFile(PETS_YAML);

  it.each(PETS_CASES)('locates %s at %i:%i', (pointer, line, column) => {
    expect(file.locate(pointer)).toEqual({ line, column });
  });

  it('skips a byte order mark on line 1', () => {
    const file = yamlFile('\uFEFFopenapi: 3.1.0\ninfo: {title: T}\n');
    expect(file.locate('/openapi')).toEqual({ line: 1, column: 1 });
    expect(file.locate('/info/title')).toEqual({ line: 2, column: 8 });
  });

  it('skips a byte order mark in the fallback', () => {
    const file = yamlFile('\uFEFF{openapi: 3.1.0, info: {title: T}}\n');
    expect(file.locate('/info/title')).toEqual({ line: 1, column: 25 });
  });

  it('accepts the URI fragment form of a pointer', () => {
    expect(file.locate('#/paths/~1pets~1%7Bid%7D/get')).toEqual({ line: 11, column: 5 });
  });

  it('gives the same places with CRLF line endings', () => {
    const crlf = yamlFile(PETS_YAML.replace(/\n/g, '\r\n'));
    for (const [pointer, line, column] of PETS_CASES) {
      expect(crlf.locate(pointer), pointer).toEqual({ line, column });
    }
  });

  it('locates items of an indented sequence of mappings', () => {
    const tags = yamlFile(
      ['tags:', '  - name: pet', '    description: Pets', '  - name: store', ''].join('\n'),
    );
    expect(tags.locate('/tags/0')).toEqual({ line: 2, column: 3 });
    expect(tags.locate('/tags/0/description')).toEqual({ line: 3, column: 5 });
    expect(tags.locate('/tags/1')).toEqual({ line: 4, column: 3 });
    expect(tags.locate('/tags/1/name')).toEqual({ line: 4, column: 5 });
  });

  it('reads single-quoted keys with a doubled quote', () => {
    const quoted = yamlFile(["a:\n  'it''s':\n    b: 1\n  \"x\\\"y\": 2\n"].join(''));
    expect(quoted.locate("/a/it's/b")).toEqual({ line: 3, column: 5 });
    expect(quoted.locate('/a/x"y')).toEqual({ line: 4, column: 3 });
  });

  it('locates plain keys by their typed value', () => {
    const keys = yamlFile('codes:\n  0x1F: a\n  1e3: b\n  ~: c\n  +12: d\n  .inf: e\n  200: f\n');
    expect(keys.data).toEqual({
      codes: { '31': 'a', '1000': 'b', null: 'c', '12': 'd', Infinity: 'e', '200': 'f' },
    });
    expect(keys.locate('/codes/31')).toEqual({ line: 2, column: 3 });
    expect(keys.locate('/codes/1000')).toEqual({ line: 3, column: 3 });
    expect(keys.locate('/codes/null')).toEqual({ line: 4, column: 3 });
    expect(keys.locate('/codes/12')).toEqual({ line: 5, column: 3 });
    expect(keys.locate('/codes/Infinity')).toEqual({ line: 6, column: 3 });
    expect(keys.locate('/codes/200')).toEqual({ line: 7, column: 3 });
  });

  it('unescapes ~0 and ~1 in pointer segments', () => {
    const tilde = yamlFile('x-keys:\n  a~b: 1\n  c/d~e: 2\n');
    expect(tilde.locate('/x-keys/a~0b')).toEqual({ line: 2, column: 3 });
    expect(tilde.locate('/x-keys/c~1d~0e')).toEqual({ line: 3, column: 3 });
  });

  it('skips block scalar lines and finds the sibling keys after them', () => {
    const text = [
      'info:',
      '  description: |',
      '    Line one: with a colon',
      '    - not a sequence item',
      '      nested: text',
      '',
      '  title: Pets',
      '  summary: >-',
      '    folded: text',
      '  version: 1.0.0',
      '',
    ].join('\n');
    const file = yamlFile(text);
    expect(file.locate('/info/description')).toEqual({ line: 2, column: 3 });
    expect(file.locate('/info/title')).toEqual({ line: 7, column: 3 });
    expect(file.locate('/info/summary')).toEqual({ line: 8, column: 3 });
    expect(file.locate('/info/version')).toEqual({ line: 10, column: 3 });
  });

  it('skips comments and blank lines', () => {
    const text = [
      '# Leading comment',
      '',
      'openapi: 3.1.0 # trailing comment',
      'info:  # comment after the key',
      '',
      '  # indented comment',
      '  title: Pets',
      '# comment at column 1 inside the mapping',
      '  version: 1.0.0',
      'paths: {}',
      '',
    ].join('\n');
    const file = yamlFile(text);
    expect(file.locate('')).toEqual({ line: 3, column: 1 });
    expect(file.locate('/info')).toEqual({ line: 4, column: 1 });
    expect(file.locate('/info/title')).toEqual({ line: 7, column: 3 });
    expect(file.locate('/info/version')).toEqual({ line: 9, column: 3 });
    expect(file.locate('/paths')).toEqual({ line: 10, column: 1 });
  });

  it('skips a document start marker and directives', () => {
    const file = yamlFile('%YAML 1.2\n---\nopenapi: 3.1.0\ninfo:\n  title: Pets\n');
    expect(file.locate('/info/title')).toEqual({ line: 5, column: 3 });
  });

  it('falls back to the full parser inside flow collections', () => {
    const text = [
      'components:',
      '  schemas:',
      '    Pet: {type: object, required: [id, name], properties: {id: {type: integer}}}',
      '    Tags:',
      '      type: array',
      '      enum: [a, b]',
      '',
    ].join('\n');
    const file = yamlFile(text);
    expect(file.locate('/components/schemas/Pet')).toEqual({ line: 3, column: 5 });
    expect(file.locate('/components/schemas/Pet/type')).toEqual({ line: 3, column: 11 });
    expect(file.locate('/components/schemas/Pet/required')).toEqual({ line: 3, column: 25 });
    expect(file.locate('/components/schemas/Pet/required/1')).toEqual({ line: 3, column: 40 });
    expect(file.locate('/components/schemas/Pet/properties/id/type')).toEqual({
      line: 3,
      column: 65,
    });
    expect(file.locate('/components/schemas/Tags/enum/1')).toEqual({ line: 6, column: 17 });
  });

  it('falls back to the full parser after an explicit key', () => {
    const file = yamlFile('? complex\n: 1\nb:\n  c: 2\n');
    expect(file.locate('/b/c')).toEqual({ line: 4, column: 3 });
  });

  it('stops at the alias when a pointer goes through one', () => {
    const text = [
      'components:',
      '  schemas:',
      '    Base: &base',
      '      type: object',
      '    Copy: *base',
      '',
    ].join('\n');
    const file = yamlFile(text);
    expect(file.locate('/components/schemas/Base/type')).toEqual({ line: 4, column: 7 });
    expect(file.locate('/components/schemas/Copy')).toEqual({ line: 5, column: 5 });
    expect(file.locate('/components/schemas/Copy/type')).toEqual({ line: 5, column: 5 });
  });

  it('returns the deepest node found for a pointer deeper than the text', () => {
    const file = yamlFile(PETS_YAML);
    expect(file.locate('/info/title/extra')).toEqual({ line: 3, column: 3 });
    expect(file.locate('/info/missing')).toEqual({ line: 2, column: 1 });
    expect(file.locate('/paths/~1pets~1{id}/parameters/5')).toEqual({ line: 6, column: 5 });
    expect(file.locate('/paths/~1orders')).toEqual({ line: 4, column: 1 });
    expect(file.locate('/missing/deeper')).toEqual({ line: 1, column: 1 });
  });
});

const PETS_JSON = [
  '{',
  '  "openapi": "3.0.3",',
  '  "paths": {',
  '    "/pets/{id}": {',
  '      "get": {',
  '        "tags": ["pets", "read"],',
  '        "responses": {"200": {"description": "ok"}},',
  '        "x-note": "braces } ] and a quote \\" inside",',
  '        "x-last": [[1, 2], {"k": null}]',
  '      }',
  '    }',
  '  }',
  '}',
  '',
].join('\n');

const PETS_JSON_CASES: [string, number, number][] = [
  ['', 1, 1],
  ['/openapi', 2, 3],
  ['/paths', 3, 3],
  ['/paths/~1pets~1{id}', 4, 5],
  ['/paths/~1pets~1{id}/get', 5, 7],
  ['/paths/~1pets~1{id}/get/tags', 6, 9],
  ['/paths/~1pets~1{id}/get/tags/0', 6, 18],
  ['/paths/~1pets~1{id}/get/tags/1', 6, 26],
  ['/paths/~1pets~1{id}/get/responses/200', 7, 23],
  ['/paths/~1pets~1{id}/get/responses/200/description', 7, 31],
  ['/paths/~1pets~1{id}/get/x-last', 9, 9],
  ['/paths/~1pets~1{id}/get/x-last/0/1', 9, 24],
  ['/paths/~1pets~1{id}/get/x-last/1/k', 9, 29],
];

describe('SourceFile.locate on JSON', () => {
  const file = jsonFile(PETS_JSON);

  it.each(PETS_JSON_CASES)('locates %s at %i:%i', (pointer, line, column) => {
    expect(file.locate(pointer)).toEqual({ line, column });
  });

  it('gives the same places with CRLF line endings', () => {
    const crlf = jsonFile(PETS_JSON.replace(/\n/g, '\r\n'));
    for (const [pointer, line, column] of PETS_JSON_CASES) {
      expect(crlf.locate(pointer), pointer).toEqual({ line, column });
    }
  });

  it('matches keys written with escapes', () => {
    const escaped = jsonFile('{"a\\u002fb": {"c\\"d": 1}}');
    expect(escaped.locate('/a~1b/c"d')).toEqual({ line: 1, column: 15 });
  });

  it('returns the deepest node found for a pointer deeper than the text', () => {
    expect(file.locate('/paths/~1pets~1{id}/get/tags/0/extra')).toEqual({ line: 6, column: 18 });
    expect(file.locate('/paths/~1pets~1{id}/get/tags/7')).toEqual({ line: 6, column: 9 });
    expect(file.locate('/paths/~1orders/get')).toEqual({ line: 3, column: 3 });
  });

  it('locates the root after leading whitespace', () => {
    expect(jsonFile('\n\n  {"openapi": "3.1.0"}').locate('/openapi')).toEqual({
      line: 3,
      column: 4,
    });
  });

  it('skips a byte order mark on line 1', () => {
    const file = jsonFile('\uFEFF{"openapi": "3.1.0", "info": {"title": "T"}}');
    expect(file.locate('/openapi')).toEqual({ line: 1, column: 2 });
    expect(file.locate('/info/title')).toEqual({ line: 1, column: 31 });
  });

  it('places a syntax error after a byte order mark', () => {
    expect(() => jsonFile('\uFEFF{"a": 1,, "b": 2}')).toThrow(
      'openapi.json:1:9: invalid JSON (property name expected). Fix the syntax at that place.',
    );
  });
});

describe('SourceFile format and parsing', () => {
  it('detects the format from the extension, else from the first character', () => {
    const cases: [string, string, 'json' | 'yaml'][] = [
      ['spec.json', '{"a": 1}', 'json'],
      ['spec.JSON', '{"a": 1}', 'json'],
      ['spec.yaml', '{"a": 1}', 'yaml'],
      ['spec.yml', 'a: 1', 'yaml'],
      ['spec', '  {"a": 1}', 'json'],
      ['spec.txt', 'a: 1', 'yaml'],
    ];
    for (const [filePath, text, format] of cases) {
      const file = new SourceFile({ path: filePath, displayPath: filePath, text });
      expect(file.format, filePath).toBe(format);
      expect(file.data, filePath).toEqual({ a: 1 });
    }
  });

  it('keeps the path, display path and text', () => {
    const file = new SourceFile({ path: '/abs/a.yaml', displayPath: 'a.yaml', text: 'a: 1\n' });
    expect(file.path).toBe('/abs/a.yaml');
    expect(file.displayPath).toBe('a.yaml');
    expect(file.text).toBe('a: 1\n');
  });

  it('reads YAML dates and versions as the core schema does', () => {
    const file = yamlFile('expires: 2026-12-31\nopenapi: 3.0.3\nversion: 1.0\n');
    expect(file.data).toEqual({ expires: '2026-12-31', openapi: '3.0.3', version: 1 });
  });

  it('reads YAML merge keys', () => {
    const file = yamlFile(
      'base: &base\n  type: object\n  required: [id]\nPet:\n  <<: *base\n  description: A pet\n',
    );
    expect(file.data).toEqual({
      base: { type: 'object', required: ['id'] },
      Pet: { type: 'object', required: ['id'], description: 'A pet' },
    });
  });

  it('reads YAML nested deeper than 100 levels', () => {
    const lines = Array.from({ length: 150 }, (_, depth) => `${'  '.repeat(depth)}a:`);
    const file = yamlFile(`${lines.join('\n')} 1\n`);
    let node = file.data as Record<string, unknown>;
    for (let depth = 1; depth < 150; depth += 1) node = node['a'] as Record<string, unknown>;
    expect(node).toEqual({ a: 1 });
  });

  it('raises PARSE_ERROR past the depth limit', () => {
    const lines = Array.from({ length: 1100 }, (_, depth) => `${' '.repeat(depth)}a:`);
    const error = errorOf(() => yamlFile(`${lines.join('\n')} 1\n`));
    expect(error.message).toBe(
      'openapi.yaml:1000:1000: the YAML is nested more than 1,000 levels deep. Flatten it, or move deep parts into components.',
    );
  });

  it('raises PARSE_ERROR with the place of invalid YAML', () => {
    const error = errorOf(() => yamlFile('openapi: 3.0.0\ninfo:\n  title: [unclosed\n'));
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.file).toBe('openapi.yaml');
    expect(error.message).toBe(
      'openapi.yaml:4:1: invalid YAML (deficient indentation). Fix the syntax at that place.',
    );
  });

  it('raises PARSE_ERROR at a bad indentation', () => {
    const error = errorOf(() => yamlFile('openapi: 3.0.0\ninfo:\n  title: a\n   version: 1\n'));
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.message).toBe(
      'openapi.yaml:4:11: invalid YAML (bad indentation of a mapping entry). Fix the syntax at that place.',
    );
  });

  it('raises PARSE_ERROR at a second document', () => {
    const error = errorOf(() => yamlFile('# spec\nopenapi: 3.0.0\npaths: {}\n---\nfoo: 1\n'));
    expect(error.message).toBe(
      'openapi.yaml:4:1: invalid YAML (expected a single document in the stream, but found more). Fix the syntax at that place.',
    );
  });

  it('raises PARSE_ERROR on a duplicate YAML key', () => {
    const error = errorOf(() => yamlFile('openapi: 3.0.0\nopenapi: 3.1.0\n'));
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.message).toBe(
      'openapi.yaml:2:1: invalid YAML (duplicated mapping key). Fix the syntax at that place.',
    );
  });

  it('raises PARSE_ERROR with the place of invalid JSON', () => {
    const error = errorOf(() => jsonFile('{\n  "openapi": "3.0.0"\n  "info": {}\n}\n'));
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.file).toBe('openapi.json');
    expect(error.message).toBe(
      'openapi.json:3:3: invalid JSON (comma expected). Fix the syntax at that place.',
    );
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('raises PARSE_ERROR at a trailing comma in JSON', () => {
    const error = errorOf(() => jsonFile('{\n  "openapi": "3.0.0",\n}\n'));
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.message).toBe(
      'openapi.json:3:1: invalid JSON (property name expected). Fix the syntax at that place.',
    );
  });

  it('raises EMPTY_FILE for an empty or blank file', () => {
    for (const text of ['', '  \n\n\t\n']) {
      const error = errorOf(() => yamlFile(text));
      expect(error.code).toBe('EMPTY_FILE');
      expect(error.file).toBe('openapi.yaml');
      expect(error.message).toBe(
        'openapi.yaml: the file is empty. Write an OpenAPI document in it, or pass another file.',
      );
    }
  });
});

describe('readSourceFile', () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'specgate-core-source-'));
    await writeFile(path.join(directory, 'openapi.yaml'), 'openapi: 3.1.0\n');
    await mkdir(path.join(directory, 'specs'));
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('reads and parses a file', async () => {
    const file = await readSourceFile(path.join(directory, 'openapi.yaml'), 'openapi.yaml');
    expect(file.data).toEqual({ openapi: '3.1.0' });
    expect(file.displayPath).toBe('openapi.yaml');
  });

  it('raises FILE_NOT_FOUND for a missing file', async () => {
    const error = await readSourceFile(path.join(directory, 'nope.yaml'), 'nope.yaml').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SpecgateError);
    expect((error as SpecgateError).code).toBe('FILE_NOT_FOUND');
    expect((error as SpecgateError).message).toBe(
      'nope.yaml: file not found. Check the path, or create the file.',
    );
  });

  it('raises NOT_A_FILE for a directory', async () => {
    const error = await readSourceFile(path.join(directory, 'specs'), 'specs').catch(
      (caught: unknown) => caught,
    );
    expect((error as SpecgateError).code).toBe('NOT_A_FILE');
    expect((error as SpecgateError).message).toBe(
      "specs: is a directory, not a file. Pass the spec's root file, e.g. specs/openapi.yaml.",
    );
  });
});

describe('offsetToLineColumn', () => {
  it('converts offsets to 1-based places', () => {
    const text = 'ab\ncd\r\nef';
    expect(offsetToLineColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(offsetToLineColumn(text, 2)).toEqual({ line: 1, column: 3 });
    expect(offsetToLineColumn(text, 3)).toEqual({ line: 2, column: 1 });
    expect(offsetToLineColumn(text, 7)).toEqual({ line: 3, column: 1 });
    expect(offsetToLineColumn(text, 5)).toEqual({ line: 2, column: 3 });
  });
});

describe('YAML alias expansion', () => {
  // Nine levels of ten aliases each expand to 10^9 leaves: the "billion laughs" file.
  const laughs = (first: string): string => {
    const lines = [`${first}a0: &a0 [lol]`];
    for (let level = 1; level <= 9; level += 1) {
      const aliases = Array.from({ length: 10 }, () => `*a${level - 1}`).join(', ');
      lines.push(`a${level}: &a${level} [${aliases}]`);
    }
    return `${lines.join('\n')}\n`;
  };

  it('rejects aliases that expand past the limit, with the counts', () => {
    expect(errorOf(() => yamlFile(laughs(''))).message).toBe(
      'openapi.yaml: YAML aliases expand 11 distinct nodes to 2,345,679,012. Replace the nested aliases with plain content.',
    );
  });

  it('finds an anchor right after a flow indicator', () => {
    // Each anchor follows `[` here, with no space before it.
    const text = laughs('').replace(/: &(a\d) \[(.*)\]$/gm, ': [&$1 [$2]]');
    expect(text).toContain('a9: [&a9 [*a8, ');
    expect(errorOf(() => yamlFile(text)).message).toMatch(
      /^openapi\.yaml: YAML aliases expand 21 distinct nodes to /,
    );
  });

  // A mapping of 100 entries named by `uses` aliases, each of which expands to 101 nodes.
  const repeated = (uses: number): string => {
    const entries = Array.from({ length: 100 }, (_, index) => `  k${index}: ${index}`);
    const aliases = Array.from({ length: uses }, (_, index) => `u${index}: *b`);
    return ['base: &b', ...entries, ...aliases, ''].join('\n');
  };

  it('rejects a mapping repeated past the limit', () => {
    expect(errorOf(() => yamlFile(repeated(3000))).message).toBe(
      'openapi.yaml: YAML aliases expand 2 distinct nodes to 303,102. Replace the nested aliases with plain content.',
    );
  });

  it('accepts a mapping repeated under the limit', () => {
    const data = yamlFile(repeated(1000)).data as Record<string, unknown>;
    expect(Object.keys(data)).toHaveLength(1001);
    expect(data['u999']).toBe(data['base']);
  });

  it('reads prose with & and * as plain text', () => {
    const file = yamlFile('description: Rock & roll, **bold** and *em*\nsummary: a&b *c\n');
    expect(file.data).toEqual({ description: 'Rock & roll, **bold** and *em*', summary: 'a&b *c' });
  });
});
