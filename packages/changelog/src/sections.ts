import type { Level } from '@specgate/core';

/** The sections of a release, in the order they are shown: breaking changes first. */
export const SECTION_NAMES = ['breaking', 'deprecated', 'added', 'changed'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

/** Headings of the sections, in the words of Keep a Changelog where it has one. */
export const SECTION_HEADINGS: Record<SectionName, string> = {
  breaking: 'Breaking',
  deprecated: 'Deprecated',
  added: 'Added',
  changed: 'Changed',
};

/** Classifies one change as breaking, a deprecation, an addition, or another change. */
export function classifyChange(id: string, level: Level): SectionName {
  if (level === 'error') return 'breaking';
  if (id.endsWith('-deprecated')) return 'deprecated';
  if (level === 'info' && isAddition(id)) return 'added';
  return 'changed';
}

function isAddition(id: string): boolean {
  return (
    id.endsWith('-added') ||
    id === 'new-optional-request-parameter' ||
    id === 'request-body-added-optional'
  );
}

/**
 * Picks the section of an operation's entry from the kinds of its changes: breaking when
 * any change is, then deprecated, then added when every change is an addition.
 */
export function sectionOf(kinds: readonly SectionName[]): SectionName {
  if (kinds.includes('breaking')) return 'breaking';
  if (kinds.includes('deprecated')) return 'deprecated';
  if (kinds.length > 0 && kinds.every((kind) => kind === 'added')) return 'added';
  return 'changed';
}
