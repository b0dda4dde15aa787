import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

import { toPointer } from './pointer.js';
import { SourceFile } from './source-file.js';

interface Expected {
  pointer: string;
  line: number;
  column: number;
}

/**
 * Lists every pointer of a document with the place the `yaml` package's full parser gives
 * for it. That place is the key of a mapping member, the `-` of a block sequence item, and
 * the value of a flow sequence item, which includes every JSON array item.
 */
function referencePlaces(text: string): Expected[] {
  const lines = new LineCounter();
  const document = parseDocument(text, {
    lineCounter: lines,
    keepSourceTokens: true,
    uniqueKeys: false,
  });
  expect(document.errors).toEqual([]);
  const places: Expected[] = [];
  const add = (segments: (string | number)[], offset: number): void => {
    const place = lines.linePos(offset);
    places.push({ pointer: toPointer(segments), line: place.line, column: place.col });
  };
  const visit = (node: unknown, segments: (string | number)[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) throw new Error('the reference walk handles scalar keys only');
        const keyOffset = pair.key.range?.[0] as number;
        const childSegments = [...segments, String(pair.key.value)];
        add(childSegments, keyOffset);
        visit(pair.value, childSegments);
      }
      return;
    }
    if (!isSeq(node)) return;
    const token = node.srcToken;
    node.items.forEach((item, index) => {
      const childSegments = [...segments, index];
      if (token?.type === 'block-seq') {
        const dash = token.items[index]?.start.find((part) => part.type === 'seq-item-ind');
        if (!dash) throw new Error(`no "-" found for item ${toPointer(childSegments)}`);
        add(childSegments, dash.offset);
      } else {
        add(childSegments, (item as Node).range?.[0] as number);
      }
      visit(item, childSegments);
    });
  };
  visit(document.contents, []);
  return places;
}

/** Returns the pointers where `SourceFile.locate` differs from the reference. */
function disagreements(file: SourceFile, expected: readonly Expected[]): string[] {
  return expected
    .map((place) => ({ place, actual: file.locate(place.pointer) }))
    .filter(({ place, actual }) => actual.line !== place.line || actual.column !== place.column)
    .map(
      ({ place, actual }) =>
        `${place.pointer}: expected ${place.line}:${place.column}, got ${actual.line}:${actual.column}`,
    );
}

const fixture = (name: string): string =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

describe('locate on swagger-petstore-v3.yaml', () => {
  const text = fixture('swagger-petstore-v3.yaml');
  const file = new SourceFile({ path: 'openapi.yaml', displayPath: 'openapi.yaml', text });
  const expected = referencePlaces(text);

  it('covers every key and item of the file', () => {
    expect(expected).toHaveLength(862);
  });

  it('agrees with the yaml package for every pointer', () => {
    expect(disagreements(file, expected)).toEqual([]);
  });

  it.each([
    ['/openapi', 1, 1],
    ['/info/description', 4, 3],
    ['/info/termsOfService', 13, 3],
    ['/servers/0', 24, 3],
    ['/servers/0/url', 24, 5],
    ['/tags/0/externalDocs/url', 30, 7],
    ['/paths/~1pet/put/requestBody/content/application~1x-www-form-urlencoded', 55, 11],
    ['/paths/~1pet~1findByStatus/get/parameters/0/schema/enum/2', 139, 15],
    ['/paths/~1pet~1findByStatus/get/security/0', 159, 9],
    ['/paths/~1pet~1findByStatus/get/security/0/petstore_auth', 159, 11],
    ['/paths/~1pet~1findByStatus/get/security/0/petstore_auth/1', 161, 13],
    ['/paths/~1pet~1{petId}/post/parameters/1/in', 252, 11],
    ['/paths/~1pet~1{petId}/post/responses/200', 262, 9],
    ['/components/schemas/Order/properties/status/enum/1', 695, 13],
    ['/components/schemas/Pet/properties/photoUrls/xml/wrapped', 777, 13],
  ])('locates %s at %i:%i', (pointer, line, column) => {
    expect(file.locate(pointer)).toEqual({ line, column });
  });
});

