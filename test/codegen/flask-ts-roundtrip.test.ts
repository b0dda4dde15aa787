import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';

import { generateFlask } from '@specgate/codegen-flask';
import { generateTs } from '@specgate/codegen-ts';

import { PYTHON } from '../../packages/codegen-flask/src/test-support/python.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Under packages/codegen-ts so that the generated client resolves openapi-fetch. */
const TS_OUTPUT = path.join(REPO_ROOT, 'packages/codegen-ts/.test-output');

const MISSING_ORDER = '00000000-0000-4000-8000-000000000000';
const LINES = [{ sku: 'A-1', quantity: 2, unitPrice: { amount: '19.99', currency: 'EUR' } }];
const CUSTOMER = '3fa85f64-5717-4562-b3fc-2c963f66afa6';

interface ApiErrorShape {
  status: number;
  body: Record<string, unknown>;
  operationId: string;
  response: Response;
}

let pythonDir = '';
let tsDir = '';
let stylesTsDir = '';
let server: ChildProcess | undefined;
let baseUrl = '';
// The generated module is imported at run time, so its types are not known here.
let clientModule: {
  createClient: (options: Record<string, unknown>) => Record<string, Record<string, Function>>;
  ApiError: new (...args: never[]) => ApiErrorShape;
};
let stylesModule: typeof clientModule;

