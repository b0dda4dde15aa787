import { describe, expect, it } from 'vitest';

import { SourceLocations } from './source-locations.js';

const YAML = [
  'openapi: 3.1.0',
  'paths:',
  '  /pets:',
  '    get:',
  "      'operationId': list_pets # old name",
  '      tags:',
  '        - pets',
  '      responses: {}',
  '',
].join('\n');

const JSON_TEXT =
  '{\n  "paths": {\n    "/pets": {\n      "get": { "operationId": "listPets" },\n      "put": {\n        "tags": ["a"]\n      }\n    }\n  }\n}\n';

const MINIFIED = '{"paths":{"/p":{"get":{"schema":{"type":"string","example":1080}}}}}';

const FLOW_YAML = 'paths:\n  /p: {get: {schema: {type: string, example: 1080, format: int}}}\n';

const TEXTS: Record<string, string> = {
  'a.yaml': YAML,
  'a.json': JSON_TEXT,
  'min.json': MINIFIED,
  'flow.yaml': FLOW_YAML,
  'bom.yaml': '\uFEFFopenapi: 3.1.0\n',
  'bom.json': '\uFEFF{"openapi": "3.1.0"}',
  'keys.yaml': 'properties:\n  0x1F: {}\n  "0x2A" : {}\n  flow: {0o17: 1}\n',
};

const locations = new SourceLocations((file) => TEXTS[file]);

describe('SourceLocations', () => {
  it('covers a scalar value without its comment', () => {
    expect(locations.range('a.yaml', '/paths/~1pets/get/operationId', false)).toEqual({
      line: 5,
      column: 22,
      endLine: 5,
      endColumn: 31,
    });
  });

  it('covers a quoted key when reporting on the key', () => {
    expect(locations.range('a.yaml', '/paths/~1pets/get/operationId', true)).toEqual({
      line: 5,
      column: 7,
      endLine: 5,
      endColumn: 20,
    });
  });

  it('covers the key of a block value', () => {
    expect(locations.range('a.yaml', '/paths/~1pets/get/tags', false)).toEqual({
      line: 6,
      column: 7,
      endLine: 6,
      endColumn: 11,
    });
  });

  it('ends a minified JSON number', () => {
    const column = MINIFIED.indexOf('1080') + 1;
    expect(locations.range('min.json', '/paths/~1p/get/schema/example', false)).toEqual({
      line: 1,
      column,
      endLine: 1,
      endColumn: column + 4,
    });
  });

  it('ends a flow mapping value', () => {
    const column = (FLOW_YAML.split('\n')[1] ?? '').indexOf('1080') + 1;
    expect(locations.range('flow.yaml', '/paths/~1p/get/schema/example', false)).toEqual({
      line: 2,
      column,
      endLine: 2,
      endColumn: column + 4,
    });
  });

  it('covers a sequence item after its dash', () => {
    expect(locations.range('a.yaml', '/paths/~1pets/get/tags/0', false)).toEqual({
      line: 7,
      column: 11,
      endLine: 7,
      endColumn: 15,
    });
  });

  it('covers a JSON string value without the comma', () => {
    expect(locations.range('a.json', '/paths/~1pets/get/operationId', false)).toEqual({
      line: 4,
      column: 31,
      endLine: 4,
      endColumn: 41,
    });
  });

  it('covers the key of a JSON object spanning lines', () => {
    expect(locations.range('a.json', '/paths/~1pets/put', false)).toEqual({
      line: 5,
      column: 7,
      endLine: 5,
      endColumn: 12,
    });
  });

  it('skips a YAML byte order mark', () => {
    expect(locations.range('bom.yaml', '/openapi', true)).toEqual({
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 8,
    });
    expect(locations.range('bom.yaml', '/openapi', false)).toEqual({
      line: 1,
      column: 10,
      endLine: 1,
      endColumn: 15,
    });
  });

  it('skips a JSON byte order mark', () => {
    expect(locations.range('bom.json', '/openapi', true)).toEqual({
      line: 1,
      column: 2,
      endLine: 1,
      endColumn: 11,
    });
    expect(locations.range('bom.json', '/openapi', false)).toEqual({
      line: 1,
      column: 13,
      endLine: 1,
      endColumn: 20,
    });
  });

  it('reads keys as the file writes them', () => {
    expect(locations.keyText('keys.yaml', '/properties/31')).toBe('0x1F');
    expect(locations.keyText('keys.yaml', '/properties/0x2A')).toBe('"0x2A"');
    expect(locations.keyText('keys.yaml', '/properties/flow/15')).toBe('0o17');
    expect(locations.keyText('missing.yaml', '/properties/31')).toBeNull();
  });

  it('returns null for a file it has no text of', () => {
    expect(locations.range('missing.yaml', '/paths', false)).toBeNull();
  });
});
