import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SpecgateError } from './errors.js';
import {
  changedFiles,
  existsAtRevision,
  git,
  gitRevisionReader,
  gitTopLevel,
  verifyRevision,
} from './git.js';
import { loadSpec } from './spec-document.js';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

const COMMITTED_ROOT = lines(
  'openapi: 3.0.3',
  'info: {title: Pets, version: 1.0.0}',
  'paths: {}',
  'components:',
  '  schemas:',
  "    Pet: {$ref: 'schemas/pet.yaml'}",
);
const COMMITTED_PET = lines('type: object', 'properties:', '  id: {type: integer}');
const COMMITTED_ORDERS = lines(
  'openapi: 3.0.3',
  'info: {title: Orders, version: 1.0.0}',
  'paths: {}',
  'components:',
  '  schemas:',
  "    Order: {$ref: 'schemas/order.yaml'}",
);

let repository: string;
let headCommit: string;

/** Runs git in the test repository with a fixed identity and no signing. */
function runGit(...args: string[]): string {
  return execFileSync(
    'git',
    [
      '-c',
      'user.name=Specgate Test',
      '-c',
      'user.email=test@example.com',
      '-c',
      'commit.gpgsign=false',
      ...args,
    ],
    { cwd: repository, encoding: 'utf8' },
  );
}

/** Runs `action` and returns the SpecgateError it rejects with. */
async function rejectionOf(action: Promise<unknown>): Promise<SpecgateError> {
  const error = await action.then(
    () => new Error('expected a SpecgateError, but the promise resolved'),
    (caught: unknown) => caught,
  );
  if (error instanceof SpecgateError) return error;
  throw error;
}

beforeAll(async () => {
  repository = realpathSync(mkdtempSync(path.join(tmpdir(), 'specgate-core-git-')));
  runGit('init', '--quiet');
  await mkdir(path.join(repository, 'schemas'));
  await writeFile(path.join(repository, 'openapi.yaml'), COMMITTED_ROOT);
  await writeFile(path.join(repository, 'schemas', 'pet.yaml'), COMMITTED_PET);
  await writeFile(path.join(repository, 'orders.yaml'), COMMITTED_ORDERS);
  await writeFile(path.join(repository, 'README.md'), 'Pets API\n');
  runGit('add', 'openapi.yaml', 'orders.yaml', 'schemas/pet.yaml', 'README.md');
  runGit('commit', '--quiet', '-m', 'Add the pets spec');
  headCommit = runGit('rev-parse', 'HEAD').trim();

  await writeFile(
    path.join(repository, 'openapi.yaml'),
    COMMITTED_ROOT.replace('title: Pets', 'title: Pets (edited)'),
  );
  await writeFile(
    path.join(repository, 'schemas', 'pet.yaml'),
    lines('type: object', 'properties:', '  id: {type: string}'),
  );
  await writeFile(path.join(repository, 'schemas', 'toy.yaml'), lines('type: object'));
  await writeFile(path.join(repository, 'schemas', 'order.yaml'), lines('type: object'));
});

afterAll(async () => {
  await rm(repository, { recursive: true, force: true });
});

describe('gitRevisionReader', () => {
  it('loads every file of a spec as committed at HEAD', async () => {
    const document = await loadSpec('openapi.yaml', {
      cwd: repository,
      reader: gitRevisionReader(repository, 'HEAD'),
    });

    expect(document.rootFile.displayPath).toBe('HEAD:openapi.yaml');
    expect(document.rootFile.path).toBe(path.join(repository, 'openapi.yaml'));
    expect(document.rootFile.text).toBe(COMMITTED_ROOT);
    expect(document.root['info']).toEqual({ title: 'Pets', version: '1.0.0' });

    const pet = document.files.get(path.join(repository, 'schemas', 'pet.yaml'));
    expect(pet?.displayPath).toBe('HEAD:schemas/pet.yaml');
    expect(pet?.data).toEqual({ type: 'object', properties: { id: { type: 'integer' } } });
    expect(document.files.size).toBe(2);
  });

  it('raises FILE_NOT_FOUND for a file absent at the revision', async () => {
    const reader = gitRevisionReader(repository, 'HEAD');
    const error = await rejectionOf(reader.read(path.join(repository, 'schemas', 'toy.yaml')));
    expect(error.code).toBe('FILE_NOT_FOUND');
    expect(error.file).toBe('HEAD:schemas/toy.yaml');
    expect(error.message).toBe('HEAD:schemas/toy.yaml: file not found at that revision.');
  });

  it('raises REF_NOT_FOUND for a $ref to a file absent at the revision', async () => {
    const error = await rejectionOf(
      loadSpec('orders.yaml', { cwd: repository, reader: gitRevisionReader(repository, 'HEAD') }),
    );
    expect(error.code).toBe('REF_NOT_FOUND');
    expect(error.file).toBe('HEAD:orders.yaml');
    expect(error.message).toBe(
      'HEAD:orders.yaml:6:13: $ref "schemas/order.yaml" cannot be read (HEAD:schemas/order.yaml: file not found at that revision.)',
    );
  });
});

describe('verifyRevision', () => {
  it('returns the commit id of an existing revision', async () => {
    expect(await verifyRevision(repository, 'HEAD')).toBe(headCommit);
  });

  it('raises GIT_ERROR naming a missing ref', async () => {
    const error = await rejectionOf(verifyRevision(repository, 'origin/no-such-branch'));
    expect(error.code).toBe('GIT_ERROR');
    expect(error.message).toBe(
      `git revision "origin/no-such-branch" not found in ${repository}. Fetch it (git fetch origin) or pass an existing --base.`,
    );
  });

  it('names the option the ref came from', async () => {
    const error = await rejectionOf(verifyRevision(repository, 'v9', 'ref in --refs'));
    expect(error.code).toBe('GIT_ERROR');
    expect(error.message).toBe(
      `git revision "v9" not found in ${repository}. Fetch it (git fetch origin) or pass an existing ref in --refs.`,
    );
  });
});

describe('changedFiles', () => {
  it('lists modified and untracked files relative to the top level', async () => {
    const changed = await changedFiles(repository, 'HEAD');
    expect([...changed].sort()).toEqual([
      'openapi.yaml',
      'schemas/order.yaml',
      'schemas/pet.yaml',
      'schemas/toy.yaml',
    ]);
  });
});

describe('existsAtRevision', () => {
  it('tells committed files from files created later', async () => {
    expect(await existsAtRevision(repository, 'HEAD', 'schemas/pet.yaml')).toBe(true);
    expect(await existsAtRevision(repository, 'HEAD', path.join('schemas', 'toy.yaml'))).toBe(
      false,
    );
    expect(await existsAtRevision(repository, 'no-such-ref', 'openapi.yaml')).toBe(false);
  });
});

describe('git', () => {
  it('returns stdout', async () => {
    expect((await git(repository, ['rev-parse', 'HEAD'])).trim()).toBe(headCommit);
  });

  it('finds the top level from a subdirectory', async () => {
    expect(await gitTopLevel(path.join(repository, 'schemas'))).toBe(repository);
  });

  it('raises GIT_ERROR with the command and the first line of stderr', async () => {
    const error = await rejectionOf(git(repository, ['show', 'HEAD:missing.yaml']));
    expect(error.code).toBe('GIT_ERROR');
    expect(error.message).toBe(
      `git show HEAD:missing.yaml failed in ${repository}: fatal: path 'missing.yaml' does not exist in 'HEAD'`,
    );
  });
});
