import { describe, expect, test } from 'vitest';

import { diffTexts } from '../../../test/support/diff-texts.js';

function withSchemes(schemes: string): string {
  return `openapi: 3.0.3
info: { title: Accounts, version: 1.0.0 }
paths: {}
components:
  securitySchemes:
${schemes}`;
}

async function diff(base: string, revision: string) {
  const changes = await diffTexts(base, revision);
  return changes.map(({ id, level, pointer }) => ({ id, level, pointer }));
}

const OAUTH = (scopes: string, tokenUrl = 'https://auth.example.com/token') => `    oauth:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: ${tokenUrl}
          scopes: ${scopes}
`;

describe('security schemes', () => {
  test('scope removed is an error and scope added information', async () => {
    const changes = await diff(
      withSchemes(OAUTH('{ read: Read, write: Write }')),
      withSchemes(OAUTH('{ read: Read, admin: Admin }')),
    );
    expect(changes).toEqual([
      {
        id: 'security-scheme-scope-removed',
        level: 'error',
        pointer: '/components/securitySchemes/oauth',
      },
      {
        id: 'security-scheme-scope-added',
        level: 'info',
        pointer: '/components/securitySchemes/oauth',
      },
    ]);
  });

  test('token URL change is a warning', async () => {
    const changes = await diff(
      withSchemes(OAUTH('{ read: Read }')),
      withSchemes(OAUTH('{ read: Read }', 'https://login.example.com/token')),
    );
    expect(changes.map((change) => [change.id, change.level])).toEqual([
      ['security-scheme-url-changed', 'warning'],
    ]);
  });

  test('API key moved to another header is an error', async () => {
    const changes = await diff(
      withSchemes('    key: { type: apiKey, in: header, name: X-Api-Key }\n'),
      withSchemes('    key: { type: apiKey, in: query, name: api_key }\n'),
    );
    expect(changes.map((change) => [change.id, change.level])).toEqual([
      ['security-scheme-api-key-changed', 'error'],
    ]);
  });

  test('basic replaced by bearer is a type change', async () => {
    const changes = await diff(
      withSchemes('    auth: { type: http, scheme: basic }\n'),
      withSchemes('    auth: { type: http, scheme: bearer }\n'),
    );
    expect(changes.map((change) => [change.id, change.level])).toEqual([
      ['security-scheme-type-changed', 'error'],
    ]);
  });

  test('Swagger 2.0 accessCode flow equals 3.x authorizationCode', async () => {
    const swagger = `swagger: '2.0'
info: { title: Accounts, version: 1.0.0 }
paths: {}
securityDefinitions:
  oauth:
    type: oauth2
    flow: accessCode
    authorizationUrl: https://auth.example.com/authorize
    tokenUrl: https://auth.example.com/token
    scopes: { read: Read }
`;
    const changes = await diff(
      swagger,
      withSchemes(`    oauth:
      type: oauth2
      flows:
        authorizationCode:
          authorizationUrl: https://auth.example.com/authorize
          tokenUrl: https://auth.example.com/token
          scopes: { read: Read }
`),
    );
    expect(changes).toEqual([]);
  });
});
