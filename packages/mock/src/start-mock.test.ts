import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { SpecgateError } from '@specgate/core';
import { afterEach, describe, expect, test } from 'vitest';

import { startMock, type MockEvent, type MockServer, type RequestLogEntry } from './index.js';
import { loadedPrismBundle } from './prism.js';

const FIXTURES = new URL('../test/fixtures/', import.meta.url).pathname;
const REPO = new URL('../../../', import.meta.url).pathname;
const PETS = path.join(FIXTURES, 'pets.yaml');

const running: { close(): Promise<void> }[] = [];

async function start(options: Parameters<typeof startMock>[0]): Promise<MockServer> {
  const server = await startMock(options);
  running.push(server);
  return server;
}

afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
});

function postJson(url: string, value: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(value),
  });
}

describe('startMock', () => {
  test('binds loopback and names each API', async () => {
    const server = await start({
      apis: [
        { name: 'pets', spec: PETS },
        { name: 'notes', spec: path.join(FIXTURES, 'nullable-30.yaml') },
      ],
    });
    expect(server.apis.map((api) => api.name)).toEqual(['pets', 'notes']);
    for (const api of server.apis) expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.urls['pets']).not.toBe(server.urls['notes']);
  });

  test('CORS preflight and headers', async () => {
    const server = await start({ apis: [{ name: 'pets', spec: PETS }] });
    const preflight = await fetch(`${server.urls['pets']}/pets`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://app.test',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-api-key',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://app.test');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type, x-api-key');
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    const response = await fetch(`${server.urls['pets']}/pets/1`);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const withoutCors = await start({ apis: [{ name: 'pets', spec: PETS }], cors: false });
    const plain = await fetch(`${withoutCors.urls['pets']}/pets/1`);
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('nullable in OpenAPI 3.0', async () => {
    const server = await start({
      apis: [{ name: 'notes', spec: path.join(FIXTURES, 'nullable-30.yaml') }],
    });
    const url = `${server.urls['notes']}/notes`;
    const created = await postJson(url, { text: null });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ id: 1, author: 'ada@example.org' });
    const rejected = await postJson(url, { text: 'a', priority: null });
    expect(rejected.status).toBe(422);
    expect(await rejected.json()).toMatchObject({
      violations: [{ location: ['body', 'priority'], keyword: 'type' }],
    });
  });

  test('warns about null inside enum', async () => {
    const events: MockEvent[] = [];
    const server = await start({
      apis: [{ name: 'notes', spec: path.join(FIXTURES, 'enum-null.yaml') }],
      cwd: REPO,
      onEvent: (event) => events.push(event),
    });
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event?.kind).toBe('warning');
    if (event?.kind !== 'warning') return;
    expect(event.warning.file).toBe('packages/mock/test/fixtures/enum-null.yaml');
    expect(event.warning.line).toBe(22);
    expect(event.warning.pointer).toBe(
      '/paths/~1notes/post/requestBody/content/application~1json/schema/properties/colour/enum',
    );
    // The reason for the warning: Prism accepts a wrong type in an unrelated property.
    const unchecked = await postJson(`${server.urls['notes']}/notes`, { text: 1, priority: 'x' });
    expect(unchecked.status).toBe(201);
  });

  test('single port routes by prefix', async () => {
    const server = await start({
      apis: [
        { name: 'orders', spec: 'specs/orders/openapi.yaml', prefix: '' },
        { name: 'pets', spec: PETS },
      ],
      cwd: REPO,
      singlePort: true,
    });
    const orders = new URL(server.urls['orders'] ?? '');
    const pets = new URL(server.urls['pets'] ?? '');
    expect(orders.port).toBe(pets.port);
    expect(pets.pathname).toBe('/pets');
    const pet = await fetch(`${server.urls['pets']}/pets/1`);
    expect(pet.status).toBe(200);
    expect(await pet.json()).toMatchObject({ id: 1, name: 'Rex' });
    const order = await fetch(`${server.urls['orders']}/v2/orders`, {
      headers: { authorization: 'Bearer token' },
    });
    expect(order.status).toBe(200);
    const unknown = await fetch(`${orders.origin}/v9/nothing`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ type: 'urn:specgate:mock:route-not-found' });
  });

  test('deprecated orders operation headers', async () => {
    const server = await start({
      apis: [{ name: 'orders', spec: 'specs/orders/openapi.yaml' }],
      cwd: REPO,
    });
    const response = await fetch(`${server.urls['orders']}/v1/orders`, {
      headers: { authorization: 'Bearer token' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('deprecation')).toBe('@1782777600');
    expect(response.headers.get('sunset')).toBe('Wed, 30 Jun 2027 00:00:00 GMT');
    const current = await fetch(`${server.urls['orders']}/v2/orders`, {
      headers: { authorization: 'Bearer token' },
    });
    expect(current.headers.get('deprecation')).toBeNull();
  });

  test('dynamic responses repeat with a seed', async () => {
    const first = await start({
      apis: [{ name: 'pets', spec: PETS }],
      dynamic: true,
      seed: 'fixed',
    });
    const second = await start({
      apis: [{ name: 'pets', spec: PETS }],
      dynamic: true,
      seed: 'fixed',
    });
    const a = await (await fetch(`${first.urls['pets']}/pets/1`)).json();
    const b = await (await fetch(`${first.urls['pets']}/pets/1`)).json();
    const c = await (await fetch(`${second.urls['pets']}/pets/1`)).json();
    expect(a).toEqual(b);
    expect(a).toEqual(c);
    expect(a).not.toEqual({ id: 1, name: 'Rex', kind: { bark: 'loud' }, age: 3 });
    expect(typeof (a as { id: unknown }).id).toBe('number');
  });

  test('x-faker keyword in dynamic mode', async () => {
    const server = await start({
      apis: [{ name: 'notes', spec: path.join(FIXTURES, 'nullable-30.yaml') }],
      dynamic: true,
      seed: 'faker',
    });
    const response = await postJson(`${server.urls['notes']}/notes`, { text: 'a' });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { author: unknown };
    expect(body.author).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
  });

  test('runs Prism from the bundle the build made, with its code cache', async () => {
    await start({ apis: [{ name: 'pets', spec: PETS }] });
    const bundle = loadedPrismBundle();
    expect(bundle).toBeDefined();
    expect(bundle?.cacheUsed).toBe(true);
  });

  test('Prefer dynamic=false serves the example', async () => {
    const server = await start({ apis: [{ name: 'pets', spec: PETS }], dynamic: true, seed: 'x' });
    const response = await fetch(`${server.urls['pets']}/pets/1`, {
      headers: { prefer: 'dynamic=false' },
    });
    expect(await response.json()).toEqual({ id: 1, name: 'Rex', kind: { bark: 'loud' }, age: 3 });
  });

  test('a repeated request gets the same answer from the cache', async () => {
    for (const cors of [true, false]) {
      const server = await start({ apis: [{ name: 'pets', spec: PETS }], cors });
      const answers = [];
      for (const method of ['GET', 'GET', 'HEAD', 'HEAD']) {
        const response = await fetch(`${server.urls['pets']}/pets/1`, { method });
        const headers = [...response.headers].filter(([name]) => name !== 'date');
        answers.push({ status: response.status, headers, body: await response.text() });
      }
      // Without an Origin the header is `*`, which the CORS rules forbid with allow-credentials.
      const corsHeaders = [
        ['access-control-allow-origin', '*'],
        ['access-control-expose-headers', '*'],
      ];
      expect(answers[0]).toEqual({
        status: 200,
        headers: [
          ...(cors ? corsHeaders : []),
          ['connection', 'keep-alive'],
          ['content-length', '52'],
          ['content-type', 'application/json'],
          ['keep-alive', 'timeout=5'],
        ],
        body: '{"id":1,"name":"Rex","kind":{"bark":"loud"},"age":3}',
      });
      expect(answers[1]).toEqual(answers[0]);
      // The spec declares no HEAD, so Prism returns 405, and so does the cache.
      expect(answers[2]?.status).toBe(405);
      expect(answers[2]?.body).toBe('');
      expect(answers[3]).toEqual(answers[2]);
    }
  });

  test('the cache never answers a request that differs in what Prism checks', async () => {
    const server = await start({ apis: [{ name: 'pets', spec: PETS }] });
    const url = `${server.urls['pets']}/pets/1`;
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(url, { headers: { accept: 'application/xml' } })).status).toBe(406);
    expect((await fetch(`${server.urls['pets']}/pets/abc`)).status).toBe(422);
    expect((await fetch(`${url}?x=1`)).status).toBe(200);
    const withOrigin = await fetch(url, { headers: { origin: 'http://app.test' } });
    expect(withOrigin.headers.get('access-control-allow-origin')).toBe('http://app.test');
    expect(withOrigin.headers.get('access-control-allow-credentials')).toBe('true');
    expect(withOrigin.headers.get('vary')).toBe('origin');
    const noOrigin = await fetch(url);
    expect(noOrigin.headers.get('access-control-allow-origin')).toBe('*');
    expect(noOrigin.headers.get('access-control-allow-credentials')).toBeNull();
  });

  test('request log entries', async () => {
    const entries: RequestLogEntry[] = [];
    const server = await start({
      apis: [{ name: 'pets', spec: PETS }],
      onRequest: (entry) => entries.push(entry),
    });
    await fetch(`${server.urls['pets']}/pets?limit=0`);
    await fetch(`${server.urls['pets']}/pets/1`);
    await fetch(`${server.urls['pets']}/pets/1`);
    expect(
      entries.map((entry) => [
        entry.api,
        entry.method,
        entry.url,
        entry.status,
        entry.operationId,
        entry.cached,
      ]),
    ).toEqual([
      ['pets', 'GET', '/pets?limit=0', 422, 'listPets', false],
      ['pets', 'GET', '/pets/1', 200, 'getPet', false],
      ['pets', 'GET', '/pets/1', 200, 'getPet', true],
    ]);
    expect(entries[0]?.violations).toEqual([
      {
        location: ['query', 'limit'],
        message: 'Request query parameter limit must be >= 1',
        keyword: 'minimum',
      },
    ]);
  });

  test('reloads a changed spec on the same port', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'specgate-mock-'));
    try {
      const spec = path.join(directory, 'pets.yaml');
      await copyFile(PETS, spec);
      const events: MockEvent[] = [];
      const reloaded = new Promise<void>((resolve) => {
        const server = start({
          apis: [{ name: 'pets', spec }],
          watch: true,
          onEvent: (event) => {
            events.push(event);
            if (event.kind === 'reloaded') resolve();
          },
        });
        void server.then(async (running) => {
          const before = await fetch(`${running.urls['pets']}/legacy/pets`);
          expect(await before.json()).toEqual(['Rex', 'Tom']);
          const text = await readFile(spec, 'utf8');
          await writeFile(spec, text.replace('example: [Rex, Tom]', 'example: [Max]'));
        });
      });
      await reloaded;
      const server = running.at(-1) as MockServer;
      const after = await fetch(`${server.urls['pets']}/legacy/pets`);
      expect(await after.json()).toEqual(['Max']);
      expect(events.filter((event) => event.kind === 'reload-failed')).toEqual([]);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  test('keeps serving when a reload fails', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'specgate-mock-'));
    try {
      const spec = path.join(directory, 'pets.yaml');
      await copyFile(PETS, spec);
      const events: MockEvent[] = [];
      const server = await start({
        apis: [{ name: 'pets', spec }],
        onEvent: (event) => events.push(event),
      });
      await writeFile(spec, 'openapi: 3.1.0\npaths: [\n');
      await server.reload();
      expect(events.map((event) => event.kind)).toEqual(['reload-failed']);
      const response = await fetch(`${server.urls['pets']}/pets/1`);
      expect(response.status).toBe(200);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  test('port in use is a usage error', async () => {
    const first = await start({ apis: [{ name: 'pets', spec: PETS }] });
    const port = Number(new URL(first.urls['pets'] ?? '').port);
    const failure = startMock({ apis: [{ name: 'pets', spec: PETS }], port });
    await expect(failure).rejects.toThrow(SpecgateError);
    await expect(failure).rejects.toThrow(
      `port ${port} on 127.0.0.1 is already in use. Pick another with --port, or --port 0 for free ports.`,
    );
  });

  test('bad proxy URL is a usage error', async () => {
    await expect(
      startMock({ apis: [{ name: 'pets', spec: PETS }], proxy: 'not a url' }),
    ).rejects.toThrow(
      '--proxy "not a url" is not a URL. Give the provider\'s base URL, e.g. --proxy http://127.0.0.1:8080.',
    );
    await expect(
      startMock({ apis: [{ name: 'pets', spec: PETS }], proxy: 'ftp://127.0.0.1/' }),
    ).rejects.toThrow('is not an http or https URL');
  });

  test('rejects two APIs with one name', async () => {
    const notes = path.join(FIXTURES, 'nullable-30.yaml');
    const failure = startMock({
      apis: [
        { name: 'pets', spec: PETS },
        { name: 'pets', spec: notes },
      ],
    });
    await expect(failure).rejects.toThrow(SpecgateError);
    await expect(failure).rejects.toThrow(
      `${PETS} and ${notes} are both named "pets". Give the APIs different names in specgate.yaml, or rename one of the files.`,
    );
  });

  test('rejects one prefix for two APIs', async () => {
    const notes = path.join(FIXTURES, 'nullable-30.yaml');
    const failure = startMock({
      apis: [
        { name: 'pets', spec: PETS, prefix: '/v1' },
        { name: 'notes', spec: notes, prefix: 'v1/' },
      ],
      singlePort: true,
    });
    await expect(failure).rejects.toThrow(
      `${PETS} and ${notes} would share the path prefix "/v1" on one port. Give one of them another prefix with --prefix NAME=/PATH.`,
    );
  });

  /** Serves a Swagger 2.0 spec written from `lines` and requests `route` from it. */
  async function fetchFromSwagger(lines: string[], route: string): Promise<Response> {
    const directory = await mkdtemp(path.join(tmpdir(), 'specgate-mock-'));
    try {
      const spec = path.join(directory, 'comics.yaml');
      await writeFile(
        spec,
        ["swagger: '2.0'", 'info: {title: Comics, version: 1.0.0}', ...lines, ''].join('\n'),
      );
      const server = await start({ apis: [{ name: 'comics', spec }] });
      return await fetch(`${server.urls['comics']}${route}`);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }

  test('serves JSON when an empty produces clears the global', async () => {
    const response = await fetchFromSwagger(
      [
        'produces: [text/plain]',
        'paths:',
        '  /title:',
        '    get:',
        '      produces: []',
        '      responses:',
        "        '200':",
        '          description: the title',
        '          schema: {type: string, example: Exploits of a Mom}',
      ],
      '/title',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toBe('Exploits of a Mom');
  });

  test('serves JSON when every produces is empty', async () => {
    const response = await fetchFromSwagger(
      [
        'produces: []',
        'paths:',
        '  /comic:',
        "    $ref: '#/x-path-items/comic'",
        'x-path-items:',
        '  comic:',
        '    get:',
        '      produces: []',
        '      responses:',
        "        '200':",
        '          description: the comic',
        '          schema:',
        '            type: object',
        '            properties: {num: {type: integer, example: 327}}',
      ],
      '/comic',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ num: 327 });
  });

  test('serves JSON without Swagger produces', async () => {
    const response = await fetchFromSwagger(
      [
        'paths:',
        '  /comic:',
        '    get:',
        '      responses:',
        "        '200':",
        '          description: the comic',
        '          schema:',
        '            type: object',
        '            properties: {num: {type: integer, example: 614}}',
      ],
      '/comic',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ num: 614 });
  });

  test('rejects a prefix over a path', async () => {
    const notes = path.join(FIXTURES, 'nullable-30.yaml');
    const failure = startMock({
      apis: [
        { name: 'pets', spec: PETS, prefix: '' },
        { name: 'notes', spec: notes, prefix: '/pets' },
      ],
      singlePort: true,
    });
    await expect(failure).rejects.toThrow(
      `${PETS} serves /pets, but on one port the prefix "/pets" of API "notes" takes those requests. Give "notes" another prefix with --prefix notes=/PATH.`,
    );
  });

  test('spec without paths gives 404', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'specgate-mock-'));
    try {
      const spec = path.join(directory, 'hooks.yaml');
      await writeFile(
        spec,
        [
          'openapi: 3.1.0',
          'info: {title: Hooks, version: 1.0.0}',
          'webhooks:',
          '  newPet:',
          '    post:',
          "      responses: {'200': {description: ok}}",
          '',
        ].join('\n'),
      );
      const server = await start({ apis: [{ name: 'hooks', spec }] });
      const response = await fetch(`${server.urls['hooks']}/pets`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        type: 'urn:specgate:mock:route-not-found',
        title: 'No operation has this path',
        status: 404,
        detail: 'No path template in the spec matches /pets.',
      });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  test('missing spec is a usage error', async () => {
    const failure = startMock({
      apis: [{ name: 'gone', spec: 'nowhere/openapi.yaml' }],
      cwd: REPO,
    });
    await expect(failure).rejects.toThrow(SpecgateError);
    await expect(failure).rejects.toThrow('nowhere/openapi.yaml');
  });
});

