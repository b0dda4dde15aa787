import type { Changelog } from './changelog.js';

/** Version of the JSON layout `renderJson` writes; bumped only on an incompatible change. */
export const CHANGELOG_SCHEMA_VERSION = 1;

/**
 * Builds the stable JSON document of a changelog (schemaVersion 1): the API, its releases
 * newest first with their sections and version advice, and the deprecated operations.
 */
export function changelogToJson(changelog: Changelog): object {
  return {
    schemaVersion: CHANGELOG_SCHEMA_VERSION,
    api: changelog.api,
    today: changelog.today,
    releases: changelog.releases.map((release) => ({
      version: release.version,
      previousVersion: release.previousVersion,
      date: release.date,
      ref: release.ref,
      anchor: release.anchor,
      breaking: release.breaking,
      counts: release.counts,
      versioning: release.versioning,
      sections: release.sections,
    })),
    baseline: changelog.baseline,
    deprecations: changelog.deprecations,
  };
}

/** Renders the changelog's JSON document with two-space indentation. */
export function renderJson(changelog: Changelog): string {
  return `${JSON.stringify(changelogToJson(changelog), null, 2)}\n`;
}
