import { isCalendarDate, type Level, type OperationRef, type SpecDocument } from '@specgate/core';
import { diffSpecs, type Change, type DiffResult } from '@specgate/diff';

import { operationAnchor, releaseAnchor } from './anchor.js';
import {
  indexOperationFacts,
  type OperationFacts,
  type OperationLifecycle,
} from './lifecycle-facts.js';
import { adviseVersion, bumpFor, type VersionAdvice } from './next-version.js';
import { classifyChange, SECTION_NAMES, sectionOf, type SectionName } from './sections.js';

/** One change inside an entry. */
export interface ChangeLine {
  id: string;
  level: Level;
  kind: SectionName;
  message: string;
}

/** Everything one release changed in one operation, or in no operation (`operation` null). */
export interface ReleaseEntry {
  /** Stable anchor from method and path; `general` for changes outside any operation. */
  anchor: string;
  operation: OperationRef | null;
  summary: string | null;
  changes: ChangeLine[];
  /** The operation's lifecycle at the release, or before it for a removed operation. */
  lifecycle: OperationLifecycle | null;
}

/** Label of a revision: its version, release date and source. */
export interface RevisionLabel {
  /** The version shown; default the spec's info.version. */
  version?: string | null;
  /** Release date, YYYY-MM-DD. */
  date?: string | null;
  /** Git ref or file the revision was read from. */
  ref?: string | null;
}

/** The changes from one revision of a spec to the next. */
export interface Release {
  version: string | null;
  previousVersion: string | null;
  date: string | null;
  ref: string | null;
  anchor: string;
  breaking: boolean;
  counts: Record<SectionName, number>;
  sections: Record<SectionName, ReleaseEntry[]>;
  versioning: VersionAdvice;
}

/** Options of a release build. */
export interface ReleaseOptions {
  /** The day sunset dates are compared with, YYYY-MM-DD. */
  today: string;
  /** Level per change id, as in specgate.yaml's diff.levels. */
  levels?: Record<string, Level | 'off'>;
}

/** Diffs two revisions of a spec and groups the changes into a release. */
export function buildRelease(
  base: { document: SpecDocument; label?: RevisionLabel },
  revision: { document: SpecDocument; label?: RevisionLabel },
  options: ReleaseOptions,
): Release {
  const diffOptions = {
    today: options.today,
    ...(options.levels ? { levels: options.levels } : {}),
  };
  const diff = diffSpecs(base.document, revision.document, diffOptions);
  return releaseFromDiff(diff, {
    today: options.today,
    base: base.document,
    revision: revision.document,
    baseLabel: base.label ?? {},
    label: revision.label ?? {},
  });
}

/** Input of `releaseFromDiff` besides the diff. The documents add lifecycle facts. */
export interface ReleaseContext {
  today: string;
  base?: SpecDocument;
  revision?: SpecDocument;
  baseLabel?: RevisionLabel;
  label?: RevisionLabel;
}

/** Groups the changes of a finished diff into a release, one entry per operation. */
export function releaseFromDiff(diff: DiffResult, context: ReleaseContext): Release {
  const baseFacts = context.base ? indexOperationFacts(context.base, context.today) : new Map();
  const revisionFacts = context.revision
    ? indexOperationFacts(context.revision, context.today)
    : new Map();
  const entries = groupByOperation(diff.changes.filter((change) => !change.waived));
  const sections = emptySections();
  const kinds: SectionName[] = [];
  for (const [key, changes] of entries) {
    const lines = changes.map(toLine);
    kinds.push(...lines.map((line) => line.kind));
    const facts: OperationFacts | undefined = revisionFacts.get(key) ?? baseFacts.get(key);
    const operation = changes[0]?.operation ?? null;
    sections[sectionOf(lines.map((line) => line.kind))].push({
      anchor: operation ? operationAnchor(operation.method, operation.path) : 'general',
      operation,
      summary: facts?.summary ?? null,
      changes: lines,
      lifecycle: facts?.lifecycle ?? null,
    });
  }

  const previousVersion = pick(context.baseLabel?.version, diff.base.version);
  const version = pick(context.label?.version, diff.revision.version);
  const bump = bumpFor(
    kinds,
    diff.changes.some((change) => !change.waived && change.level === 'warning'),
  );
  return {
    version,
    previousVersion,
    date: context.label?.date ?? versionDate(version),
    ref: context.label?.ref ?? null,
    anchor: releaseAnchor(version ?? context.label?.ref ?? 'unreleased'),
    breaking: kinds.includes('breaking'),
    counts: Object.fromEntries(
      SECTION_NAMES.map((name) => [name, sections[name].length]),
    ) as Record<SectionName, number>,
    sections,
    versioning: adviseVersion(previousVersion, diff.revision.version, bump),
  };
}

/** The date of a dated version such as Stripe's `2022-11-15`, else null. */
export function versionDate(version: string | null): string | null {
  const prefix = /^(\d{4}-\d{2}-\d{2})/.exec(version ?? '')?.[1];
  return prefix !== undefined && isCalendarDate(prefix) ? prefix : null;
}

function pick(label: string | null | undefined, fallback: string | null): string | null {
  return label === undefined ? fallback : label;
}

/** Groups changes by `METHOD path`; changes outside any operation share one group, last. */
function groupByOperation(changes: readonly Change[]): Map<string, Change[]> {
  const groups = new Map<string, Change[]>();
  const general: Change[] = [];
  for (const change of changes) {
    if (!change.operation) {
      general.push(change);
      continue;
    }
    const key = `${change.operation.method} ${change.operation.path}`;
    const group = groups.get(key);
    if (group) group.push(change);
    else groups.set(key, [change]);
  }
  const sorted = new Map([...groups].sort(([a], [b]) => compareKeys(a, b)));
  if (general.length > 0) sorted.set('', general);
  return sorted;
}

/** Orders `METHOD path` keys by path, then method. */
function compareKeys(a: string, b: string): number {
  const pathA = a.slice(a.indexOf(' ') + 1);
  const pathB = b.slice(b.indexOf(' ') + 1);
  return pathA.localeCompare(pathB) || a.localeCompare(b);
}

function toLine(change: Change): ChangeLine {
  return {
    id: change.id,
    level: change.level,
    kind: classifyChange(change.id, change.level),
    message: change.message,
  };
}

function emptySections(): Record<SectionName, ReleaseEntry[]> {
  return { breaking: [], deprecated: [], added: [], changed: [] };
}
