import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFlask } from '@specgate/codegen-flask';

import { PYTHON } from '../../packages/codegen-flask/src/test-support/python.js';
import { runCli } from '../support/run-cli.js';
import { verifySummary } from './verify-summary.js';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const FIXTURES = path.join(ROOT, 'test/contracts/fixtures/flask');

/**
 * The consumer's committed pact verified against the Flask app generated from
 * specs/orders/openapi.yaml, with hand-written handlers, served on 127.0.0.1.
 */
describe('pact verify against the generated Flask provider', () => {
  let workDir = '';
  let server: ChildProcess | undefined;
  let baseUrl = '';

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'specgate-flask-provider-'));
    const packageDir = path.join(workDir, 'orders_provider');
    await generateFlask('specs/orders/openapi.yaml', packageDir, { cwd: ROOT });
    copyFileSync(
      path.join(FIXTURES, 'orders_handlers.py'),
      path.join(packageDir, 'handlers/orders.py'),
    );
    copyFileSync(path.join(FIXTURES, 'provider_app.py'), path.join(workDir, 'provider_app.py'));
    server = spawn(PYTHON, ['provider_app.py'], {
      cwd: workDir,
      env: { ...process.env, PYTHONPATH: workDir, PYTHONDONTWRITEBYTECODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    server.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`provider did not start: ${stderr}`)),
        30_000,
      );
      server?.once('exit', (status) => reject(new Error(`provider exited ${status}: ${stderr}`)));
      createInterface({ input: server!.stdout! }).once('line', (line) => {
        clearTimeout(timer);
        resolve(Number(line));
      });
    });
    baseUrl = `http://127.0.0.1:${port}`;
  });

  afterAll(() => {
    if (server?.pid !== undefined) server.kill();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('verifies every interaction of the committed pact', async () => {
    const run = await runCli(
      [
        'pact',
        'verify',
        'contracts/pacts/web-shop-orders.json',
        '--provider',
        'orders',
        '--base-url',
        baseUrl,
        '--provider-version',
        'flask-1',
        '--branch',
        'main',
        '--provider-states-setup-url',
        `${baseUrl}/_pact/provider-states`,
      ],
      ROOT,
    );
    expect(run.stderr).toBe('');
    expect(verifySummary(run.stdout)).toBe(
      'pact web-shop -> orders\n\nverified: orders flask-1: 4 interaction(s), 0 failed\n',
    );
    expect(run.code).toBe(0);
  });

  it('answers 501 for an operation without a handler', async () => {
    const orderId = '00000000-0000-4000-8000-000000000000';
    const response = await fetch(`${baseUrl}/v2/orders/${orderId}/cancellation`, {
      method: 'POST',
      headers: { Authorization: 'Bearer test-token' },
    });
    expect(response.status).toBe(501);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});
