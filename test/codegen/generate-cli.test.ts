import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, describe, expect, test } from 'vitest';

import { runCli } from '../support/run-cli.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), 'specgate-generate-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('specgate generate flask', () => {
  test('--check exits 1 while stale and 0 once generated', async () => {
    const out = path.join(scratch, 'orders_api');
    const stale = await runCli(
      ['generate', 'flask', 'specs/orders/openapi.yaml', '-o', out, '--check'],
      REPO_ROOT,
    );
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('stale: run specgate generate flask to update it');
    expect(() => readdirSync(out)).toThrow(/ENOENT/);

    const written = await runCli(
      ['generate', 'flask', 'specs/orders/openapi.yaml', '-o', out],
      REPO_ROOT,
    );
    expect(written.code).toBe(0);
    expect(written.stderr).toBe('');
    expect(written.stdout).toContain('  created handlers/orders.py');

    const fresh = await runCli(
      ['generate', 'flask', 'specs/orders/openapi.yaml', '-o', out, '--check', '--format', 'json'],
      REPO_ROOT,
    );
    expect(fresh.code).toBe(0);
    expect(JSON.parse(fresh.stdout)).toMatchObject({
      packageName: 'orders_api',
      operations: 5,
      stale: false,
      changes: { written: [], created: [], removed: [] },
    });
  });

  test('a name collision exits 2 with one line and writes nothing', async () => {
    const spec = path.join(scratch, 'collide.yaml');
    writeFileSync(
      spec,
      `openapi: 3.0.3
info: { title: c, version: '1' }
paths:
  /a/{item-id}:
    get:
      operationId: getA
      parameters:
        - { name: item-id, in: path, required: true, schema: { type: string } }
        - { name: item_id, in: path, required: true, schema: { type: string } }
      responses: { '200': { description: ok } }
`,
    );
    const out = path.join(scratch, 'collide_api');
    const run = await runCli(['generate', 'flask', spec, '-o', out], scratch);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'specgate: error: collide.yaml:5:5: path parameters "item-id" and "item_id" of /a/{item-id} both become the Python name "item_id". Rename one of them.\n',
    );
    expect(() => readdirSync(out)).toThrow(/ENOENT/);
  });

  test('a missing spec exits 2', async () => {
    const run = await runCli(['generate', 'ts', 'nope.yaml', '-o', 'out'], scratch);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^specgate: error: .*nope\.yaml.*\n$/);
  });
});
