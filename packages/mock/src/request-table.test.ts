import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { startMock, type MockServer } from './index.js';

/** The fixture's own examples, so each row can name the body it expects. */
const REX = { id: 1, name: 'Rex', kind: { bark: 'loud' }, age: 3 };
const TOM = { id: 2, name: 'Tom', kind: { meow: true }, age: null };
const CREATED = { id: 7, name: 'Rex', kind: { bark: 'loud' }, age: 3 };
const JSON_TYPE = { 'content-type': 'application/json' };
const WITH_KEY = { 'content-type': 'application/json', 'x-api-key': 'secret' };
const NO_CREDENTIALS =
  'No credentials were sent. The operation accepts an API key in the X-Api-Key header (apiKey).';
const PROBLEM_TYPE = { 'content-type': 'application/problem+json' };

const TITLES: Record<string, string> = {
  'route-not-found': 'No operation has this path',
  'method-not-allowed': 'The path has no operation for this method',
  'not-acceptable': 'No response matches the Accept header',
  'unsupported-media-type': 'The Content-Type is not declared',
  unauthorized: 'The security requirements are not met',
  'request-invalid': 'The request does not match the spec',
  'body-not-parsable': 'The request body is not valid JSON',
  'prefer-not-satisfiable': 'The Prefer header asks for a response the spec does not declare',
};

type Row = {
  name: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  status: number;
  responseHeaders?: Record<string, string>;
  json?: unknown;
  text?: string;
};

function problem(
  kind: string,
  status: number,
  detail: string,
  violations?: [string[], string, string][],
): unknown {
  const body: Record<string, unknown> = {
    type: `urn:specgate:mock:${kind}`,
    title: TITLES[kind],
    status,
    detail,
  };
  if (violations) {
    body['violations'] = violations.map(([location, message, keyword]) => ({
      location,
      message,
      keyword,
    }));
  }
  return body;
}

function invalid(violations: [string[], string, string][], more = 0): unknown {
  const [location, message] = violations[0] ?? [[], ''];
  const detail = `${location.join('.')}: ${message}${more > 0 ? ` (and ${more} more)` : ''}`;
  return problem('request-invalid', 422, detail, violations);
}

function body(value: unknown): string {
  return JSON.stringify(value);
}

