import { execFile, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { beforeAll, describe, expect, test } from 'vitest';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../packages/cli/bin/specgate.cjs', import.meta.url));
const VALID = `openapi: 3.0.3
info: { title: T, version: 1.0.0 }
paths: {}
`;

let dir: string;

/** Runs the built CLI as a user would, in the scratch directory. */
async function specgate(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'specgate-bad-'));
  mkdirSync(path.join(dir, 'folder'));
  writeFileSync(path.join(dir, 'valid.yaml'), VALID);
  writeFileSync(path.join(dir, 'empty.yaml'), '  \n');
  writeFileSync(path.join(dir, 'broken.yaml'), 'openapi: 3.0.3\ninfo:\n  title: [unclosed\n');
  writeFileSync(path.join(dir, 'broken.json'), '{\n  "openapi": "3.0.3",\n  "info": {\n}');
  writeFileSync(path.join(dir, 'not-openapi.yaml'), 'name: my-package\nversion: 1.0.0\n');
  writeFileSync(
    path.join(dir, 'v32.yaml'),
    'openapi: 3.2.0\ninfo: { title: T, version: 1.0.0 }\npaths: {}\n',
  );
  writeFileSync(
    path.join(dir, 'missing-ref.yaml'),
    `${VALID.replace('paths: {}\n', '')}paths:\n  /a:\n    get:\n      responses:\n        '200': { $ref: 'responses.yaml#/Ok' }\n`,
  );
  writeFileSync(
    path.join(dir, 'bad-pointer.yaml'),
    `${VALID}components:\n  schemas:\n    A: { $ref: '#/components/schemas/Missing' }\n`,
  );
  writeFileSync(
    path.join(dir, 'remote.yaml'),
    `${VALID}components:\n  schemas:\n    A: { $ref: 'https://example.org/a.yaml' }\n`,
  );
  writeFileSync(
    path.join(dir, 'bad-config.yaml'),
    'apis:\n  - name: orders\n    spec: valid.yaml\n    stability: gold\n',
  );
  writeFileSync(
    path.join(dir, 'missing-spec.yaml'),
    'apis:\n  - name: orders\n    spec: valid.yaml\n  - name: customers\n    spec: specs/customers/openapi.yaml\n',
  );
  writeFileSync(
    path.join(dir, 'unknown-rule.yaml'),
    'lint:\n  rules:\n    specgate/path-version-prefx: warn\n',
  );
});