describe('validation proxy', () => {
  let provider: Server | undefined;
  afterEach(async () => {
    await stopProvider();
  });

  async function stopProvider(): Promise<void> {
    const server = provider;
    provider = undefined;
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  async function startProvider(): Promise<string> {
    provider = createServer((request, reply) => {
      if (request.url === '/pets/1') {
        reply.writeHead(200, { 'content-type': 'application/json' });
        reply.end(JSON.stringify({ id: '1', name: 'Rex' }));
      } else {
        reply.writeHead(200, { 'content-type': 'application/json' });
        reply.end(JSON.stringify({ id: 9, name: 'Max', kind: { meow: true } }));
      }
    });
    await new Promise<void>((resolve) => provider?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  }

  test('reports request and response mismatches', async () => {
    const upstream = await startProvider();
    const entries: RequestLogEntry[] = [];
    const server = await start({
      apis: [{ name: 'pets', spec: PETS }],
      proxy: upstream,
      onRequest: (entry) => entries.push(entry),
    });
    const bad = await fetch(`${server.urls['pets']}/pets/1`);
    expect(bad.status).toBe(200);
    expect(await bad.json()).toEqual({ id: '1', name: 'Rex' });
    const good = await fetch(`${server.urls['pets']}/pets/2`);
    expect(await good.json()).toEqual({ id: 9, name: 'Max', kind: { meow: true } });
    const badRequest = await fetch(`${server.urls['pets']}/pets/abc`);
    expect(badRequest.status).toBe(200);

    expect(entries.map((entry) => entry.violations)).toEqual([
      [
        {
          location: ['response', 'body'],
          message: "Response body must have required property 'kind'",
          keyword: 'required',
        },
        {
          location: ['response', 'body', 'id'],
          message: 'Response body property id must be integer',
          keyword: 'type',
        },
      ],
      [],
      [
        {
          location: ['path', 'petId'],
          message: 'Request path parameter petId must be integer',
          keyword: 'type',
        },
      ],
    ]);
  });

  test('unreachable provider is 502', async () => {
    const upstream = await startProvider();
    await stopProvider();
    const server = await start({ apis: [{ name: 'pets', spec: PETS }], proxy: upstream });
    const response = await fetch(`${server.urls['pets']}/pets/2`);
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({
      type: 'urn:specgate:mock:upstream-failed',
      status: 502,
    });
  });
});
