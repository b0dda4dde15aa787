import { describe, expect, test } from 'vitest';

import { isRootSpecText } from './discover.js';

const sorted = JSON.stringify(
  {
    components: { schemas: { Note: { description: 'n'.repeat(5000) } } },
    info: { title: 'Notes', version: '1.0.0' },
    openapi: '3.0.3',
    paths: {},
  },
  null,
  2,
);

describe('isRootSpecText', () => {
  test.each([
    ['YAML with openapi first', 'openapi: 3.0.3\ninfo: {}\n'],
    ['Swagger 2.0 YAML', 'swagger: "2.0"\n'],
    ['YAML with openapi after 4 KB', `info:\n  description: ${'d'.repeat(5000)}\nopenapi: 3.1.0\n`],
    ['minified JSON', '{"openapi":"3.0.3","info":{},"paths":{}}'],
    ['JSON with sorted keys', sorted],
    ['JSON with a byte order mark', '\ufeff{"swagger":"2.0"}'],
    ['YAML with a byte order mark', '\ufeffopenapi: 3.0.3\n'],
    ['pretty JSON with openapi first', JSON.stringify({ openapi: '3.1.0', info: {} }, null, 2)],
    ['broken JSON that names the key', '{"openapi":"3.0.3",'],
  ])('root spec: %s', (_, text) => {
    expect(isRootSpecText(text)).toBe(true);
  });

  test.each([
    ['an empty file', ''],
    ['YAML without the key', 'title: x\n'],
    ['YAML with the key nested past 4 KB', `info:\n  d: ${'d'.repeat(5000)}\n  openapi: 3.0.3\n`],
    ['JSON with the key nested', `{"components":{"x":"${'x'.repeat(5000)}","openapi":"3.0.3"}}`],
    ['a JSON array', '["openapi"]'],
    ['a YAML schema with an openapi property', 'Pet:\n  openapi: 3.0.0\n  type: object\n'],
    ['a YAML block scalar', 'x: |\n openapi: 3.0.0\n'],
    [
      'a pretty JSON schema with an openapi property',
      JSON.stringify({ type: 'object', properties: { openapi: { type: 'string' } } }, null, 2),
    ],
  ])('not a root spec: %s', (_, text) => {
    expect(isRootSpecText(text)).toBe(false);
  });
});
