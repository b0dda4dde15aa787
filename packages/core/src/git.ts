import path from 'node:path';

import { SpecgateError } from './errors.js';
import { SourceFile } from './source-file.js';
import { displayPathOf, type SourceReader } from './spec-document.js';

interface RunOptions {
  cwd: string;
  maxBuffer?: number;
  encoding?: 'utf8';
}

/**
 * Runs `command` with execFile. child_process is loaded on the first call, because loading it
 * at start-up would slow down the commands that never call git (lint, diff).
 */
async function run(
  command: string,
  args: string[],
  options: RunOptions,
): Promise<{ stdout: string }> {
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  return promisify(execFile)(command, args, { encoding: 'utf8', ...options });
}

/** Runs git in `cwd` and returns its stdout; failures become a GIT_ERROR. */
export async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', args, {
      cwd,
      maxBuffer: 1024 * 1024 * 1024,
      encoding: 'utf8',
    });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split('\n')[0] ?? String(error);
    throw new SpecgateError('GIT_ERROR', `git ${args.join(' ')} failed in ${cwd}: ${stderr}`, {
      cause: error,
    });
  }
}

/** Returns the top directory of the git work tree that contains `cwd`. */
export async function gitTopLevel(cwd: string): Promise<string> {
  try {
    return (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
  } catch (error) {
    throw new SpecgateError(
      'GIT_ERROR',
      `${cwd} is not inside a git work tree. Run specgate check from a clone of the repository.`,
      { cause: error },
    );
  }
}

/**
 * Checks that `ref` names a commit, raising an error that names the fix when it does not.
 * `source` names where the user gave the ref, e.g. `--base` or `ref in --refs`.
 */
export async function verifyRevision(cwd: string, ref: string, source = '--base'): Promise<string> {
  try {
    return (
      await run('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd })
    ).stdout.trim();
  } catch (error) {
    throw new SpecgateError(
      'GIT_ERROR',
      `git revision "${ref}" not found in ${cwd}. Fetch it (git fetch origin) or pass an existing ${source}.`,
      { cause: error },
    );
  }
}

/** Paths (relative to the top level) of files that differ between `ref` and the work tree. */
export async function changedFiles(topLevel: string, ref: string): Promise<Set<string>> {
  // -z: paths end with NUL and are not quoted. Without it, git quotes a path with non-ASCII
  // characters or `"` ("specs/r\303\251seau/openapi.yaml"), and no spec would match it.
  const tracked = await git(topLevel, ['diff', '--name-only', '-z', ref, '--']);
  const untracked = await git(topLevel, ['ls-files', '--others', '--exclude-standard', '-z']);
  return new Set([...tracked.split('\0'), ...untracked.split('\0')].filter((file) => file !== ''));
}

/** True when `relativePath` exists at `ref`. */
export async function existsAtRevision(
  topLevel: string,
  ref: string,
  relativePath: string,
): Promise<boolean> {
  try {
    await run('git', ['cat-file', '-e', `${ref}:${toGitPath(relativePath)}`], { cwd: topLevel });
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads spec files as they were at a git revision, so that a spec and the files its
 * relative `$ref`s name all come from that revision. Error messages show `LABEL:path` (the
 * label defaults to the ref), and locations name the path as a file on disk relative to
 * `cwd` would be, with `ref` set to the label.
 */
export function gitRevisionReader(
  topLevel: string,
  ref: string,
  options: { cwd?: string; label?: string } = {},
): SourceReader {
  const cwd = options.cwd ?? topLevel;
  const label = options.label ?? ref;
  return {
    async read(absolutePath: string): Promise<SourceFile> {
      const relative = toGitPath(path.relative(topLevel, absolutePath));
      // The same name a file on disk gets, so a base location and the revision's line up.
      const locationPath = displayPathOf(absolutePath, cwd);
      const displayPath = `${label}:${relative}`;
      let text: string;
      try {
        text = (
          await run('git', ['show', `${ref}:${relative}`], {
            cwd: topLevel,
            maxBuffer: 1024 * 1024 * 1024,
            encoding: 'utf8',
          })
        ).stdout;
      } catch (error) {
        throw new SpecgateError(
          'FILE_NOT_FOUND',
          `${displayPath}: file not found at that revision.`,
          {
            file: displayPath,
            cause: error,
          },
        );
      }
      return new SourceFile({ path: absolutePath, displayPath, text, ref: label, locationPath });
    },
  };
}

function toGitPath(relativePath: string): string {
  return relativePath.split(path.sep).join('/');
}
