import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// The binary exits as soon as only stdout and stderr are left in the event loop. These runs
// check that output larger than a pipe's buffer still arrives whole when the reader is slow.
const BIN = fileURLToPath(new URL('../../packages/cli/bin/specgate.cjs', import.meta.url));
const OPERATIONS = 2000;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'specgate-exit-'));
  const paths = Array.from(
    { length: OPERATIONS },
    (_, index) =>
      `  /items${index}:\n    get:\n      operationId: getItem${index}\n      responses:\n        '200':\n          description: OK\n`,
  );
  writeFileSync(
    path.join(dir, 'base.yaml'),
    `openapi: 3.0.3\ninfo: { title: T, version: 1.0.0 }\npaths:\n${paths.join('')}`,
  );
  writeFileSync(
    path.join(dir, 'revision.yaml'),
    'openapi: 3.0.3\ninfo: { title: T, version: 1.0.0 }\npaths: {}\n',
  );
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the binary with stdout on a pipe left unread for `delayMs`, then reads all of it. */
function runWithSlowReader(args: string[], delayMs: number) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir });
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout.pause();
    setTimeout(() => {
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stdout.resume();
    }, delayMs);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(stdout).toString(), stderr }),
    );
  });
}

describe('exit with output still in the pipe', () => {
  test('diff JSON for a slow reader', async () => {
    const { code, stdout, stderr } = await runWithSlowReader(
      ['diff', 'base.yaml', 'revision.yaml', '--format', 'json'],
      500,
    );
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout.length).toBeGreaterThan(256 * 1024);
    const report = JSON.parse(stdout) as {
      changes: { id: string; operation: { path: string } }[];
      summary: { error: number };
    };
    expect(report.summary.error).toBe(OPERATIONS);
    expect(report.changes).toHaveLength(OPERATIONS);
    expect(report.changes.at(-1)?.id).toBe('endpoint-removed-without-deprecation');
    // Changes are sorted by path text, so /items999 comes last.
    expect(report.changes.at(-1)?.operation.path).toBe('/items999');
    expect(new Set(report.changes.map((change) => change.operation.path)).size).toBe(OPERATIONS);
  });

  test('diff stylish and a report file', async () => {
    const { code, stdout } = await runWithSlowReader(
      ['diff', 'base.yaml', 'revision.yaml', '--format', 'stylish', '--format', 'json=report.json'],
      300,
    );
    expect(code).toBe(1);
    expect(stdout.split('\n').filter((line) => line.includes('endpoint-removed'))).toHaveLength(
      OPERATIONS,
    );
    const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as {
      changes: unknown[];
    };
    expect(report.changes).toHaveLength(OPERATIONS);
  });
});
