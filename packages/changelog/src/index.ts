/**
 * Changelogs and the API portal. Groups the changes between revisions of a spec into
 * releases, with breaking changes first, then deprecations, additions and other changes,
 * one entry per operation. Suggests the next version, renders Markdown, HTML, JSON and
 * Atom, and builds a static portal with reference docs, changelogs and deprecation
 * timelines.
 */
export { operationAnchor, releaseAnchor } from './anchor.js';
export { buildChangelog, upcomingSunsets } from './changelog.js';
export type { ApiFacts, Changelog, ChangelogOptions, SpecRevision } from './changelog.js';
export { CHANGELOG_JSON_SCHEMA } from './changelog-schema.js';
export { daysBetween, listDeprecations } from './lifecycle-facts.js';
export type { Deprecation, OperationLifecycle } from './lifecycle-facts.js';
export { adviseVersion, bumpFor } from './next-version.js';
export type { VersionAdvice, VersionBump } from './next-version.js';
export { buildPortal } from './portal/build-portal.js';
export type { PortalApi, PortalOptions, PortalResult } from './portal/build-portal.js';
export { buildRelease, releaseFromDiff, versionDate } from './release.js';
export type {
  ChangeLine,
  Release,
  ReleaseContext,
  ReleaseEntry,
  ReleaseOptions,
  RevisionLabel,
} from './release.js';
export { renderAtom } from './render-atom.js';
export type { FeedLinks } from './render-atom.js';
export { renderHtml } from './render-html.js';
export { CHANGELOG_SCHEMA_VERSION, changelogToJson, renderJson } from './render-json.js';
export { releaseMarkdown, renderMarkdown } from './render-markdown.js';
export { SECTION_HEADINGS, SECTION_NAMES } from './sections.js';
export type { SectionName } from './sections.js';
export { loadSpecHistory } from './spec-history.js';
export type { HistoryOptions, RevisionSelector } from './spec-history.js';
