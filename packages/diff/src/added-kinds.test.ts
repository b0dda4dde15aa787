import { describe, expect, test } from 'vitest';

import { diffTexts } from '../../../test/support/diff-texts.js';

function search(parameter: string, responseSchema = '{ type: string }'): string {
  return `openapi: 3.0.3
info: { title: Search, version: 1.0.0 }
paths:
  /v1/search:
    get:
      operationId: search
      parameters:
        - ${parameter}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: ${responseSchema}
`;
}

const diff = diffTexts;

const QUERY = '{ name: q, in: query, schema: { type: string } }';
const RESPONSE_SCHEMA = '/paths/~1v1~1search/get/responses/200/content/application~1json/schema';

describe('parameter location and encoding', () => {
  test('parameter moved from query to header is one error', async () => {
    const changes = await diff(
      search(QUERY),
      search('{ name: q, in: header, schema: { type: string } }'),
    );
    expect(changes).toEqual([
      {
        id: 'request-parameter-in-changed',
        level: 'error',
        operation: 'GET /v1/search',
        pointer: '/paths/~1v1~1search/get/parameters/0',
      },
    ]);
  });

  test('allowReserved removed is a warning and added is information', async () => {
    const reserved = '{ name: q, in: query, allowReserved: true, schema: { type: string } }';
    expect(await diff(search(reserved), search(QUERY))).toEqual([
      {
        id: 'request-parameter-allow-reserved-removed',
        level: 'warning',
        operation: 'GET /v1/search',
        pointer: '/paths/~1v1~1search/get/parameters/0',
      },
    ]);
    expect((await diff(search(QUERY), search(reserved))).map((change) => change.id)).toEqual([
      'request-parameter-allow-reserved-added',
    ]);
  });
});

describe('discriminator mapping and extensible enums', () => {
  const pet = (mapping: string) =>
    `{ oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: kind, mapping: ${mapping} } }`;
  const components = `components:
  schemas:
    Cat: { type: object, properties: { kind: { type: string } } }
    Dog: { type: object, properties: { kind: { type: string } } }
`;

  test('discriminator value mapped elsewhere is a warning', async () => {
    const changes = await diff(
      search(QUERY, pet("{ cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' }")) +
        components,
      search(QUERY, pet("{ cat: '#/components/schemas/Dog', dog: '#/components/schemas/Dog' }")) +
        components,
    );
    expect(changes).toEqual([
      {
        id: 'response-body-discriminator-mapping-changed',
        level: 'warning',
        operation: 'GET /v1/search',
        pointer: RESPONSE_SCHEMA,
      },
    ]);
  });

  test('x-extensible-enum value added to a response is information', async () => {
    const changes = await diff(
      search(QUERY, '{ type: string, x-extensible-enum: [open, closed] }'),
      search(QUERY, '{ type: string, x-extensible-enum: [open, closed, archived] }'),
    );
    expect(changes).toEqual([
      {
        id: 'response-body-extensible-enum-value-added',
        level: 'info',
        operation: 'GET /v1/search',
        pointer: RESPONSE_SCHEMA,
      },
    ]);
  });

  test('x-extensible-enum value removed from a request is a warning', async () => {
    const changes = await diff(
      search('{ name: q, in: query, schema: { type: string, x-extensible-enum: [a, b] } }'),
      search('{ name: q, in: query, schema: { type: string, x-extensible-enum: [a] } }'),
    );
    expect(changes).toEqual([
      {
        id: 'request-parameter-extensible-enum-value-removed',
        level: 'warning',
        operation: 'GET /v1/search',
        pointer: '/paths/~1v1~1search/get/parameters/0/schema',
      },
    ]);
  });
});

describe('explode on single values', () => {
  test('explode change of a boolean parameter is no change', async () => {
    const changes = await diff(
      search('{ name: q, in: query, schema: { type: boolean } }'),
      search('{ name: q, in: query, explode: false, schema: { type: boolean } }'),
    );
    expect(changes).toEqual([]);
  });

  test('explode change of an array parameter is an error', async () => {
    const changes = await diff(
      search('{ name: q, in: query, schema: { type: array, items: { type: string } } }'),
      search(
        '{ name: q, in: query, explode: false, schema: { type: array, items: { type: string } } }',
      ),
    );
    expect(changes.map((change) => [change.id, change.level])).toEqual([
      ['request-parameter-explode-changed', 'error'],
    ]);
  });
});

describe('oneOf members matched by likeness', () => {
  const pets = (members: string) => `openapi: 3.0.3
info: { title: Pets, version: 1.0.0 }
paths:
  /v1/pets:
    post:
      operationId: addPet
      requestBody:
        content:
          application/json:
            schema: { oneOf: [${members}] }
      responses: { '201': { description: created } }
`;
  const cat = '{ type: object, properties: { name: { type: string }, meow: { type: boolean } } }';
  const dog = '{ type: object, properties: { name: { type: string }, bark: { type: boolean } } }';
  const bird = '{ type: object, properties: { name: { type: string }, tweet: { type: boolean } } }';
  const waggingDog =
    '{ type: object, properties: { name: { type: string }, bark: { type: boolean }, wag: { type: boolean } } }';

  test('member inserted before an edited one keeps the edit paired', async () => {
    const changes = await diff(pets(`${cat}, ${dog}`), pets(`${cat}, ${bird}, ${waggingDog}`));
    expect(changes).toEqual([
      {
        id: 'request-body-one-of-member-added',
        level: 'info',
        operation: 'POST /v1/pets',
        pointer: '/paths/~1v1~1pets/post/requestBody/content/application~1json/schema/oneOf/1',
      },
      {
        id: 'request-optional-property-added',
        level: 'info',
        operation: 'POST /v1/pets',
        pointer:
          '/paths/~1v1~1pets/post/requestBody/content/application~1json/schema/oneOf/2/properties/wag',
      },
    ]);
  });
});
