import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const BIN = path.join(ROOT, 'packages', 'cli', 'bin', 'specgate.cjs');

/** Starts `specgate broker serve` and waits for the line with its URL. */
function serve(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [BIN, 'broker', 'serve', '--port', '0', '--data', dataDir],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no URL within 15 s: ${output}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
}

/** Runs `specgate broker serve` expecting it to exit by itself; kills it after 15 s. */
function serveFailing(
  args: string[],
): Promise<{ code: number | null; stderr: string; hung: boolean }> {
  const child = spawn(process.execPath, [BIN, 'broker', 'serve', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => {
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, 15_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, hung });
    });
  });
}

/** Listens on a free port of 127.0.0.1, so the broker finds it taken. */
function occupyPort(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ server, port: (server.address() as { port: number }).port });
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('specgate broker serve', () => {
  const started: ChildProcess[] = [];

  afterEach(() => {
    for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('serves the store on 127.0.0.1, stops on SIGTERM and keeps its data', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'specgate-store-'));
    const first = await serve(dataDir);
    started.push(first.child);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const created = await fetch(`${first.url}/environments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'production', displayName: 'Production', production: true }),
    });
    expect(created.status).toBe(201);
    expect(await stop(first.child)).toBe(0);

    const second = await serve(dataDir);
    started.push(second.child);
    const listed = (await (await fetch(`${second.url}/environments`)).json()) as {
      _embedded: { environments: { name: string; displayName: string; production: boolean }[] };
    };
    expect(
      listed._embedded.environments.map(({ name, displayName, production }) => ({
        name,
        displayName,
        production,
      })),
    ).toEqual([{ name: 'production', displayName: 'Production', production: true }]);
    expect(await stop(second.child)).toBe(0);
  });

  it('rejects a port in use in one line', async () => {
    const { server, port } = await occupyPort();
    try {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'specgate-store-'));
      const run = await serveFailing(['--port', String(port), '--data', dataDir]);
      expect(run.hung).toBe(false);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `specgate: error: port ${port} on 127.0.0.1 is already in use. Stop the process listening there, or pass --port with another port (0 picks a free one).\n`,
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('accepts --debug', async () => {
    const { server, port } = await occupyPort();
    try {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'specgate-store-'));
      const run = await serveFailing(['--port', String(port), '--data', dataDir, '--debug']);
      expect(run.code).toBe(2);
      expect(run.stderr.split('\n')[0]).toBe(
        `specgate: error: port ${port} on 127.0.0.1 is already in use. Stop the process listening there, or pass --port with another port (0 picks a free one).`,
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('rejects a file as --data', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'specgate-store-'));
    const file = path.join(folder, 'store');
    writeFileSync(file, 'not a folder\n');
    const run = await serveFailing(['--port', '0', '--data', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `specgate: error: store data folder ${file}: ${file} is a file, not a folder. Pass --data with a folder path.\n`,
    );
  });

  it('rejects an uncreatable --data without hanging', async () => {
    const run = await serveFailing(['--port', '0', '--data', '/proc/nope']);
    expect(run.hung).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'specgate: error: cannot create the store data folder /proc/nope (ENOENT). Pass --data with a writable folder.\n',
    );
  });
});