describe('bad input exits 2 with one line', () => {
  const cases: [string, string[], string][] = [
    [
      'missing file',
      ['lint', 'nope.yaml'],
      'nope.yaml: file not found. Check the path, or create the file.',
    ],
    [
      'directory',
      ['lint', 'folder'],
      "folder: is a directory, not a file. Pass the spec's root file, e.g. folder/openapi.yaml.",
    ],
    [
      'the working directory',
      ['lint', '.'],
      ".: is a directory, not a file. Pass the spec's root file, e.g. openapi.yaml.",
    ],
    [
      'empty file',
      ['lint', 'empty.yaml'],
      'empty.yaml: the file is empty. Write an OpenAPI document in it, or pass another file.',
    ],
    ['invalid YAML', ['lint', 'broken.yaml'], 'broken.yaml:4:1: invalid YAML'],
    ['invalid JSON', ['diff', 'broken.json', 'valid.yaml'], 'broken.json:4:2: invalid JSON'],
    [
      'not OpenAPI',
      ['lint', 'not-openapi.yaml'],
      'not-openapi.yaml: not an OpenAPI document (it has no "openapi" or "swagger" field).',
    ],
    [
      'unsupported version',
      ['diff', 'valid.yaml', 'v32.yaml'],
      'v32.yaml: unsupported version (openapi: 3.2.0).',
    ],
    [
      'ref to a missing file',
      ['lint', 'missing-ref.yaml'],
      'missing-ref.yaml:7:18: $ref "responses.yaml#/Ok" cannot be read (responses.yaml: file not found.',
    ],
    [
      'ref to a missing pointer',
      ['lint', 'bad-pointer.yaml'],
      'bad-pointer.yaml:6:10: $ref "#/components/schemas/Missing" points to nothing in bad-pointer.yaml.',
    ],
    [
      'remote ref',
      ['lint', 'remote.yaml'],
      'remote.yaml:6:10: remote $ref "https://example.org/a.yaml" is not followed. Pass --allow-remote',
    ],
    [
      'unknown format',
      ['lint', 'valid.yaml', '--format', 'xml'],
      'Unknown format "xml" in --format xml.',
    ],
    [
      'bad config',
      ['lint', 'valid.yaml', '--config', 'bad-config.yaml'],
      'bad-config.yaml:4:5: apis[0].stability must be one of draft, alpha, beta, stable, deprecated.',
    ],
    [
      'lint of a declared API whose spec is missing',
      ['lint', '--config', 'missing-spec.yaml'],
      'missing-spec.yaml:5:5: apis[1].spec: specs/customers/openapi.yaml: file not found. Fix the path in the config, or create the file.',
    ],
    [
      'sunset report of a declared API whose spec is missing',
      ['sunset', 'report', '--config', 'missing-spec.yaml'],
      'missing-spec.yaml:5:5: apis[1].spec: specs/customers/openapi.yaml: file not found. Fix the path in the config, or create the file.',
    ],
    [
      'unknown lint rule in the config',
      ['lint', 'valid.yaml', '--config', 'unknown-rule.yaml'],
      'unknown-rule.yaml:3:5: unknown lint rule "specgate/path-version-prefx" in lint.rules. Did you mean "specgate/path-version-prefix"?',
    ],
    [
      'missing git base',
      ['check', '--base', 'no-such-branch'],
      'is not inside a git work tree. Run specgate check from a clone of the repository.',
    ],
    [
      'bad --today',
      ['diff', 'valid.yaml', 'valid.yaml', '--today', 'tomorrow'],
      '--today "tomorrow" is not a date.',
    ],
    ['unknown option', ['lint', '--colour'], "unknown option '--colour'"],
    ['empty spec path in lint', ['lint', ''], 'a spec path is empty. Pass the path of an OpenAPI'],
    ['empty spec path in diff', ['diff', 'valid.yaml', ''], 'a spec path is empty.'],
    [
      'lint of a spec at a URL',
      ['lint', '--allow-remote', 'http://127.0.0.1:9/openapi.yaml'],
      'http://127.0.0.1:9/openapi.yaml: lint reads local files only. Download the spec and pass its path.',
    ],
    [
      'spec at a URL',
      ['diff', 'http://127.0.0.1:9/openapi.yaml', 'valid.yaml'],
      'http://127.0.0.1:9/openapi.yaml: a spec at a URL is not fetched. Pass --allow-remote to fetch it, or download the file and pass its path.',
    ],
  ];

  test.each(cases)('%s', async (_name, args, expected) => {
    const result = await specgate(...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toContain(expected);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  test.each(['lint', 'diff', 'generate ts'])(
    '%s of the working directory by its absolute path shows it as .',
    async (command) => {
      const args =
        command === 'diff'
          ? [dir, 'valid.yaml']
          : command === 'generate ts'
            ? [dir, '-o', 'out']
            : [dir];
      const result = await specgate(...command.split(' '), ...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        "specgate: error: .: is a directory, not a file. Pass the spec's root file, e.g. openapi.yaml.\n",
      );
    },
  );

  test('missing git base names the revision', async () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'specgate-git-'));
    await run('git', ['init', '-q'], { cwd: repo });
    const { stderr, code } = await run(process.execPath, [BIN, 'check', '--base', 'origin/nope'], {
      cwd: repo,
    }).then(
      (value) => ({ ...value, code: 0 }),
      (error: { stderr: string; code: number }) => error,
    );
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(
      `specgate: error: git revision "origin/nope" not found in ${await realPath(repo)}. Fetch it (git fetch origin) or pass an existing --base.`,
    );
  });

  test('check names the config key of a declared spec that is missing', async () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'specgate-git-'));
    await run('git', ['init', '-q'], { cwd: repo });
    writeFileSync(path.join(repo, 'valid.yaml'), VALID);
    writeFileSync(
      path.join(repo, 'specgate.yaml'),
      'apis:\n  - name: orders\n    spec: valid.yaml\n  - name: customers\n    spec: specs/customers/openapi.yaml\n',
    );
    await run('git', ['add', '.'], { cwd: repo });
    await run(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'base'],
      {
        cwd: repo,
      },
    );
    const result = await run(process.execPath, [BIN, 'check'], { cwd: repo }).then(
      (value) => ({ ...value, code: 0 }),
      (error: { stdout: string; stderr: string; code: number }) => error,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'specgate: error: specgate.yaml:5:5: apis[1].spec: specs/customers/openapi.yaml: file not found. Fix the path in the config, or create the file.\n',
    );
  });

  test('report to /dev/stdout reaches stdout', async () => {
    // execFile gives the child a socket as stdout, which cannot be opened by path.
    const result = await specgate('lint', 'valid.yaml', '--format', 'json=/dev/stdout');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).schemaVersion).toBe(1);
  });

  test('a failed report write keeps the other reports as they were', async () => {
    writeFileSync(path.join(dir, 'keep.json'), 'before\n');
    const result = await specgate(
      'lint',
      'valid.yaml',
      '--format',
      'json=keep.json',
      '--format',
      'sarif=/dev/full',
    );
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'specgate: error: --format: cannot write /dev/full (no space left on the device, ENOSPC). Check the path and its permissions.',
    );
    expect(readFileSync(path.join(dir, 'keep.json'), 'utf8')).toBe('before\n');
  });

  test('stderr on a full device keeps exit 2 for bad input', () => {
    const full = openSync('/dev/full', 'w');
    const result = spawnSync(process.execPath, [BIN, 'lint', 'nope.yaml'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', full],
      encoding: 'utf8',
    });
    closeSync(full);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
  });

  test('stdout on a full device exits 2', () => {
    const full = openSync('/dev/full', 'w');
    const result = spawnSync(process.execPath, [BIN, 'lint', 'valid.yaml'], {
      cwd: dir,
      stdio: ['ignore', full, 'pipe'],
      encoding: 'utf8',
    });
    closeSync(full);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'specgate: error: cannot write to stdout (no space left on the device, ENOSPC). Send the output to a file or device with free space.\n',
    );
  });

  test('deleted working directory exits 2', () => {
    const deletedDirectory = mkdtempSync(path.join(tmpdir(), 'specgate-gone-'));
    const result = spawnSync(
      '/bin/sh',
      [
        '-c',
        'cd "$1" && rmdir "$1" && exec "$2" "$3" --version',
        'sh',
        deletedDirectory,
        process.execPath,
        BIN,
      ],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'specgate: error: cannot read the working directory (not found, ENOENT). Change to an existing directory and run specgate again.\n',
    );
  });

  test('lint names a spec whose $ref chain is too deep', async () => {
    const schemas = Array.from({ length: 3000 }, (_, index) =>
      index < 2999
        ? `    S${index}: { type: object, properties: { next: { $ref: '#/components/schemas/S${index + 1}' } } }`
        : `    S${index}: { type: object }`,
    );
    writeFileSync(
      path.join(dir, 'deep-chain.yaml'),
      `${VALID.replace('paths: {}', 'paths: {}\ncomponents:\n  schemas:')}${schemas.join('\n')}\n`,
    );
    const result = await specgate('lint', 'deep-chain.yaml');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `specgate: error: deep-chain.yaml: its $ref chains or nesting go too deep for the lint engine (Redocly ran out of stack). Shorten the longest chain of schemas that reference each other in sequence.\n`,
    );
  });

  test('a failed run leaves no report file behind', async () => {
    const result = await specgate('lint', 'nope.yaml', '--format', 'sarif=out/report.sarif');
    expect(result.code).toBe(2);
    const listing = await run('ls', ['-A', dir]);
    expect(listing.stdout.split('\n')).not.toContain('out');
  });
});

async function realPath(directory: string): Promise<string> {
  const { realpath } = await import('node:fs/promises');
  return realpath(directory);
}
