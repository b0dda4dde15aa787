import { describe, expect, test } from 'vitest';

import { specFromText } from '../../../test/support/in-memory-spec.js';
import { diffSpecs } from './diff-specs.js';

const HEAD = `openapi: 3.0.3
info: { title: Dogs, version: 1.0.0 }
`;

/** Builds a spec with one operation whose 200 response (and optional request body) is the given schema YAML. */
function dogsSpec(options: {
  schema: string;
  extraPaths?: string;
  requestSchema?: string;
  version?: string;
}): string {
  const request = options.requestSchema
    ? `      requestBody:
        required: true
        content:
          application/json:
            schema:
${indent(options.requestSchema, 14)}
`
    : '';
  return `openapi: ${options.version ?? '3.0.3'}
info: { title: Dogs, version: 1.0.0 }
paths:
  /v1/dogs/{dogId}:
    post:
      operationId: getDog
      parameters:
        - { name: dogId, in: path, required: true, schema: { type: string } }
${request}      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
${indent(options.schema, 16)}
${options.extraPaths ?? ''}`;
}

function indent(text: string, spaces: number): string {
  return text
    .trim()
    .split('\n')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');
}

async function diffTexts(base: string, revision: string, today = '2026-12-04') {
  const result = diffSpecs(
    await specFromText({ 'openapi.yaml': base }, 'base'),
    await specFromText({ 'openapi.yaml': revision }, 'revision'),
    { today },
  );
  return result.changes.map((change) => ({
    id: change.id,
    level: change.level,
    operation: change.operation ? `${change.operation.method} ${change.operation.path}` : null,
    base: change.base?.pointer ?? null,
    revision: change.revision?.pointer ?? null,
  }));
}

const OBJECT = (required: string, properties: string) => `type: object
required: [${required}]
properties:
${indent(properties, 2)}`;

describe('type change messages', () => {
  test('a 3.1 type list names null on both sides', async () => {
    const base = dogsSpec({ schema: "type: [string, 'null']", version: '3.1.0' });
    const revision = dogsSpec({ schema: "type: [string, 'null', integer]", version: '3.1.0' });
    const result = diffSpecs(
      await specFromText({ 'openapi.yaml': base }, 'base'),
      await specFromText({ 'openapi.yaml': revision }, 'revision'),
      { today: '2026-12-04' },
    );
    expect(result.changes.map((change) => [change.id, change.message])).toEqual([
      [
        'response-body-type-widened',
        'response 200 (application/json): type changed from string|null to integer|string|null',
      ],
    ]);
  });
});

