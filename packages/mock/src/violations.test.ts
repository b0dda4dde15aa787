import { describe, expect, test } from 'vitest';

import type { IHttpOperation } from './prism.js';
import { missingCredentialsDetail } from './violations.js';

const operation = {
  id: 'op',
  method: 'get',
  path: '/reports',
  responses: [],
  security: [
    [{ id: 'b', key: 'bearerAuth', type: 'http', scheme: 'bearer' }],
    [
      { id: 'k', key: 'apiKey', type: 'apiKey', in: 'query', name: 'key' },
      { id: 's', key: 'session', type: 'apiKey', in: 'cookie', name: 'sid' },
    ],
  ],
} as unknown as IHttpOperation;

describe('missingCredentialsDetail', () => {
  test('lists every accepted scheme when nothing is sent', () => {
    expect(missingCredentialsDetail(operation, { headers: {}, search: 'page=2' })).toBe(
      'No credentials were sent. The operation accepts a bearer token in the Authorization header (bearerAuth), or an API key in the key query parameter (apiKey) and an API key in the sid cookie (session).',
    );
  });

  test.each([
    [{ authorization: 'Bearer x' }, ''],
    [{}, 'key=1'],
    [{ cookie: 'a=1; sid=2' }, ''],
  ])('leaves Prism the message when a credential is sent: %o %s', (headers, search) => {
    expect(missingCredentialsDetail(operation, { headers, search })).toBeUndefined();
  });
});
