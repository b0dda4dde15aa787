import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const BIN = path.join(ROOT, 'packages', 'cli', 'bin', 'specgate.js');

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
});