describe('schema changes by direction', () => {
  test('response required property removed is an error', async () => {
    const base = dogsSpec({
      schema: OBJECT('name', 'name: { type: string }\nage: { type: integer }'),
    });
    const revision = dogsSpec({ schema: OBJECT('', 'age: { type: integer }') });
    expect(await diffTexts(base, revision)).toEqual([
      {
        id: 'response-required-property-removed',
        level: 'error',
        operation: 'POST /v1/dogs/{dogId}',
        base: '/paths/~1v1~1dogs~1{dogId}/post/responses/200/content/application~1json/schema/properties/name',
        revision: null,
      },
    ]);
  });

  test('request required property removed is a warning', async () => {
    const schema = OBJECT('', 'age: { type: integer }');
    const base = dogsSpec({ schema, requestSchema: OBJECT('name', 'name: { type: string }') });
    const revision = dogsSpec({ schema, requestSchema: 'type: object' });
    const changes = await diffTexts(base, revision);
    expect(changes.map((change) => [change.id, change.level])).toEqual([
      ['request-required-property-removed', 'warning'],
    ]);
  });

  test('property becoming required flips by direction', async () => {
    const before = OBJECT('', 'name: { type: string }');
    const after = OBJECT('name', 'name: { type: string }');
    const request = await diffTexts(
      dogsSpec({ schema: 'type: string', requestSchema: before }),
      dogsSpec({ schema: 'type: string', requestSchema: after }),
    );
    const response = await diffTexts(dogsSpec({ schema: before }), dogsSpec({ schema: after }));
    expect(request.map((change) => [change.id, change.level])).toEqual([
      ['request-property-became-required', 'error'],
    ]);
    expect(response.map((change) => [change.id, change.level])).toEqual([
      ['response-property-became-required', 'info'],
    ]);
  });

  test('enum values removed and added', async () => {
    const before = 'type: string\nenum: [a, b]';
    const after = 'type: string\nenum: [b, c]';
    const response = await diffTexts(dogsSpec({ schema: before }), dogsSpec({ schema: after }));
    expect(response.map((change) => [change.id, change.level])).toEqual([
      ['response-body-enum-value-added', 'warning'],
      ['response-body-enum-value-removed', 'info'],
    ]);
    const request = await diffTexts(
      dogsSpec({ schema: 'type: string', requestSchema: before }),
      dogsSpec({ schema: 'type: string', requestSchema: after }),
    );
    expect(request.map((change) => [change.id, change.level])).toEqual([
      ['request-body-enum-value-removed', 'error'],
      ['request-body-enum-value-added', 'info'],
    ]);
  });

  test('3.0 nullable dropped in a request is an error', async () => {
    const before = OBJECT('', 'name: { type: string, nullable: true }');
    const after = OBJECT('', 'name: { type: string }');
    const changes = await diffTexts(
      dogsSpec({ schema: 'type: string', requestSchema: before }),
      dogsSpec({ schema: 'type: string', requestSchema: after }),
    );
    expect(changes).toEqual([
      {
        id: 'request-property-became-not-nullable',
        level: 'error',
        operation: 'POST /v1/dogs/{dogId}',
        base: '/paths/~1v1~1dogs~1{dogId}/post/requestBody/content/application~1json/schema/properties/name',
        revision:
          '/paths/~1v1~1dogs~1{dogId}/post/requestBody/content/application~1json/schema/properties/name',
      },
    ]);
  });

  test('3.1 type array gaining null in a response is an error', async () => {
    const before = OBJECT('', 'name: { type: string }');
    const after = OBJECT('', "name: { type: [string, 'null'] }");
    const changes = await diffTexts(
      dogsSpec({ schema: before, version: '3.1.0' }),
      dogsSpec({ schema: after, version: '3.1.0' }),
    );
    expect(changes.map((change) => [change.id, change.level])).toEqual([
      ['response-property-became-nullable', 'error'],
    ]);
  });

  test('oneOf with a null branch equals a nullable type', async () => {
    const before = OBJECT('', "name: { oneOf: [{ type: string }, { type: 'null' }] }");
    const after = OBJECT('', "name: { type: [string, 'null'] }");
    expect(
      await diffTexts(
        dogsSpec({ schema: before, version: '3.1.0' }),
        dogsSpec({ schema: after, version: '3.1.0' }),
      ),
    ).toEqual([]);
  });

  test('maximum lowered narrows a request', async () => {
    const changes = await diffTexts(
      dogsSpec({ schema: 'type: string', requestSchema: 'type: integer\nmaximum: 10' }),
      dogsSpec({
        schema: 'type: string',
        requestSchema: 'type: integer\nmaximum: 10\nexclusiveMaximum: true',
      }),
    );
    expect(changes.map((change) => [change.id, change.level])).toEqual([
      ['request-body-max-decreased', 'error'],
    ]);
  });

  test('integer widened to number in a request is info', async () => {
    const changes = await diffTexts(
      dogsSpec({ schema: 'type: string', requestSchema: 'type: integer' }),
      dogsSpec({ schema: 'type: string', requestSchema: 'type: number' }),
    );
    expect(changes.map((change) => [change.id, change.level])).toEqual([
      ['request-body-type-widened', 'info'],
    ]);
  });

  test('oneOf member added to a response is an error', async () => {
    const components = `components:
  schemas:
    Cat: { type: object, properties: { meow: { type: boolean } } }
    Dog: { type: object, properties: { bark: { type: boolean } } }
    Fox: { type: object, properties: { yip: { type: boolean } } }
`;
    const base = dogsSpec({
      schema: "oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }]",
      extraPaths: components,
    });
    const revision = dogsSpec({
      schema:
        "oneOf: [{ $ref: '#/components/schemas/Dog' }, { $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Fox' }]",
      extraPaths: components,
    });
    expect(
      (await diffTexts(base, revision)).map((change) => [change.id, change.level, change.revision]),
    ).toEqual([
      [
        'response-body-one-of-member-added',
        'error',
        '/paths/~1v1~1dogs~1{dogId}/post/responses/200/content/application~1json/schema/oneOf/2',
      ],
    ]);
  });

  test('anyOf switched to oneOf changes nothing', async () => {
    const members = '[{ type: string }, { type: integer }]';
    const changes = await diffTexts(
      dogsSpec({ schema: `anyOf: ${members}` }),
      dogsSpec({ schema: `oneOf: ${members}` }),
    );
    expect(changes).toEqual([]);
  });

  test('single oneOf member equals the member', async () => {
    const components = `components:
  schemas:
    Kind: { type: integer, oneOf: [{ const: 0 }] }
`;
    const base = dogsSpec({
      schema: "oneOf: [{ type: 'null' }, { $ref: '#/components/schemas/Kind' }]",
      extraPaths: components,
      version: '3.1.0',
    });
    const revision = dogsSpec({
      schema: "$ref: '#/components/schemas/Kind'",
      extraPaths: components,
      version: '3.1.0',
    });
    expect((await diffTexts(base, revision)).map((change) => [change.id, change.level])).toEqual([
      ['response-body-became-not-nullable', 'info'],
    ]);
  });

  test('allOf split into components changes nothing', async () => {
    const components = `components:
  schemas:
    Named: { type: object, required: [name], properties: { name: { type: string } } }
`;
    const base = dogsSpec({
      schema: OBJECT('name', 'name: { type: string }\nage: { type: integer }'),
      extraPaths: components,
    });
    const revision = dogsSpec({
      schema:
        "allOf:\n  - $ref: '#/components/schemas/Named'\n  - { type: object, properties: { age: { type: integer } } }",
      extraPaths: components,
    });
    expect(await diffTexts(base, revision)).toEqual([]);
  });

  test('recursive schema change is found once', async () => {
    const node = (extra: string) => `components:
  schemas:
    Node:
      type: object
      properties:
        children: { type: array, items: { $ref: '#/components/schemas/Node' } }
        label: { type: string${extra} }
`;
    const schema = "$ref: '#/components/schemas/Node'";
    const changes = await diffTexts(
      dogsSpec({ schema, extraPaths: node('') }),
      dogsSpec({ schema, extraPaths: node(', maxLength: 5') }),
    );
    expect(changes).toEqual([
      {
        id: 'response-property-max-length-set',
        level: 'info',
        operation: 'POST /v1/dogs/{dogId}',
        base: '/components/schemas/Node/properties/label',
        revision: '/components/schemas/Node/properties/label',
      },
    ]);
  });

  test('readOnly properties are ignored in requests', async () => {
    const before = OBJECT('', 'id: { type: string, readOnly: true }\nname: { type: string }');
    const after = OBJECT('', 'name: { type: string }');
    const changes = await diffTexts(
      dogsSpec({ schema: 'type: string', requestSchema: before }),
      dogsSpec({ schema: 'type: string', requestSchema: after }),
    );
    expect(changes).toEqual([]);
  });
});

