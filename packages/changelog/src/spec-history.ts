import path from 'node:path';

import {
  existsAtRevision,
  git,
  gitRevisionReader,
  gitTopLevel,
  loadSpec,
  SpecgateError,
  verifyRevision,
} from '@specgate/core';

import type { SpecRevision } from './changelog.js';

/** Selection of the git revisions that make up a spec's history; set exactly one field. */
export interface RevisionSelector {
  /** Tags matching this glob (`orders-v*`), oldest tag first. */
  tags?: string;
  /** Refs in the order given, oldest first. */
  refs?: readonly string[];
  /** The commits touching the spec after `from`, up to `to` (default HEAD), with `from` first. */
  from?: string;
  to?: string;
  /** The last N commits touching the spec, oldest first. */
  last?: number;
}

/** Options of a history load. */
export interface HistoryOptions {
  cwd: string;
  allowRemote: boolean;
  /**
   * Called for a revision left out because its spec does not load (invalid YAML, a broken
   * `$ref`). Only revisions found by `tags`, `from` or `last` are left out; a revision named
   * in `refs` that does not load raises its error.
   */
  onSkipped?: (revision: string, error: SpecgateError) => void;
}

interface RefDate {
  ref: string;
  label: string;
  date: string;
}

/**
 * Loads a spec at each revision the selector names, each with the `$ref` files of that
 * revision, skipping revisions where the spec file does not exist yet, and revisions found by
 * tag or commit search where it does not load.
 */
export async function loadSpecHistory(
  spec: string,
  selector: RevisionSelector,
  options: HistoryOptions,
): Promise<SpecRevision[]> {
  const topLevel = await gitTopLevel(options.cwd);
  const absolute = path.resolve(options.cwd, spec);
  const relative = path.relative(topLevel, absolute).split(path.sep).join('/');
  const tracked = await trackedFiles(absolute, topLevel, options);
  const refs = await selectRefs(topLevel, tracked, selector);
  const revisions: SpecRevision[] = [];
  for (const entry of refs) {
    if (!(await existsAtRevision(topLevel, entry.ref, relative))) continue;
    const document = await loadSpec(absolute, {
      cwd: options.cwd,
      allowRemote: options.allowRemote,
      reader: gitRevisionReader(topLevel, entry.ref, { cwd: options.cwd, label: entry.label }),
    }).catch((error: unknown) => {
      if (selector.refs !== undefined || !(error instanceof SpecgateError)) throw error;
      options.onSkipped?.(`${entry.label} (${entry.date})`, error);
      return null;
    });
    if (document === null) continue;
    revisions.push({ document, label: { ref: entry.label, date: entry.date } });
  }
  if (revisions.length === 0) {
    throw new SpecgateError(
      'USAGE',
      `${relative}: the spec exists at none of the selected git revisions. Check the tag pattern or refs.`,
    );
  }
  return revisions;
}

/**
 * Lists the files of the spec as it is in the work tree, relative to the top level, so
 * that a commit editing only a `$ref`'d file counts as a revision. A spec that does not
 * load from the work tree is tracked by its root file alone.
 */
async function trackedFiles(
  absolute: string,
  topLevel: string,
  options: HistoryOptions,
): Promise<string[]> {
  const root = path.relative(topLevel, absolute).split(path.sep).join('/');
  try {
    const current = await loadSpec(absolute, { cwd: options.cwd, allowRemote: false });
    const files = [...current.files.keys()]
      .filter((file) => !/^https?:/.test(file))
      .map((file) => path.relative(topLevel, file).split(path.sep).join('/'))
      .filter((file) => !file.startsWith('..'));
    return files.includes(root) ? files : [root, ...files];
  } catch {
    return [root];
  }
}

async function selectRefs(
  topLevel: string,
  files: string[],
  selector: RevisionSelector,
): Promise<RefDate[]> {
  if (selector.tags !== undefined) return tagsMatching(topLevel, selector.tags);
  if (selector.refs !== undefined)
    return Promise.all(selector.refs.map((ref) => dated(topLevel, ref, 'ref in --refs')));
  if (selector.from !== undefined) {
    const to = selector.to ?? 'HEAD';
    await verifyRevision(topLevel, to, '--to');
    const first = await dated(topLevel, selector.from, '--from');
    const later = await commitsTouching(topLevel, files, [`${selector.from}..${to}`]);
    return [first, ...later];
  }
  const count = selector.last ?? 10;
  return commitsTouching(topLevel, files, ['-n', String(count), 'HEAD']);
}

async function tagsMatching(topLevel: string, pattern: string): Promise<RefDate[]> {
  const output = await git(topLevel, [
    'for-each-ref',
    '--sort=creatordate',
    '--format=%(refname:short)%09%(creatordate:iso-strict)',
    `refs/tags/${pattern}`,
  ]);
  const tags = parseLines(output).map(([ref, date]) => ({ ref, label: ref, date: utcDate(date) }));
  if (tags.length === 0) {
    throw new SpecgateError(
      'USAGE',
      `no git tag matches "${pattern}" in ${topLevel}. List the tags with git tag --list, or pass --refs.`,
    );
  }
  return tags;
}

async function dated(topLevel: string, ref: string, source: string): Promise<RefDate> {
  const commit = await verifyRevision(topLevel, ref, source);
  const date = (await git(topLevel, ['log', '-1', '--format=%cI', commit])).trim();
  return { ref: commit, label: ref, date: utcDate(date) };
}

// NOTE: the files are those the spec uses now, so a commit that only edited a $ref'd file
// the spec no longer uses is not listed.
async function commitsTouching(
  topLevel: string,
  files: string[],
  range: string[],
): Promise<RefDate[]> {
  const output = await git(topLevel, ['log', '--format=%H%x09%cI', ...range, '--', ...files]);
  return parseLines(output)
    .reverse()
    .map(([commit, date]) => ({ ref: commit, label: commit.slice(0, 7), date: utcDate(date) }));
}

function parseLines(output: string): [string, string][] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [ref = '', date = ''] = line.split('\t');
      return [ref, date];
    });
}

/** Converts an ISO 8601 date-time that git printed to its UTC calendar date. */
function utcDate(isoDate: string): string {
  return new Date(isoDate).toISOString().slice(0, 10);
}
