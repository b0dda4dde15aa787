import semver from 'semver';

import type { SectionName } from './sections.js';

/** The part of a semantic version a release's changes call for. */
export type VersionBump = 'major' | 'minor' | 'patch';

/** The version a release should carry, compared with the one its spec states. */
export interface VersionAdvice {
  /** The bump the changes call for, or null when nothing changed. */
  bump: VersionBump | null;
  /** The previous version with that bump applied, or null when either is unknown. */
  suggested: string | null;
  /** False when `info.version` does not follow the bump; null when it cannot be judged. */
  follows: boolean | null;
  /** One sentence explaining a version that does not follow, or why none is suggested. */
  note: string | null;
}

/**
 * Picks the bump a release's changes call for: major for a breaking change, minor for an
 * addition, a deprecation or a change that may break some clients, patch otherwise.
 */
export function bumpFor(kinds: readonly SectionName[], hasWarning: boolean): VersionBump | null {
  if (kinds.length === 0) return null;
  if (kinds.includes('breaking')) return 'major';
  if (hasWarning || kinds.includes('added') || kinds.includes('deprecated')) return 'minor';
  return 'patch';
}

/**
 * Suggests the next version from the previous one and checks the stated one against it.
 * A stated version follows when it is at least the suggested one. Versions that are not
 * semantic versions (dates, `v1`) are not judged.
 */
export function adviseVersion(
  previous: string | null,
  stated: string | null,
  bump: VersionBump | null,
): VersionAdvice {
  if (bump === null) return { bump, suggested: null, follows: null, note: null };
  const base = previous === null ? null : semver.valid(previous);
  if (base === null) {
    const note =
      previous === null
        ? null
        : `the previous info.version ${previous} is not a semantic version, so no version is suggested`;
    return { bump, suggested: null, follows: null, note };
  }
  const suggested = semver.inc(base, bump);
  const current = stated === null ? null : semver.valid(stated);
  if (current === null || suggested === null) {
    return {
      bump,
      suggested,
      follows: null,
      note: `info.version ${stated ?? '(missing)'} is not a semantic version; the changes call for ${suggested ?? 'a new version'}`,
    };
  }
  if (semver.gte(current, suggested)) return { bump, suggested, follows: true, note: null };
  return {
    bump,
    suggested,
    follows: false,
    note: `info.version ${current} does not follow the changes: ${describe(bump)} call for ${suggested} or later`,
  };
}

function describe(bump: VersionBump): string {
  if (bump === 'major') return 'breaking changes';
  if (bump === 'minor') return 'additions and deprecations';
  return 'the changes';
}
