import { upcomingSunsets, type Changelog } from './changelog.js';
import { escapeXml as esc, safeUrl } from './escape.js';
import type { Deprecation, OperationLifecycle } from './lifecycle-facts.js';
import { daysText } from './render-markdown.js';
import type { Release, ReleaseEntry } from './release.js';
import { SECTION_HEADINGS, SECTION_NAMES } from './sections.js';

/** Styles of the changelog page and of the portal, inlined so each page needs no other file. */
export const PAGE_STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2328;background:#fff}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
header.site{background:#0b3d5c;color:#fff;padding:.75rem 1.5rem}
header.site a{color:#fff}
h1,h2,h3{line-height:1.25}
code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace;background:#f3f4f6;padding:.1em .3em;border-radius:3px}
pre code{display:block;padding:.6rem .8rem;overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}
.badge{display:inline-block;font-size:12px;font-weight:600;padding:.1em .5em;border-radius:1em;margin-left:.4em}
.badge.breaking{background:#ffebe9;color:#a40e26}
.badge.deprecated{background:#fff1c2;color:#7a4b00}
.badge.stable{background:#dafbe1;color:#116329}
.badge.beta,.badge.alpha,.badge.draft{background:#ddf4ff;color:#0550ae}
.entry{margin:.25rem 0 .75rem}
.entry ul{margin:.25rem 0}
.level-error{color:#a40e26}
.level-warning{color:#7a4b00}
tr.deprecated td{background:#fffbe6}
.warning{border-left:4px solid #d4a72c;background:#fff8c5;padding:.5rem .75rem}
.muted{color:#59636e}
`;

/** Renders a changelog as one self-contained HTML page with no scripts and no external files. */
export function renderHtml(changelog: Changelog): string {
  const title = `Changelog: ${changelog.api.title}`;
  return page(title, changelogBody(changelog));
}

/** Wraps body HTML in a page with the shared styles; `head` adds links such as feeds. */
export function page(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${PAGE_STYLE}</style>
${head}</head>
<body>
${body}
</body>
</html>
`;
}

/** Renders the changelog's headings, sunset table and releases as HTML, without the page. */
export function changelogBody(changelog: Changelog): string {
  const parts = [
    `<main>`,
    `<h1>Changelog: ${esc(changelog.api.title)}</h1>`,
    `<p class="muted">Newest release first. Breaking changes come first in each release, then deprecations, additions and other changes.</p>`,
    `<h2 id="upcoming-sunsets">Upcoming sunsets</h2>`,
    sunsetTableHtml(upcomingSunsets(changelog), changelog.today),
    ...changelog.releases.map(releaseHtml),
    baselineHtml(changelog),
    `</main>`,
  ];
  return parts.join('\n');
}

function baselineHtml(changelog: Changelog): string {
  const base = changelog.baseline;
  const heading = `${esc(base.version ?? base.ref ?? 'baseline')}${base.date ? ` <span class="muted">${esc(base.date)}</span>` : ''}`;
  return `<section><h2>${heading}</h2><p>The first revision compared: ${base.operations} operation(s).</p></section>`;
}

/** Renders one release as an HTML section whose id is the release anchor. */
export function releaseHtml(release: Release): string {
  const title = esc(release.version ?? release.ref ?? 'Unreleased');
  const date = release.date ? ` <span class="muted">${esc(release.date)}</span>` : '';
  const badge = release.breaking ? '<span class="badge breaking">breaking</span>' : '';
  const parts = [`<section id="${release.anchor}">`, `<h2>${title}${date}${badge}</h2>`];
  const facts: string[] = [];
  if (release.ref !== null) facts.push(`revision ${esc(release.ref)}`);
  if (release.previousVersion !== null) facts.push(`compared with ${esc(release.previousVersion)}`);
  if (release.versioning.suggested !== null)
    facts.push(
      `suggested version ${esc(release.versioning.suggested)} (${release.versioning.bump})`,
    );
  if (release.versioning.suggested === null && release.versioning.note !== null)
    facts.push(esc(release.versioning.note));
  if (facts.length > 0) parts.push(`<p class="muted">${facts.join(' · ')}</p>`);
  if (release.versioning.follows === false && release.versioning.note !== null)
    parts.push(`<p class="warning">${esc(release.versioning.note)}.</p>`);
  if (SECTION_NAMES.every((name) => release.sections[name].length === 0))
    parts.push('<p>No changes to the API.</p>');
  for (const name of SECTION_NAMES) {
    const entries = release.sections[name];
    if (entries.length === 0) continue;
    parts.push(`<h3>${SECTION_HEADINGS[name]}</h3>`);
    for (const entry of entries) parts.push(entryHtml(entry, release.anchor));
  }
  parts.push('</section>');
  return parts.join('\n');
}

function entryHtml(entry: ReleaseEntry, releaseAnchor: string): string {
  const operation = entry.operation;
  const title = operation
    ? `<code>${esc(`${operation.method} ${operation.path}`)}</code>${operation.operationId ? ` <span class="muted">${esc(operation.operationId)}</span>` : ''}`
    : 'Outside any operation';
  const items = entry.changes.map((change) => {
    const marker =
      change.level === 'error'
        ? 'Breaking: '
        : change.level === 'warning'
          ? 'May break some clients: '
          : '';
    return `<li class="level-${change.level}">${marker}${esc(change.message)} <code>${esc(change.id)}</code></li>`;
  });
  const life = entry.lifecycle;
  if (life && (life.deprecated || entry.changes.some((change) => change.kind === 'deprecated')))
    items.push(`<li>${lifecycleHtml(life)}</li>`);
  else if (life?.migrationGuide) items.push(`<li>${guideHtml(life.migrationGuide)}</li>`);
  return `<div class="entry" id="${releaseAnchor}-${entry.anchor}">${title}<ul>${items.join('')}</ul></div>`;
}

function lifecycleHtml(life: OperationLifecycle): string {
  const parts: string[] = [];
  if (life.deprecatedAt) parts.push(`deprecated on ${esc(life.deprecatedAt)}`);
  parts.push(
    life.sunset
      ? `sunset on <strong>${esc(life.sunset)}</strong> (${daysText(life.daysToSunset)})`
      : 'no sunset date announced',
  );
  parts.push(`stability ${esc(life.stability)}`);
  let html = `<span class="badge deprecated">deprecated</span> ${parts.join(', ')}.`;
  if (life.replacedBy) html += ` Replaced by <code>${esc(life.replacedBy)}</code>.`;
  if (life.migrationGuide) html += ` ${guideHtml(life.migrationGuide)}`;
  return html;
}

function guideHtml(guide: string): string {
  const url = safeUrl(guide);
  return url
    ? `Migration guide: <a href="${esc(url)}">${esc(url)}</a>.`
    : `Migration guide: ${esc(guide)}.`;
}

/** Renders deprecated operations as a table; rows link to `hrefOf(row)` when given. */
export function sunsetTableHtml(
  rows: readonly Deprecation[],
  today: string,
  hrefOf?: (row: Deprecation) => string,
): string {
  if (rows.length === 0)
    return `<p>No deprecated operation has a sunset on or after ${esc(today)}.</p>`;
  const body = rows.map((row) => {
    const life = row.lifecycle;
    const name = esc(`${row.operation.method} ${row.operation.path}`);
    const operation = hrefOf
      ? `<a href="${esc(hrefOf(row))}"><code>${name}</code></a>`
      : `<code>${name}</code>`;
    const guide = life.migrationGuide ? safeUrl(life.migrationGuide) : null;
    return `<tr class="deprecated" id="sunset-${row.anchor}"><td>${esc(life.sunset ?? 'none announced')}</td><td>${daysText(life.daysToSunset)}</td><td>${operation}<span class="badge deprecated">deprecated</span></td><td>${esc(life.deprecatedAt ?? '')}</td><td>${esc(life.stability)}</td><td>${life.replacedBy ? `<code>${esc(life.replacedBy)}</code>` : ''}</td><td>${guide ? `<a href="${esc(guide)}">guide</a>` : ''}</td></tr>`;
  });
  return `<table><thead><tr><th>Sunset</th><th>Days left</th><th>Operation</th><th>Deprecated on</th><th>Stability</th><th>Replaced by</th><th>Migration</th></tr></thead><tbody>${body.join('')}</tbody></table>`;
}
