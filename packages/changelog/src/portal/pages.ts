import type { Changelog } from '../changelog.js';
import { escapeXml as esc } from '../escape.js';
import { changelogBody, page, sunsetTableHtml } from '../render-html.js';

/** One API as the portal's pages show it. */
export interface ApiPage {
  slug: string;
  changelog: Changelog;
  /** The spec path as the user would pass it to specgate, relative to the repository. */
  specPath: string;
}

const FEED_TYPE = 'application/atom+xml';

function siteHeader(prefix: string, title: string): string {
  return `<header class="site"><a href="${prefix}index.html"><strong>${esc(title)}</strong></a></header>`;
}

/** Renders the portal's front page: one row per API with owner, stability and versions. */
export function indexPage(title: string, apis: readonly ApiPage[], today: string): string {
  const rows = apis.map((api) => {
    const changelog = api.changelog;
    const versions = [
      ...changelog.releases.map((release) => release.version ?? release.ref ?? ''),
      changelog.baseline.version ?? changelog.baseline.ref ?? '',
    ].filter((version, index, all) => version !== '' && all.indexOf(version) === index);
    const current = versions[0] ?? '';
    const deprecated = changelog.deprecations.length;
    const next = changelog.deprecations.find((row) => (row.lifecycle.daysToSunset ?? -1) >= 0);
    return `<tr id="api-${esc(api.slug)}"><td><a href="apis/${esc(api.slug)}/index.html">${esc(changelog.api.name)}</a><div class="muted">${esc(changelog.api.title)}</div></td><td>${esc(changelog.api.owner ?? '')}</td><td>${stabilityBadge(changelog.api.stability)}</td><td>${esc(current)}</td><td>${versions.map(esc).join(', ')}</td><td>${deprecated}${next ? ` <span class="badge deprecated">next sunset ${esc(next.lifecycle.sunset ?? '')}</span>` : ''}</td><td><a href="apis/${esc(api.slug)}/reference.html">reference</a> · <a href="apis/${esc(api.slug)}/changelog.html">changelog</a> · <a href="apis/${esc(api.slug)}/changelog.atom">feed</a></td></tr>`;
  });
  const feeds = apis
    .map(
      (api) =>
        `<link rel="alternate" type="${FEED_TYPE}" title="${esc(api.changelog.api.name)} changelog" href="apis/${esc(api.slug)}/changelog.atom">`,
    )
    .join('\n');
  const body = `${siteHeader('', title)}
<main>
<h1>${esc(title)}</h1>
<p class="muted">Built on ${esc(today)} by specgate from the specs and their git history.</p>
<table><thead><tr><th>API</th><th>Owner</th><th>Stability</th><th>Version</th><th>Versions</th><th>Deprecated operations</th><th>Links</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
</main>`;
  return page(title, body, `${feeds}\n`);
}

/** Renders the overview page of one API: deprecation timeline, downloads, clients, changelog. */
export function apiPage(title: string, api: ApiPage): string {
  const changelog = api.changelog;
  const facts = changelog.api;
  const current = changelog.releases[0]?.version ?? changelog.baseline.version ?? '';
  const timeline = sunsetTableHtml(changelog.deprecations, changelog.today, () => 'reference.html');
  const body = `${siteHeader('../../', title)}
<main>
<h1>${esc(facts.name)} <span class="muted">${esc(current)}</span>${stabilityBadge(facts.stability)}</h1>
<p>${esc(facts.title)}${facts.owner ? ` · owned by <strong>${esc(facts.owner)}</strong>` : ''}</p>
<nav><a href="reference.html">Reference docs</a> · <a href="#deprecations">Deprecation timeline</a> · <a href="#changelog">Changelog</a> · <a href="changelog.atom">Atom feed</a></nav>
<h2 id="downloads">Download the spec</h2>
<ul>
<li><a href="openapi.json" download>openapi.json</a> (bundled into one file)</li>
<li>Changelog as <a href="changelog.md">Markdown</a>, <a href="changelog.json">JSON</a> or <a href="changelog.atom">Atom</a></li>
</ul>
<h2 id="clients">Clients and stubs</h2>
<p>Generate a TypeScript client or Flask route stubs from the spec in the repository:</p>
<pre><code>specgate generate ts ${esc(api.specPath)} -o ${esc(api.slug)}-client
specgate generate flask ${esc(api.specPath)} -o ${esc(pythonPackage(api.slug))}</code></pre>
<h2 id="deprecations">Deprecation timeline</h2>
<p class="muted">Deprecated operations of the current spec, earliest sunset first; days are counted from ${esc(changelog.today)}.</p>
${changelog.deprecations.length === 0 ? '<p>No operation is deprecated.</p>' : timeline}
</main>
<div id="changelog">${changelogBody(changelog)}</div>`;
  return page(
    `${facts.name} · ${title}`,
    body,
    `<link rel="alternate" type="${FEED_TYPE}" title="${esc(facts.name)} changelog" href="changelog.atom">\n`,
  );
}

/** Renders the reference page: the bundled spec, rendered in the browser by Redoc. */
export function referencePage(title: string, api: ApiPage): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${api.changelog.api.name} reference · ${title}`)}</title>
<style>body{margin:0}header.site{background:#0b3d5c;color:#fff;padding:.75rem 1.5rem;font:15px system-ui,sans-serif}header.site a{color:#fff}</style>
</head>
<body>
<header class="site"><a href="../../index.html"><strong>${esc(title)}</strong></a> · <a href="index.html">${esc(api.changelog.api.name)}</a></header>
<div id="reference"></div>
<script src="../../assets/redoc.standalone.js"></script>
<script src="spec.js"></script>
<script>
Redoc.init(window.SPECGATE_SPEC, { disableSearch: true, hideDownloadButton: true, expandResponses: '200,201' }, document.getElementById('reference'));
</script>
</body>
</html>
`;
}

function stabilityBadge(stability: string | null): string {
  if (stability === null) return '';
  const safe = /^[a-z]+$/.test(stability) ? stability : 'stable';
  return `<span class="badge ${safe}">${esc(stability)}</span>`;
}

/** A Python package name for an API's Flask stubs, e.g. `orders_service` for `orders`. */
function pythonPackage(slug: string): string {
  const name = slug.replace(/[^A-Za-z0-9_]/g, '_');
  return `${/^[0-9]/.test(name) ? '_' : ''}${name}_service`;
}