async function diffMessages(base: string, revision: string): Promise<[string, string, string][]> {
  const result = diffSpecs(
    await specFromText({ 'openapi.yaml': base }, 'base'),
    await specFromText({ 'openapi.yaml': revision }, 'revision'),
    { today: '2026-12-04' },
  );
  return result.changes.map((change) => [change.id, change.level, change.message]);
}

describe('plain schema split into oneOf members', () => {
  const PLAIN = OBJECT('name', 'name: { type: string }\ncolor: { type: string }');
  const member = (title: string, properties: string) =>
    `{ title: ${title}, type: object, required: [name], properties: { ${properties} } }`;

  test('response difference shared by members is reported once', async () => {
    const split = `oneOf:\n  - ${member('Cat', 'name: { type: string }')}\n  - ${member('Dog', 'name: { type: string }')}`;
    const changes = await diffMessages(dogsSpec({ schema: PLAIN }), dogsSpec({ schema: split }));
    expect(changes).toEqual([
      [
        'response-optional-property-removed',
        'warning',
        'response 200 (application/json): property color: optional property removed (in oneOf members Cat, Dog)',
      ],
      [
        'response-body-one-of-members-overlap',
        'info',
        'response 200 (application/json): oneOf members "Cat" and "Dog" both accept an object with only name, and oneOf rejects a value that fits more than one member',
      ],
    ]);
  });

  test('optional tag leaves members overlapping', async () => {
    const tagged = (title: string, kind: string) =>
      member(title, `name: { type: string }, kind: { type: string, enum: [${kind}] }`);
    const plain = OBJECT(
      'name',
      'name: { type: string }\nkind: { type: string, enum: [cat, dog] }',
    );
    const split = `oneOf:\n  - ${tagged('Cat', 'cat')}\n  - ${tagged('Dog', 'dog')}`;
    const changes = await diffMessages(
      dogsSpec({ schema: 'type: string', requestSchema: plain }),
      dogsSpec({ schema: 'type: string', requestSchema: split }),
    );
    expect(changes).toEqual([
      [
        'request-body-one-of-members-overlap',
        'error',
        'request body (application/json): oneOf members "Cat" and "Dog" both accept an object with only name, and oneOf rejects a value that fits more than one member',
      ],
    ]);
  });

  test('request matches the closest of many members', async () => {
    const others = ['Ant', 'Bee', 'Cow', 'Dog', 'Eel'].map(
      (title) =>
        `  - ${member(title, `name: { type: string }, ${title.toLowerCase()}: { type: string }`)}`,
    );
    const copy = `  - ${member('Pet', 'name: { type: string }, color: { type: string }')}`;
    const split = `oneOf:\n${[...others, copy].join('\n')}`;
    const changes = await diffMessages(
      dogsSpec({ schema: 'type: string', requestSchema: PLAIN }),
      dogsSpec({ schema: 'type: string', requestSchema: split }),
    );
    expect(changes).toEqual([
      [
        'request-body-one-of-members-overlap',
        'error',
        'request body (application/json): oneOf members "Ant" and "Bee" both accept an object with only name, and oneOf rejects a value that fits more than one member',
      ],
      ...['Ant', 'Bee', 'Cow', 'Dog', 'Eel'].map((title) => [
        'request-body-one-of-member-added',
        'info',
        `request body (application/json): oneOf member "${title}" added; the plain schema matches member "Pet"`,
      ]),
    ]);
  });
});

