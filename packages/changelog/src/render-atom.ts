import { stableUuid } from './anchor.js';
import type { Changelog } from './changelog.js';
import { escapeXml as esc } from './escape.js';
import { releaseHtml } from './render-html.js';
import type { Release } from './release.js';
import { SECTION_HEADINGS, SECTION_NAMES } from './sections.js';

/** Links of a feed: the page it describes and, when known, its own URL. */
export interface FeedLinks {
  /** URL or relative reference of the HTML changelog entries link to (`rel="alternate"`). */
  alternate: string;
  /** URL of the feed itself (`rel="self"`), when known. */
  self?: string;
}

/**
 * Renders a changelog as an Atom 1.0 feed (RFC 4287) with one entry per release, newest
 * first. Ids are `urn:uuid:` values derived from the API name and release, so readers
 * keep track of entries across rebuilds. A release with no date is dated `today`.
 */
export function renderAtom(changelog: Changelog, links: FeedLinks): string {
  const updatedOf = (release: Release) => rfc3339(release.date ?? changelog.today);
  const newest = changelog.releases[0];
  const updated = newest ? updatedOf(newest) : rfc3339(changelog.baseline.date ?? changelog.today);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>urn:uuid:${stableUuid(`specgate feed ${changelog.api.name}`)}</id>`,
    `  <title>${esc(`${changelog.api.title} changelog`)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${esc(changelog.api.owner ?? changelog.api.name)}</name></author>`,
    `  <link rel="alternate" type="text/html" href="${esc(links.alternate)}"/>`,
  ];
  if (links.self)
    lines.push(`  <link rel="self" type="application/atom+xml" href="${esc(links.self)}"/>`);
  lines.push('  <generator>specgate</generator>');
  for (const release of changelog.releases) {
    const name = release.version ?? release.ref ?? 'Unreleased';
    lines.push(
      '  <entry>',
      `    <id>urn:uuid:${stableUuid(`specgate entry ${changelog.api.name} ${name} ${release.ref ?? ''}`)}</id>`,
      `    <title>${esc(`${changelog.api.title} ${name}${release.breaking ? ' (breaking)' : ''}`)}</title>`,
      `    <updated>${updatedOf(release)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${esc(`${links.alternate}#${release.anchor}`)}"/>`,
      `    <summary>${esc(summaryOf(release))}</summary>`,
      `    <content type="html">${esc(releaseHtml(release))}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

function summaryOf(release: Release): string {
  const counts = SECTION_NAMES.filter((name) => release.counts[name] > 0).map(
    (name) => `${SECTION_HEADINGS[name].toLowerCase()}: ${release.counts[name]}`,
  );
  return counts.length === 0
    ? 'No changes to the API.'
    : `Operations changed, by section: ${counts.join(', ')}.`;
}

/** Formats a YYYY-MM-DD date as an RFC 3339 date-time at the start of that UTC day. */
function rfc3339(date: string): string {
  return `${date}T00:00:00Z`;
}
