import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

import { afterEach, describe, expect, test } from 'vitest';

import { runCli } from '../support/run-cli.js';

const BIN = fileURLToPath(new URL('../../packages/cli/bin/specgate.cjs', import.meta.url));
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const PETS = 'packages/mock/test/fixtures/pets.yaml';

interface Running {
  child: ChildProcess;
  urls: Map<string, string>;
  stderr: () => string;
  exit: Promise<number | null>;
}

const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Spawns `specgate mock` and resolves once it has printed one `NAME URL` line per API. */
function spawnMock(args: string[], apiCount: number): Promise<Running> {
  const child = spawn(process.execPath, [BIN, 'mock', '--port', '0', ...args], { cwd: REPO });
  children.push(child);
  let stdout = '';
  let stderr = '';
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const lines = stdout.split('\n').filter((line) => line !== '');
      if (lines.length < apiCount) return;
      const urls = new Map(lines.map((line) => line.split(' ') as [string, string]));
      resolve({ child, urls, stderr: () => stderr, exit });
    });
    void exit.then((code) => reject(new Error(`specgate mock exited with ${code}: ${stderr}`)));
  });
}

describe('specgate mock', () => {
  test('serves configured APIs and stops on SIGTERM', async () => {
    const mock = await spawnMock(['--log'], 2);
    expect([...mock.urls.keys()]).toEqual(['orders', 'customers']);
    for (const url of mock.urls.values()) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const orders = await fetch(`${mock.urls.get('orders')}/v1/orders`, {
      headers: { authorization: 'Bearer token' },
    });
    expect(orders.status).toBe(200);
    expect(orders.headers.get('sunset')).toBe('Wed, 30 Jun 2027 00:00:00 GMT');
    const unauthorised = await fetch(`${mock.urls.get('orders')}/v2/orders`);
    expect(unauthorised.status).toBe(401);

    mock.child.kill('SIGTERM');
    expect(await mock.exit).toBe(0);
    const log = mock
      .stderr()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { api: string; status: number; url: string });
    expect(log.map((entry) => [entry.api, entry.url, entry.status])).toEqual([
      ['orders', '/v1/orders', 200],
      ['orders', '/v2/orders', 401],
    ]);
  });

  test('single port with prefixes', async () => {
    const mock = await spawnMock(['orders', PETS, '--single-port', '--prefix', 'orders='], 2);
    const orders = new URL(mock.urls.get('orders') ?? '');
    expect(mock.urls.get('pets')).toBe(`${orders.origin}/pets`);
    const pet = await fetch(`${mock.urls.get('pets')}/pets/1`);
    expect(await pet.json()).toEqual({ id: 1, name: 'Rex', kind: { bark: 'loud' }, age: 3 });
    mock.child.kill('SIGINT');
    expect(await mock.exit).toBe(0);
  });

  test('proxy prints mismatches', async () => {
    const provider = createServer((_request, reply) => {
      reply.writeHead(200, { 'content-type': 'application/json' });
      reply.end('{"id":"1","name":"Rex"}');
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    try {
      const upstream = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
      const mock = await spawnMock([PETS, '--proxy', upstream], 1);
      const response = await fetch(`${mock.urls.get('pets')}/pets/1`);
      expect(await response.json()).toEqual({ id: '1', name: 'Rex' });
      mock.child.kill('SIGTERM');
      expect(await mock.exit).toBe(0);
      expect(mock.stderr()).toContain(
        'specgate: warning: pets: GET /pets/1 -> 200: response.body.id: Response body property id must be integer\n',
      );
    } finally {
      await new Promise((resolve) => provider.close(resolve));
    }
  });
});

describe('specgate mock bad input', () => {
  test('missing spec', async () => {
    const run = await runCli(['mock', 'missing/openapi.yaml'], REPO);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stderr).toMatch(/^specgate: error: .*missing\/openapi\.yaml/);
  });

  test('invalid spec', async () => {
    const run = await runCli(['mock', 'package.json'], REPO);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stderr).toMatch(/^specgate: error: .*package\.json/);
  });

  test('bad proxy URL', async () => {
    const run = await runCli(['mock', PETS, '--proxy', 'nope'], REPO);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'specgate: error: --proxy "nope" is not a URL. Give the provider\'s base URL, e.g. --proxy http://127.0.0.1:8080.\n',
    );
  });

  test('bad port', async () => {
    const run = await runCli(['mock', PETS, '--port', 'abc'], REPO);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'specgate: error: --port "abc" is not a port number. Give 0 to 65535, e.g. --port 4010.\n',
    );
  });

  test('port in use', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    try {
      const port = (holder.address() as AddressInfo).port;
      const run = await runCli(['mock', PETS, '--port', String(port)], REPO);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `specgate: error: port ${port} on 127.0.0.1 is already in use. Pick another with --port, or --port 0 for free ports.\n`,
      );
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });

  test('prefix that is not a plain path', async () => {
    for (const prefix of ['/x?q', '/x/../b', '/%78']) {
      const run = await runCli(['mock', PETS, '--single-port', '--prefix', `pets=${prefix}`], REPO);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `specgate: error: --prefix "pets=${prefix}" is not a plain path. Leave out ?, #, % and the segments . and .., e.g. --prefix NAME=/v1.\n`,
      );
    }
  });

  test('two prefixes for one API', async () => {
    const args = ['mock', PETS, '--single-port', '--prefix', 'pets=/x', '--prefix', 'pets=/y'];
    const run = await runCli(args, REPO);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'specgate: error: --prefix gives API "pets" two prefixes. Keep one --prefix pets=/path.\n',
    );
  });

  test('unknown prefix name', async () => {
    const run = await runCli(['mock', PETS, '--single-port', '--prefix', 'nope=/x'], REPO);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'specgate: error: --prefix "nope=/x" names no mocked API. Use NAME=/path with one of: pets.\n',
    );
  });
});