describe('operations and parameters', () => {
  const spec = (operations: string, parameters = '') => `${HEAD}paths:
  /v1/dogs/{dogId}:
${parameters}${operations}`;
  const getDog = (extra = '') => `    get:
      operationId: getDog
      parameters:
        - { name: dogId, in: path, required: true, schema: { type: string } }
${extra}      responses:
        '200': { description: ok }
`;

  test('path parameter rename changes nothing', async () => {
    const renamed = `${HEAD}paths:
  /v1/dogs/{id}:
    get:
      operationId: getDog
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: ok }
`;
    expect(await diffTexts(spec(getDog()), renamed)).toEqual([]);
  });

  test('new required query parameter is an error', async () => {
    const changes = await diffTexts(
      spec(getDog()),
      spec(
        getDog('        - { name: breed, in: query, required: true, schema: { type: string } }\n'),
      ),
    );
    expect(changes).toEqual([
      {
        id: 'new-required-request-parameter',
        level: 'error',
        operation: 'GET /v1/dogs/{dogId}',
        base: null,
        revision: '/paths/~1v1~1dogs~1{dogId}/get/parameters/1',
      },
    ]);
  });

  test('new optional query parameter is info', async () => {
    const changes = await diffTexts(
      spec(getDog()),
      spec(getDog('        - { name: breed, in: query, schema: { type: string } }\n')),
    );
    expect(changes.map((change) => [change.id, change.level])).toEqual([
      ['new-optional-request-parameter', 'info'],
    ]);
  });

  test('parameter schema narrowed is an error', async () => {
    const before = getDog('        - { name: size, in: query, schema: { type: string } }\n');
    const after = getDog(
      '        - { name: size, in: query, schema: { type: string, enum: [small, large] } }\n',
    );
    const changes = await diffTexts(spec(before), spec(after));
    expect(changes.map((change) => [change.id, change.level, change.revision])).toEqual([
      [
        'request-parameter-enum-added',
        'error',
        '/paths/~1v1~1dogs~1{dogId}/get/parameters/1/schema',
      ],
    ]);
  });

  test('operation removed without deprecation is an error', async () => {
    const changes = await diffTexts(
      spec(
        getDog() +
          "    delete:\n      operationId: deleteDog\n      responses:\n        '204': { description: gone }\n",
      ),
      spec(getDog()),
    );
    expect(changes).toEqual([
      {
        id: 'endpoint-removed-without-deprecation',
        level: 'error',
        operation: 'DELETE /v1/dogs/{dogId}',
        base: '/paths/~1v1~1dogs~1{dogId}/delete',
        revision: null,
      },
    ]);
  });

  test('deprecated operation removal depends on its sunset', async () => {
    const withDelete = spec(`${getDog()}    delete:
      operationId: deleteDog
      deprecated: true
      x-sunset: '2027-01-31'
      responses:
        '204': { description: gone }
`);
    const before = await diffTexts(withDelete, spec(getDog()), '2027-01-30');
    const after = await diffTexts(withDelete, spec(getDog()), '2027-01-31');
    expect(before.map((change) => [change.id, change.level])).toEqual([
      ['endpoint-removed-before-sunset', 'error'],
    ]);
    expect(after.map((change) => [change.id, change.level])).toEqual([
      ['endpoint-removed-after-sunset', 'info'],
    ]);
  });

  test('success status removed is an error', async () => {
    const base = spec(
      getDog().replace(
        "'200': { description: ok }",
        "'200': { description: ok }\n        '201': { description: made }",
      ),
    );
    const changes = await diffTexts(base, spec(getDog()));
    expect(changes.map((change) => [change.id, change.level, change.base])).toEqual([
      ['response-success-status-removed', 'error', '/paths/~1v1~1dogs~1{dogId}/get/responses/201'],
    ]);
  });

  test('default body moved to listed code', async () => {
    const body = 'content: { application/json: { schema: { type: string } } }';
    const base = spec(
      getDog().replace(
        "'200': { description: ok }",
        `'200': { description: ok }\n        default: { description: dog, ${body} }`,
      ),
    );
    const revision = spec(
      getDog().replace("'200': { description: ok }", `'200': { description: ok, ${body} }`),
    );
    expect(await diffMessages(base, revision)).toEqual([
      [
        'response-non-success-status-removed',
        'warning',
        'response default removed; 200 now documents its body, but the base listed 200 without it, so the other codes lost that body',
      ],
      ['response-media-type-added', 'info', 'response 200 media type application/json added'],
    ]);
  });

  test('security tightened by a new scope is an error', async () => {
    const secured = (scopes: string) =>
      spec(getDog(), '').replace(
        '      operationId: getDog\n',
        `      operationId: getDog\n      security:\n        - oauth: [${scopes}]\n`,
      );
    const changes = await diffTexts(secured('read'), secured('read, admin'));
    expect(changes.map((change) => [change.id, change.level])).toEqual([
      ['endpoint-security-tightened', 'error'],
    ]);
    const loosened = await diffTexts(secured('read, admin'), secured('read'));
    expect(loosened.map((change) => [change.id, change.level])).toEqual([
      ['endpoint-security-loosened', 'info'],
    ]);
  });
});

