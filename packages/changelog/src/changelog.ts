import { listOperations, SpecgateError, type Level, type SpecDocument } from '@specgate/core';

import { releaseAnchor } from './anchor.js';
import { listDeprecations, type Deprecation } from './lifecycle-facts.js';
import { buildRelease, versionDate, type Release, type RevisionLabel } from './release.js';

/** One revision of a spec in a series. */
export interface SpecRevision {
  document: SpecDocument;
  label?: RevisionLabel;
}

/** Name, title, owner and stability of an API, as specgate.yaml declares them. */
export interface ApiFacts {
  /** Short name from specgate.yaml; default the spec's info.title. */
  name: string;
  title: string;
  owner: string | null;
  stability: string | null;
}

/** The history of one API: its releases, newest first, and its deprecated operations. */
export interface Changelog {
  api: ApiFacts;
  /** The day sunset dates and days left are computed from, YYYY-MM-DD. */
  today: string;
  releases: Release[];
  /** The oldest revision, which the first release is compared with. */
  baseline: { version: string | null; date: string | null; ref: string | null; operations: number };
  /** The deprecated operations of the newest revision, earliest sunset first. */
  deprecations: Deprecation[];
}

/** Options of a changelog build. */
export interface ChangelogOptions {
  today: string;
  levels?: Record<string, Level | 'off'>;
  api?: Partial<ApiFacts>;
}

/**
 * Builds the changelog of a series of revisions of one spec, given oldest first: each
 * revision becomes a release compared with the one before it.
 */
export function buildChangelog(
  revisions: readonly SpecRevision[],
  options: ChangelogOptions,
): Changelog {
  const oldest = revisions[0];
  const newest = revisions[revisions.length - 1];
  if (!oldest || !newest) {
    throw new SpecgateError('USAGE', 'a changelog needs at least one revision of the spec.');
  }
  const releases: Release[] = [];
  for (let index = 1; index < revisions.length; index += 1) {
    const base = revisions[index - 1] as SpecRevision;
    const revision = revisions[index] as SpecRevision;
    releases.push(
      buildRelease(base, revision, {
        today: options.today,
        ...(options.levels ? { levels: options.levels } : {}),
      }),
    );
  }
  uniqueAnchors(releases);
  const title = infoTitle(newest.document);
  return {
    api: {
      name: options.api?.name ?? title,
      title,
      owner: options.api?.owner ?? null,
      stability: options.api?.stability ?? null,
    },
    today: options.today,
    releases: releases.reverse(),
    baseline: {
      version: oldest.label?.version ?? oldest.document.apiVersion,
      date: oldest.label?.date ?? versionDate(oldest.document.apiVersion),
      ref: oldest.label?.ref ?? null,
      operations: listOperations(oldest.document).length,
    },
    deprecations: listDeprecations(newest.document, options.today),
  };
}

/** Adds the ref to the anchor of releases that share a version, e.g. commits between tags. */
function uniqueAnchors(releases: Release[]): void {
  const counts = new Map<string, number>();
  for (const release of releases) counts.set(release.anchor, (counts.get(release.anchor) ?? 0) + 1);
  for (const release of releases) {
    if ((counts.get(release.anchor) ?? 0) > 1 && release.ref !== null)
      release.anchor = releaseAnchor(`${release.version ?? ''} ${release.ref}`);
  }
}

function infoTitle(document: SpecDocument): string {
  const info = document.root['info'];
  const title =
    info !== null && typeof info === 'object' ? (info as Record<string, unknown>)['title'] : null;
  return typeof title === 'string' && title.trim() !== '' ? title : 'API';
}

/** Lists the deprecated operations whose sunset is today or later, earliest first. */
export function upcomingSunsets(changelog: Changelog): Deprecation[] {
  return changelog.deprecations.filter(
    (row) => row.lifecycle.daysToSunset !== null && row.lifecycle.daysToSunset >= 0,
  );
}
