import { describe, expect, test } from 'vitest';

import { withoutRefCycles } from './ref-cycles.js';

describe('withoutRefCycles', () => {
  test('cuts the $ref that closes each cycle and keeps the rest', () => {
    const spec = {
      paths: { '/a': { get: { schema: { $ref: '#/components/schemas/Node' } } } },
      components: {
        schemas: {
          Node: {
            type: 'object',
            properties: {
              next: { $ref: '#/components/schemas/Node', description: 'the next node' },
              leaf: { $ref: '#/components/schemas/Leaf' },
              pair: { $ref: '#/components/schemas/Pair' },
            },
          },
          Leaf: { type: 'string' },
          Pair: {
            items: [{ $ref: '#/components/schemas/Leaf' }, { $ref: '#/components/schemas/Node' }],
          },
        },
      },
    };
    const result = withoutRefCycles(spec) as typeof spec;
    const node = result.components.schemas.Node.properties;
    expect(node.next).toEqual({ description: 'the next node' });
    expect(node.leaf).toEqual({ $ref: '#/components/schemas/Leaf' });
    expect(result.components.schemas.Pair.items).toEqual([
      { $ref: '#/components/schemas/Leaf' },
      {},
    ]);
    expect(spec.components.schemas.Node.properties.next.$ref).toBe('#/components/schemas/Node');
  });

  test('leaves a $ref to nothing for the comparator to report', () => {
    const spec = { a: { $ref: '#/missing' }, b: { $ref: 'other.yaml#/x' } };
    expect(withoutRefCycles(spec)).toEqual(spec);
  });
});
