import { describe, expect, test } from 'vitest';

import { diffTexts } from '../../../test/support/diff-texts.js';

const PETS = `paths:
  /pets:
    get:
      operationId: listPets
      responses: { '200': { description: ok } }
  /pets/{petId}:
    get:
      operationId: getPet
      parameters: [{ name: petId, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok } }
`;

function openApi3(servers: string, paths = PETS): string {
  return `openapi: 3.0.3\ninfo: { title: Pets, version: 1.0.0 }\n${servers}${paths}`;
}

const diff = diffTexts;

describe('servers and base paths', () => {
  test('base path change is one error, not every operation removed', async () => {
    const changes = await diff(
      openApi3('servers: [{ url: https://api.example.com/v1 }]\n'),
      openApi3('servers: [{ url: https://api.example.com/v2 }]\n'),
    );
    expect(changes).toEqual([
      { id: 'api-base-path-changed', level: 'error', operation: null, pointer: '/servers/0' },
      { id: 'server-removed', level: 'warning', operation: null, pointer: '/servers/0' },
      { id: 'server-added', level: 'info', operation: null, pointer: '/servers/0' },
    ]);
  });

  test('base path moved into the paths changes nothing', async () => {
    const moved = PETS.replaceAll('  /pets', '  /v1/pets');
    const changes = await diff(
      openApi3('servers: [{ url: https://api.example.com/v1 }]\n'),
      openApi3('servers: [{ url: https://api.example.com }]\n', moved),
    );
    expect(changes).toEqual([]);
  });

  test('server variables are compared at their defaults', async () => {
    const changes = await diff(
      openApi3(
        'servers:\n  - url: https://{region}.example.com/v1\n    variables: { region: { default: eu } }\n',
      ),
      openApi3('servers: [{ url: https://eu.example.com/v1 }]\n'),
    );
    expect(changes).toEqual([]);
  });

  test('Swagger 2.0 basePath lines up with a 3.x server path', async () => {
    const swagger = `swagger: '2.0'
info: { title: Pets, version: 1.0.0 }
host: api.example.com
basePath: /v1
schemes: [https]
paths:
  /pets:
    get:
      operationId: listPets
      responses: { '200': { description: ok } }
  /pets/{petId}:
    get:
      operationId: getPet
      parameters: [{ name: petId, in: path, required: true, type: string }]
      responses: { '200': { description: ok } }
`;
    const changes = await diff(
      swagger,
      openApi3('servers: [{ url: https://api.example.com/v1 }]\n'),
    );
    expect(changes).toEqual([]);
  });

  test('a new server alone is information', async () => {
    const changes = await diff(
      openApi3('servers: [{ url: https://api.example.com/v1 }]\n'),
      openApi3(
        'servers: [{ url: https://api.example.com/v1 }, { url: https://eu.example.com/v1 }]\n',
      ),
    );
    expect(changes).toEqual([
      { id: 'server-added', level: 'info', operation: null, pointer: '/servers/1' },
    ]);
  });
});
