import { upcomingSunsets, type Changelog } from './changelog.js';
import type { Deprecation, OperationLifecycle } from './lifecycle-facts.js';
import type { Release, ReleaseEntry } from './release.js';
import { SECTION_HEADINGS, SECTION_NAMES } from './sections.js';

/** Renders a changelog as Markdown in the Keep a Changelog layout, newest release first. */
export function renderMarkdown(changelog: Changelog): string {
  const lines = [
    `# Changelog: ${inline(changelog.api.title)}`,
    '',
    'All notable changes to this API, newest release first. Each release lists breaking changes first, then deprecations, additions and other changes, one entry per operation.',
    '',
  ];
  lines.push(...sunsetTable(upcomingSunsets(changelog), changelog.today));
  for (const release of changelog.releases) lines.push(...releaseMarkdown(release, 2));
  const base = changelog.baseline;
  lines.push(
    `## [${inline(base.version ?? base.ref ?? 'baseline')}]${base.date ? ` - ${base.date}` : ''}`,
    '',
    `The first revision compared: ${base.operations} operation(s).`,
    '',
  );
  return lines.join('\n');
}

/**
 * Renders one release at the given heading level: its heading, the version advice, and
 * its sections. `specgate check` uses it for the changelog fragment of a pull request.
 */
export function releaseMarkdown(release: Release, level: number): string[] {
  const hashes = '#'.repeat(level);
  const lines = [
    `<a id="${release.anchor}"></a>`,
    '',
    `${hashes} [${inline(release.version ?? release.ref ?? 'Unreleased')}]${release.date ? ` - ${release.date}` : ''}`,
    '',
  ];
  const facts = [`Breaking: ${release.breaking ? 'yes' : 'no'}`];
  if (release.ref !== null) facts.push(`revision ${inline(release.ref)}`);
  if (release.previousVersion !== null)
    facts.push(`compared with ${inline(release.previousVersion)}`);
  if (release.versioning.suggested !== null)
    facts.push(`suggested version: ${release.versioning.suggested} (${release.versioning.bump})`);
  if (release.versioning.suggested === null && release.versioning.note !== null)
    facts.push(inline(release.versioning.note));
  lines.push(`${facts.join(' · ')}.`, '');
  if (release.versioning.follows === false && release.versioning.note !== null)
    lines.push(`> **Warning:** ${inline(release.versioning.note)}.`, '');
  const empty = SECTION_NAMES.every((name) => release.sections[name].length === 0);
  if (empty) lines.push('No changes to the API.', '');
  for (const name of SECTION_NAMES) {
    const entries = release.sections[name];
    if (entries.length === 0) continue;
    lines.push(`${hashes}# ${SECTION_HEADINGS[name]}`, '');
    for (const entry of entries) lines.push(...entryMarkdown(entry, release.anchor));
    lines.push('');
  }
  return lines;
}

function entryMarkdown(entry: ReleaseEntry, releaseAnchor: string): string[] {
  const title = entry.operation
    ? `**\`${entry.operation.method} ${entry.operation.path}\`**${entry.operation.operationId ? ` (\`${entry.operation.operationId}\`)` : ''}`
    : '**Outside any operation**';
  const lines = [`- <a id="${releaseAnchor}-${entry.anchor}"></a>${title}`];
  for (const change of entry.changes) {
    const marker =
      change.level === 'error'
        ? 'Breaking: '
        : change.level === 'warning'
          ? 'May break some clients: '
          : '';
    lines.push(`  - ${marker}${inline(change.message)} (\`${change.id}\`)`);
  }
  if (
    entry.lifecycle &&
    (entry.lifecycle.deprecated || entry.changes.some((c) => c.kind === 'deprecated'))
  )
    lines.push(`  - ${lifecycleText(entry.lifecycle)}`);
  else if (entry.lifecycle?.migrationGuide)
    lines.push(`  - Migration guide: <${entry.lifecycle.migrationGuide}>`);
  return lines;
}

/** Describes a deprecation in one sentence: dates, days left, stability, replacement, guide. */
export function lifecycleText(lifecycle: OperationLifecycle): string {
  const parts: string[] = [];
  if (lifecycle.deprecatedAt) parts.push(`deprecated on ${lifecycle.deprecatedAt}`);
  if (lifecycle.sunset)
    parts.push(`sunset on ${lifecycle.sunset} (${daysText(lifecycle.daysToSunset)})`);
  else parts.push('no sunset date announced');
  parts.push(`stability ${lifecycle.stability}`);
  let text = capitalise(parts.join(', ')) + '.';
  if (lifecycle.replacedBy) text += ` Replaced by \`${lifecycle.replacedBy}\`.`;
  if (lifecycle.migrationGuide) text += ` Migration guide: <${lifecycle.migrationGuide}>.`;
  return text;
}

function sunsetTable(rows: readonly Deprecation[], today: string): string[] {
  const lines = ['## Upcoming sunsets', ''];
  if (rows.length === 0)
    return [...lines, `No deprecated operation has a sunset on or after ${today}.`, ''];
  lines.push(
    `Deprecated operations of the newest revision, earliest sunset first; days left are counted from ${today}.`,
    '',
    '| Sunset | Days left | Operation | Deprecated on | Stability | Replaced by | Migration guide |',
    '| --- | ---: | --- | --- | --- | --- | --- |',
  );
  for (const row of rows) {
    const life = row.lifecycle;
    lines.push(
      `| ${life.sunset ?? ''} | ${life.daysToSunset ?? ''} | \`${row.operation.method} ${row.operation.path}\` | ${life.deprecatedAt ?? ''} | ${life.stability} | ${life.replacedBy ? `\`${cell(life.replacedBy)}\`` : ''} | ${life.migrationGuide ? `<${cell(life.migrationGuide)}>` : ''} |`,
    );
  }
  return [...lines, ''];
}

/** Says how far a sunset is, e.g. `208 days left` or `passed 3 days ago`. */
export function daysText(days: number | null): string {
  if (days === null) return 'no date';
  if (days === 0) return 'today';
  if (days > 0) return `${days} day${days === 1 ? '' : 's'} left`;
  return `passed ${-days} day${days === -1 ? '' : 's'} ago`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Keeps spec text from opening HTML tags or breaking a line of Markdown. */
function inline(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/</g, '&lt;');
}

function cell(text: string): string {
  return inline(text).replace(/\|/g, '\\|');
}