describe('locate on petstore-expanded.json', () => {
  const text = fixture('petstore-expanded.json');
  const file = new SourceFile({
    path: 'petstore-expanded.json',
    displayPath: 'petstore-expanded.json',
    text,
  });
  const expected = referencePlaces(text);

  it('covers every key and item of the file', () => {
    expect(expected).toHaveLength(159);
  });

  it('agrees with the yaml package for every pointer', () => {
    expect(disagreements(file, expected)).toEqual([]);
  });

  it.each([
    ['', 1, 1],
    ['/openapi', 2, 3],
    ['/servers/0', 19, 5],
    ['/servers/0/url', 20, 7],
    ['/paths/~1pets/get/parameters/0/schema/items', 37, 15],
    ['/paths/~1pets~1{id}', 117, 5],
    ['/components/schemas/Pet/allOf/1/required/0', 199, 15],
  ])('locates %s at %i:%i', (pointer, line, column) => {
    expect(file.locate(pointer)).toEqual({ line, column });
  });
});

describe('locate on hand-written YAML forms', () => {
  const forms: Record<string, string> = {
    'indentless sequence':
      'paths:\n  /a:\n    parameters:\n    - in: path\n      name: id\n    - in: query\n      name: q\n    get:\n      x: 1\n',
    'quoted keys':
      "r:\n  '200':\n    d: 1\n  \"/pets/{id}\":\n    get: {}\n  'it''s':\n    a: 1\n  \"esc\\\"q\": 2\n",
    'flow collections': 'a:\n  b: {c: 1, d: [x, {e: 2}]}\n  f: [1, 2]\n',
    'block scalars':
      'info:\n  description: |\n    foo: bar\n    - x\n\n    baz: 1\n  title: t\n  summary: >-\n    a: b\n  version: 1\n',
    'block scalar in a sequence': 'a:\n- |\n  b: 1\n- c: 2\n',
    'block scalar with an indentation indicator': 'a:\n  b: |2\n     x: 1\n  c: 2\n',
    comments:
      '# top\n\nopenapi: 3.0.0 # c\n# mid\ninfo:   # trailing\n\n  # indented comment\n  title: x\n# col0 comment inside\n  version: 1\n',
    'CRLF line endings': 'a:\r\n  b:\r\n  - c: 1\r\n    d: 2\r\n  e: |\r\n    x: 1\r\n  f: 3\r\n',
    'sequences of sequences': 'a:\n  - - 1\n    - 2\n  - - x: 1\n      y: 2\n',
    'item content on the next line': 'a:\n  -\n    x: 1\n  -\n    - 2\n',
    'anchors and tags':
      'a: &A\n  x: 1\nb: *A\nc: &C [1]\nd:\n  - &D\n    y: 2\n  - !!map\n    z: 3\ne: &E !!map\n  f: 1\n',
    'document markers': '%YAML 1.2\n--- # c\na:\n  b: 1\n...\n',
    'sequence at the root': '- a: 1\n  b: 2\n- c\n',
    'hash inside keys and values': 'a#b: 1\nc: "x # y"\nd:\n  e: 1\n',
    'multi-line quoted scalar': 'a: "this is\n  b: text"\nc: 1\n',
    'empty values': 'a:\nb:\n  c:\n  d: 1\n',
    'deep indentation': 'a:\n      b:\n        c: 1\n      d: 2\n',
    'colons in values': 'servers:\n- url: http://x:8080/a\n  description: d\n',
    'numeric keys': 'r:\n  200:\n    d: 1\n  2XX:\n    d: 2\n  default:\n    d: 3\n',
    'leading blank lines': '\n\n  a: 1\n  b:\n    c: 2\n',
    'sequence after a key with a comment': 'a: # c\n- 1\n- 2\nb: 1\n',
    'quoted keys holding colons': '\'a:b\': 1\n"c: d": 2\n',
  };

  it.each(Object.entries(forms))('agrees with the yaml package: %s', (_, text) => {
    const file = new SourceFile({ path: 'form.yaml', displayPath: 'form.yaml', text });
    const expected = referencePlaces(text);
    expect(expected.length).toBeGreaterThan(0);
    expect(disagreements(file, expected)).toEqual([]);
  });
});
