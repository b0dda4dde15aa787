import { fileURLToPath } from 'node:url';

import { child, loadSpec, rootNode } from '@specgate/core';
import { expect, test } from 'vitest';

import { specFromText } from '../../../test/support/in-memory-spec.js';
import { SchemaConverter } from './schema-object.js';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

test('3.0 nullable, exclusive bounds and refs become 2020-12', async () => {
  const document = await specFromText({
    'openapi.yaml': `openapi: 3.0.3
info: { title: t, version: '1' }
paths: {}
components:
  schemas:
    Pet:
      type: object
      required: [name]
      discriminator: { propertyName: kind }
      example: { name: x }
      properties:
        name: { type: string, nullable: true }
        age: { type: integer, minimum: 0, exclusiveMinimum: true }
        kind: { type: string, enum: [cat, dog], nullable: true }
        owner: { $ref: '#/components/schemas/Owner' }
        tuple: { type: array, items: [{ type: string }] }
    Owner: { allOf: [{ $ref: '#/components/schemas/Pet' }], nullable: true }
`,
  });
  const converter = new SchemaConverter(document);
  const schema = converter.convert({
    value: { $ref: '#/components/schemas/Pet' },
    file: document.rootFile,
    pointer: '/x',
  });
  expect(schema).toEqual({ $ref: '#/$defs/Pet' });
  expect(converter.definitions.get('Pet')).toEqual({
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: ['string', 'null'] },
      age: { type: 'integer', exclusiveMinimum: 0 },
      kind: { type: ['string', 'null'], enum: ['cat', 'dog', null] },
      owner: { $ref: '#/$defs/Owner' },
      tuple: { type: 'array', prefixItems: [{ type: 'string' }] },
    },
  });
  expect(converter.definitions.get('Owner')).toEqual({
    anyOf: [{ type: 'null' }, { allOf: [{ $ref: '#/$defs/Pet' }] }],
  });
});

test('refs into other files get their own definitions', async () => {
  const document = await loadSpec('specs/customers/openapi.yaml', { cwd: REPO_ROOT });
  const converter = new SchemaConverter(document);
  const schema = converter.convert({
    value: { $ref: 'schemas/customer.yaml#/Customer' },
    file: document.rootFile,
    pointer: '/x',
  });
  expect(schema).toEqual({ $ref: '#/$defs/Customer' });
  expect([...converter.definitions.keys()]).toEqual(['Customer', 'NewCustomer']);
  expect(converter.definitions.get('NewCustomer')).toMatchObject({
    properties: { phone: { type: ['string', 'null'], maxLength: 32 } },
  });
  expect(converter.definitions.get('Customer')).toMatchObject({
    allOf: [
      { $ref: '#/$defs/NewCustomer' },
      { properties: { referredBy: { $ref: '#/$defs/Customer' } } },
    ],
  });
});

test('Swagger 2.0 parameters keep only schema keywords', async () => {
  const document = await specFromText({
    'swagger.yaml': `swagger: '2.0'
info: { title: t, version: '1' }
paths: {}
parameters:
  limit: { name: limit, in: query, required: true, type: integer, maximum: 50, x-nullable: true }
`,
  });
  const converter = new SchemaConverter(document);
  const node = child(child(rootNode(document), 'parameters')!, 'limit')!;
  expect(converter.convertSwagger2Parameter(node)).toEqual({
    type: ['integer', 'null'],
    maximum: 50,
  });
});