describe('Swagger 2.0', () => {
  const swagger = (required: string) => `swagger: '2.0'
info: { title: Pets, version: 1.0.0 }
basePath: /api
paths:
  /pets:
    post:
      operationId: addPet
      parameters:
        - in: body
          name: pet
          required: true
          schema: { $ref: '#/definitions/Pet' }
      responses:
        '200': { description: ok, schema: { $ref: '#/definitions/Pet' } }
definitions:
  Pet:
    type: object
    required: [${required}]
    properties:
      name: { type: string }
      tag: { type: string }
`;

  test('body property becoming required is found with 2.0 locations', async () => {
    const base = await specFromText({ 'swagger.yaml': swagger('name') }, 'base');
    const revision = await specFromText({ 'swagger.yaml': swagger('name, tag') }, 'revision');
    const result = diffSpecs(base, revision, { today: '2026-12-04' });
    expect(
      result.changes.map((change) => [
        change.id,
        change.level,
        change.operation?.path,
        change.revision?.pointer,
        change.revision?.line,
      ]),
    ).toEqual([
      [
        'request-property-became-required',
        'error',
        '/api/pets',
        '/definitions/Pet/properties/tag',
        21,
      ],
      [
        'response-property-became-required',
        'info',
        '/api/pets',
        '/definitions/Pet/properties/tag',
        21,
      ],
    ]);
  });

  const form = (maxLength: number) => ({
    'swagger.yaml': `swagger: '2.0'
info: { title: Pets, version: 1.0.0 }
paths:
  /pets:
    post:
      operationId: addPet
      consumes: [application/x-www-form-urlencoded]
      parameters:
        - { in: formData, name: name, type: string, required: true }
        - $ref: 'form.yaml#/Nickname'
      responses:
        '201': { description: created }
`,
    'form.yaml': `Nickname:
  in: formData
  name: nickname
  type: string
  maxLength: ${maxLength}
`,
  });

  test('form field change is located at its own parameter', async () => {
    const base = await specFromText(form(40), 'base');
    const revision = await specFromText(form(20), 'revision');
    const result = diffSpecs(base, revision, { today: '2026-12-04' });
    expect(
      result.changes.map((change) => [
        change.id,
        change.level,
        change.base?.file,
        change.base?.pointer,
        change.base?.line,
        change.revision?.file,
        change.revision?.pointer,
        change.revision?.line,
      ]),
    ).toEqual([
      [
        'request-property-max-length-decreased',
        'error',
        'base/form.yaml',
        '/Nickname',
        1,
        'revision/form.yaml',
        '/Nickname',
        1,
      ],
    ]);
  });
});