async function startServer(
  packageParent: string,
): Promise<{ process: ChildProcess; port: number }> {
  const code = [
    'from werkzeug.middleware.dispatcher import DispatcherMiddleware',
    'from werkzeug.serving import make_server',
    'from orders_api import create_app',
    'import query_styles_api',
    'config = {"OPENAPI_VALIDATE_RESPONSES": True}',
    'app = DispatcherMiddleware(create_app(config), {"/styles": query_styles_api.create_app(config)})',
    'server = make_server("127.0.0.1", 0, app, threaded=True)',
    'print(server.server_port, flush=True)',
    'server.serve_forever()',
  ].join('\n');
  const child = spawn(PYTHON, ['-c', code], {
    cwd: packageParent,
    env: { ...process.env, PYTHONPATH: packageParent, PYTHONDONTWRITEBYTECODE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 20_000);
    child.once('exit', (status) => reject(new Error(`server exited with ${status}: ${stderr}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve(Number(line));
    });
  });
  return { process: child, port };
}

async function failure(pending: Promise<unknown>): Promise<ApiErrorShape> {
  const error = await pending.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(clientModule.ApiError);
  return error as ApiErrorShape;
}

beforeAll(async () => {
  pythonDir = mkdtempSync(path.join(tmpdir(), 'specgate-roundtrip-'));
  mkdirSync(TS_OUTPUT, { recursive: true });
  tsDir = mkdtempSync(path.join(TS_OUTPUT, 'orders-'));
  const packageDir = path.join(pythonDir, 'orders_api');
  await generateFlask('specs/orders/openapi.yaml', packageDir, { cwd: REPO_ROOT });
  copyFileSync(
    path.join(REPO_ROOT, 'test/codegen/fixtures/orders_handlers.py'),
    path.join(packageDir, 'handlers/orders.py'),
  );
  await generateTs('specs/orders/openapi.yaml', tsDir, { cwd: REPO_ROOT });
  const stylesSpec = 'test/codegen/fixtures/query-styles.yaml';
  const stylesDir = path.join(pythonDir, 'query_styles_api');
  await generateFlask(stylesSpec, stylesDir, { cwd: REPO_ROOT });
  writeFileSync(
    path.join(stylesDir, 'handlers/default.py'),
    'def search(*, query, headers):\n    return {"query": query}\n',
  );
  stylesTsDir = mkdtempSync(path.join(TS_OUTPUT, 'query-styles-'));
  await generateTs(stylesSpec, stylesTsDir, { cwd: REPO_ROOT });
  const started = await startServer(pythonDir);
  server = started.process;
  baseUrl = `http://127.0.0.1:${started.port}`;
  clientModule = await import(pathToFileURL(path.join(tsDir, 'client.ts')).href);
  stylesModule = await import(pathToFileURL(path.join(stylesTsDir, 'client.ts')).href);
});

afterAll(() => {
  if (server?.pid !== undefined) server.kill();
  rmSync(pythonDir, { recursive: true, force: true });
  rmSync(tsDir, { recursive: true, force: true });
  rmSync(stylesTsDir, { recursive: true, force: true });
});

describe('generated TS client against the generated Flask app', () => {
  test('creates, reads and lists an order', async () => {
    const tokens: (string | null)[] = [];
    const client = clientModule.createClient({
      baseUrl,
      getToken: () => 'secret-token',
      fetch: (request: Request) => {
        tokens.push(request.headers.get('Authorization'));
        return fetch(request);
      },
    });
    const created = await client['orders']!['createOrder']!({
      body: { customerId: CUSTOMER, lines: LINES },
    });
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      customerId: CUSTOMER,
      status: 'pending',
      lines: LINES,
      total: { amount: '39.98', currency: 'EUR' },
      createdAt: '2026-12-04T12:00:00Z',
    });
    const fetched = await client['orders']!['getOrder']!({
      params: { path: { orderId: created.id } },
    });
    expect(fetched).toEqual(created);
    const page = await client['orders']!['listOrders']!({
      params: { query: { status: 'pending' } },
    });
    expect(page).toEqual({ items: [created], nextCursor: null });
    expect(tokens).toEqual(['Bearer secret-token', 'Bearer secret-token', 'Bearer secret-token']);
  });

  test('404 from a handler arrives as ApiError with problem+json', async () => {
    const client = clientModule.createClient({ baseUrl });
    const error = await failure(
      client['orders']!['getOrder']!({ params: { path: { orderId: MISSING_ORDER } } }),
    );
    expect(error.status).toBe(404);
    expect(error.operationId).toBe('getOrder');
    expect(error.response.headers.get('Content-Type')).toBe('application/problem+json');
    expect(error.body).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: `No order has the id ${MISSING_ORDER}.`,
    });
  });

  test('invalid query is 400 on both sides', async () => {
    const client = clientModule.createClient({ baseUrl });
    const error = await failure(
      client['orders']!['listOrders']!({ params: { query: { limit: 500 } } }),
    );
    const direct = await fetch(`${baseUrl}/v2/orders?limit=500`);
    expect(direct.status).toBe(400);
    expect(error.status).toBe(400);
    const expected = {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'The request parameters are invalid.',
      errors: [
        { in: 'query', name: 'limit', path: '', message: '500 is greater than the maximum of 100' },
      ],
    };
    expect(await direct.json()).toEqual(expected);
    expect(error.body).toEqual(expected);
  });

  test('body failing the schema is 422 listing each violation', async () => {
    const client = clientModule.createClient({ baseUrl });
    const error = await failure(
      client['orders']!['createOrder']!({
        body: { customerId: 'not-a-uuid', lines: [{ sku: 'A-1', quantity: 0 }] },
      }),
    );
    expect(error.status).toBe(422);
    expect(error.body['errors']).toEqual([
      { in: 'body', path: '/customerId', message: "'not-a-uuid' is not a 'uuid'" },
      { in: 'body', path: '/lines/0/quantity', message: '0 is less than the minimum of 1' },
    ]);
  });

  test('unimplemented handler is 501 naming the operation', async () => {
    const client = clientModule.createClient({ baseUrl });
    const error = await failure(
      client['orders']!['cancelOrder']!({ params: { path: { orderId: MISSING_ORDER } } }),
    );
    expect(error.status).toBe(501);
    expect(error.body['detail']).toBe(
      'Operation cancelOrder has no handler yet: implement cancel_order in handlers/orders.py.',
    );
  });

  test('deprecated operation warns once with the server headers', async () => {
    const notices: unknown[] = [];
    const client = clientModule.createClient({
      baseUrl,
      onDeprecated: (notice: unknown) => notices.push(notice),
    });
    const first = await client['orders']!['listOrdersV1']!();
    await client['orders']!['listOrdersV1']!({ params: { query: { limit: 1 } } });
    await client['orders']!['listOrders']!();
    expect(first).toEqual({ items: [{ id: expect.any(String), status: 'pending' }] });
    expect(notices).toEqual([
      {
        operationId: 'listOrdersV1',
        method: 'GET',
        path: '/v1/orders',
        deprecation: '@1782777600',
        sunset: 'Wed, 30 Jun 2027 00:00:00 GMT',
      },
    ]);
    const direct = await fetch(`${baseUrl}/v1/orders?limit=0`);
    expect(direct.status).toBe(400);
    expect(direct.headers.get('Deprecation')).toBe('@1782777600');
    expect(direct.headers.get('Sunset')).toBe('Wed, 30 Jun 2027 00:00:00 GMT');
  });

  test('default deprecation warning goes to console.warn once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const client = clientModule.createClient({ baseUrl });
      await client['orders']!['listOrdersV1']!();
      await client['orders']!['listOrdersV1']!();
      expect(warn.mock.calls).toEqual([
        ['listOrdersV1 (GET /v1/orders) is deprecated; sunset Wed, 30 Jun 2027 00:00:00 GMT.'],
      ]);
    } finally {
      warn.mockRestore();
    }
  });

  test('query parameters travel in the style the spec declares', async () => {
    const requests: string[] = [];
    const client = stylesModule.createClient({
      baseUrl: `${baseUrl}/styles`,
      fetch: (request: Request) => {
        requests.push(decodeURIComponent(new URL(request.url).search));
        return fetch(request);
      },
    });
    const query = {
      filter: { status: 'open', limit: 5, tags: ['a', 'b'], range: { min: -2 } },
      created: { gte: 9 },
      expand: ['c', 'd'],
      ids: [1, 2, 3],
      point: { x: 1, y: 2.5 },
      words: ['a', 'b'],
      codes: [4, 5],
      page: { offset: 10, size: 20 },
    };
    const answer = await client['default']!['search']!({ params: { query } });
    expect(requests).toEqual([
      '?filter[status]=open&filter[limit]=5&filter[tags][]=a&filter[tags][]=b&filter[range][min]=-2&created[gte]=9&expand[]=c&expand[]=d&ids=1,2,3&point=x,1,y,2.5&words=a b&codes=4|5&offset=10&size=20',
    ]);
    expect(answer).toEqual({ query });
  });
});