const ROWS: Row[] = [
  { name: 'static example list', path: '/pets', status: 200, json: [REX, TOM] },
  {
    name: 'named example by Prefer',
    path: '/pets',
    headers: { prefer: 'example=empty' },
    status: 200,
    json: [],
  },
  { name: 'limit in range', path: '/pets?limit=1', status: 200, json: [REX, TOM] },
  {
    name: 'limit below minimum',
    path: '/pets?limit=0',
    status: 422,
    json: invalid([[['query', 'limit'], 'Request query parameter limit must be >= 1', 'minimum']]),
  },
  {
    name: 'limit above maximum',
    path: '/pets?limit=101',
    status: 422,
    json: invalid([
      [['query', 'limit'], 'Request query parameter limit must be <= 100', 'maximum'],
    ]),
  },
  {
    name: 'limit not an integer',
    path: '/pets?limit=abc',
    status: 422,
    json: invalid([[['query', 'limit'], 'Request query parameter limit must be integer', 'type']]),
  },
  {
    name: 'scalar query repeated',
    path: '/pets?limit=1&limit=2',
    status: 422,
    json: invalid([
      [
        ['query', 'limit'],
        'Request query parameter limit is repeated 2 times, but it takes one value',
        'style',
      ],
    ]),
  },
  {
    name: 'form explode array repeated',
    path: '/pets?tags=small&tags=large',
    status: 200,
    json: [REX, TOM],
  },
  {
    name: 'form explode array bad item',
    path: '/pets?tags=small&tags=huge',
    status: 422,
    json: invalid([
      [
        ['query', 'tags', '1'],
        'Request query parameter tags.1 must be equal to one of the allowed values: small, large, fluffy',
        'enum',
      ],
    ]),
  },
  {
    name: 'form explode array given as csv',
    path: '/pets?tags=small,large',
    status: 422,
    json: invalid([
      [
        ['query', 'tags', '0'],
        'Request query parameter tags.0 must be equal to one of the allowed values: small, large, fluffy',
        'enum',
      ],
    ]),
  },
  { name: 'form no-explode csv', path: '/pets?ids=1,2,3', status: 200, json: [REX, TOM] },
  {
    name: 'form no-explode bad item',
    path: '/pets?ids=1,x',
    status: 422,
    json: invalid([
      [['query', 'ids', '1'], 'Request query parameter ids.1 must be integer', 'type'],
    ]),
  },
  {
    name: 'form no-explode repeated key',
    path: '/pets?ids=1&ids=2',
    status: 422,
    json: invalid([
      [
        ['query', 'ids'],
        'Request query parameter ids is repeated 2 times, but its form style with explode false takes one comma-separated value, e.g. ids=1,2',
        'style',
      ],
    ]),
  },
  {
    name: 'header parameter valid',
    path: '/pets',
    headers: { 'x-trace-id': 'deadbeef' },
    status: 200,
    json: [REX, TOM],
  },
  {
    name: 'header parameter pattern',
    path: '/pets',
    headers: { 'x-trace-id': 'nothex' },
    status: 422,
    json: invalid([
      [
        ['header', 'x-trace-id'],
        'Request header parameter x-trace-id must match pattern "^[a-f0-9]{8}$"',
        'pattern',
      ],
    ]),
  },
  {
    name: 'unknown path',
    path: '/nothing',
    status: 404,
    json: problem('route-not-found', 404, 'No path template in the spec matches /nothing.'),
  },
  {
    name: 'path with extra segment',
    path: '/pets/1/extra',
    status: 404,
    json: problem('route-not-found', 404, 'No path template in the spec matches /pets/1/extra.'),
  },
  {
    name: 'undeclared method on list',
    method: 'DELETE',
    path: '/pets',
    status: 405,
    responseHeaders: { allow: 'GET, POST' },
    json: problem('method-not-allowed', 405, '/pets has no DELETE operation in the spec.'),
  },
  {
    name: 'undeclared method on item',
    method: 'PATCH',
    path: '/pets/1',
    status: 405,
    responseHeaders: { allow: 'GET, PUT' },
    json: problem('method-not-allowed', 405, '/pets/1 has no PATCH operation in the spec.'),
  },
  {
    name: 'accept xml on json operation',
    path: '/pets',
    headers: { accept: 'application/xml' },
    status: 406,
    json: problem(
      'not-acceptable',
      406,
      'GET /pets declares no response for Accept: application/xml.',
    ),
  },
  {
    name: 'accept json on csv operation',
    path: '/reports/pets',
    headers: { accept: 'application/json' },
    status: 406,
    json: problem(
      'not-acceptable',
      406,
      'GET /reports/pets declares no response for Accept: application/json.',
    ),
  },
  {
    name: 'accept list with weights',
    path: '/pets',
    headers: { accept: 'application/json, text/csv;q=0.5' },
    status: 200,
    json: [REX, TOM],
  },
  {
    name: 'csv example served as text',
    path: '/reports/pets',
    status: 200,
    responseHeaders: { 'content-type': 'text/csv' },
    text: 'id,name\n1,Rex\n',
  },
  {
    name: 'missing api key',
    method: 'POST',
    path: '/pets',
    headers: JSON_TYPE,
    body: body({ name: 'a', kind: { bark: 'loud' } }),
    status: 401,
    json: problem('unauthorized', 401, NO_CREDENTIALS, [
      [['header', 'X-Api-Key'], 'Invalid security scheme used', 'security'],
    ]),
  },
  {
    name: 'missing key outranks media type',
    method: 'POST',
    path: '/pets',
    headers: { 'content-type': 'text/plain' },
    body: 'x',
    status: 401,
    json: problem('unauthorized', 401, NO_CREDENTIALS, [
      [['header', 'X-Api-Key'], 'Invalid security scheme used', 'security'],
      [['header', 'content-type'], 'Supported content types: application/json', 'content-type'],
    ]),
  },
  {
    name: 'text body stays 415 despite spec 422',
    method: 'POST',
    path: '/pets',
    headers: { 'content-type': 'text/plain', 'x-api-key': 'secret' },
    body: 'hello',
    status: 415,
    json: problem(
      'unsupported-media-type',
      415,
      'header.content-type: Supported content types: application/json',
      [[['header', 'content-type'], 'Supported content types: application/json', 'content-type']],
    ),
  },
  {
    name: 'xml body is 415',
    method: 'POST',
    path: '/pets',
    headers: { 'content-type': 'application/xml', 'x-api-key': 'secret' },
    body: '<pet/>',
    status: 415,
    json: problem(
      'unsupported-media-type',
      415,
      'header.content-type: Supported content types: application/json',
      [[['header', 'content-type'], 'Supported content types: application/json', 'content-type']],
    ),
  },
  {
    name: 'valid create',
    method: 'POST',
    path: '/pets',
    headers: WITH_KEY,
    body: body({ name: 'a', kind: { bark: 'loud' } }),
    status: 201,
    json: CREATED,
  },
  {
    name: 'empty name and wrong variant',
    method: 'POST',
    path: '/pets',
    headers: WITH_KEY,
    body: body({ name: '', kind: { bark: 1 } }),
    status: 422,
    json: invalid(
      [
        [
          ['body', 'name'],
          'Request body property name must NOT have fewer than 1 characters',
          'minLength',
        ],
        [
          ['body', 'kind'],
          'Request body property kind must match exactly one schema in oneOf',
          'oneOf',
        ],
      ],
      1,
    ),
  },
  {
    name: 'required property missing',
    method: 'POST',
    path: '/pets',
    headers: WITH_KEY,
    body: body({ kind: { bark: 'loud' } }),
    status: 422,
    json: invalid([[['body'], "Request body must have required property 'name'", 'required']]),
  },
  {
    name: 'oneOf matching no variant',
    method: 'POST',
    path: '/pets',
    headers: WITH_KEY,
    body: body({ name: 'a', kind: { bark: 'loud', meow: true } }),
    status: 422,
    json: invalid([
      [
        ['body', 'kind'],
        'Request body property kind must match exactly one schema in oneOf',
        'oneOf',
      ],
    ]),
  },
  {
    name: 'oneOf second variant',
    method: 'POST',
    path: '/pets',
    headers: WITH_KEY,
    body: body({ name: 'a', kind: { meow: true } }),
    status: 201,
    json: CREATED,
  },
  {
    name: 'type array accepts null',
    method: 'POST',
    path: '/pets',
    headers: WITH_KEY,
    body: body({ name: 'a', kind: { bark: 'loud' }, age: null, nickname: null }),
    status: 201,
    json: CREATED,
  },
  {
    name: 'type array rejects string',
    method: 'POST',
    path: '/pets',
    headers: WITH_KEY,
    body: body({ name: 'a', kind: { bark: 'loud' }, age: 'x' }),
    status: 422,
    json: invalid([[['body', 'age'], 'Request body property age must be integer,null', 'type']]),
  },
  {
    name: 'type array keeps minimum',
    method: 'POST',
    path: '/pets',
    headers: WITH_KEY,
    body: body({ name: 'a', kind: { bark: 'loud' }, age: -1 }),
    status: 422,
    json: invalid([[['body', 'age'], 'Request body property age must be >= 0', 'minimum']]),
  },
  {
    name: 'nullable string rejects number',
    method: 'POST',
    path: '/pets',
    headers: WITH_KEY,
    body: body({ name: 'a', kind: { bark: 'loud' }, nickname: 5 }),
    status: 422,
    json: invalid([
      [['body', 'nickname'], 'Request body property nickname must be string,null', 'type'],
    ]),
  },
  {
    name: 'malformed json body',
    method: 'POST',
    path: '/pets',
    headers: WITH_KEY,
    body: '{bad',
    status: 400,
    json: problem(
      'body-not-parsable',
      400,
      'The request body is sent as application/json but does not parse as JSON. Send valid JSON or the media type the body is in.',
    ),
  },
  {
    name: 'required body missing',
    method: 'POST',
    path: '/pets',
    headers: { 'x-api-key': 'secret' },
    status: 422,
    json: invalid([[['body'], 'Body parameter is required', 'required']]),
  },
  {
    name: 'path parameter not integer',
    path: '/pets/abc',
    status: 422,
    json: invalid([[['path', 'petId'], 'Request path parameter petId must be integer', 'type']]),
  },
  {
    name: 'path parameter below minimum',
    path: '/pets/0',
    status: 422,
    json: invalid([[['path', 'petId'], 'Request path parameter petId must be >= 1', 'minimum']]),
  },
  { name: 'first example of item', path: '/pets/1', status: 200, json: REX },
  {
    name: 'example chosen by Prefer',
    path: '/pets/1',
    headers: { prefer: 'example=tom' },
    status: 200,
    json: TOM,
  },
  {
    name: 'declared code by Prefer',
    path: '/pets/1',
    headers: { prefer: 'code=404' },
    status: 404,
    responseHeaders: PROBLEM_TYPE,
    json: { title: 'Pet not found', status: 404 },
  },
  {
    name: 'undeclared code by Prefer',
    path: '/pets/1',
    headers: { prefer: 'code=500' },
    status: 400,
    json: problem(
      'prefer-not-satisfiable',
      400,
      'GET /pets/1 declares no response with status 500.',
    ),
  },
  {
    name: 'unknown example by Prefer',
    path: '/pets/1',
    headers: { prefer: 'example=nope' },
    status: 400,
    json: problem('prefer-not-satisfiable', 400, 'GET /pets/1 has no example named "nope".'),
  },
  {
    name: 'non-numeric code by Prefer',
    path: '/pets/1',
    headers: { prefer: 'code=abc' },
    status: 400,
    json: problem('prefer-not-satisfiable', 400, 'Prefer code "abc" is not an HTTP status code.'),
  },
  {
    name: 'deprecated operation headers',
    path: '/legacy/pets',
    status: 200,
    responseHeaders: { deprecation: '@1768435200', sunset: 'Fri, 15 Jan 2027 00:00:00 GMT' },
    json: ['Rex', 'Tom'],
  },
  {
    name: 'valid replace',
    method: 'PUT',
    path: '/pets/1',
    headers: JSON_TYPE,
    body: body({ name: 'Rex', kind: { bark: 'loud' } }),
    status: 200,
    json: { id: 1, name: 'Rex', kind: { bark: 'loud' }, age: 4 },
  },
  {
    name: 'path and body both invalid',
    method: 'PUT',
    path: '/pets/abc',
    headers: JSON_TYPE,
    body: body({ name: 5, kind: { bark: 'loud' } }),
    status: 422,
    json: invalid(
      [
        [['body', 'name'], 'Request body property name must be string', 'type'],
        [['path', 'petId'], 'Request path parameter petId must be integer', 'type'],
      ],
      1,
    ),
  },
];

describe('mock request table', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMock({
      apis: [{ name: 'pets', spec: 'test/fixtures/pets.yaml' }],
      cwd: new URL('..', import.meta.url).pathname,
    });
  });
  afterAll(async () => {
    await server.close();
  });

  test('table has at least 40 rows', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(40);
  });

  test.each(ROWS)('$name', async (row) => {
    const init: RequestInit = { method: row.method ?? 'GET', headers: row.headers ?? {} };
    if (row.body !== undefined) init.body = row.body;
    const response = await fetch(`${server.urls['pets']}${row.path}`, init);
    const text = await response.text();

    expect(response.status).toBe(row.status);
    if (row.status >= 400 && row.responseHeaders?.['content-type'] === undefined) {
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    for (const [name, value] of Object.entries(row.responseHeaders ?? {})) {
      expect(response.headers.get(name)).toBe(value);
    }
    if (row.json !== undefined) expect(JSON.parse(text)).toEqual(row.json);
    if (row.text !== undefined) expect(text).toBe(row.text);
  });
});
