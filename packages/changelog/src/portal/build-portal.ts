import {
  chmod,
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

import { SpecgateError } from '@specgate/core';

import { slug } from '../anchor.js';
import type { Changelog } from '../changelog.js';
import { renderAtom } from '../render-atom.js';
import { renderHtml } from '../render-html.js';
import { renderJson } from '../render-json.js';
import { renderMarkdown } from '../render-markdown.js';
import { apiPage, indexPage, referencePage, type ApiPage } from './pages.js';
import { bundleSpec, markDeprecations } from './reference-spec.js';

/** One API of the portal. */
export interface PortalApi {
  changelog: Changelog;
  /** Absolute path of the spec as it is now, bundled for download and the reference docs. */
  specFile: string;
  /** The spec path shown in commands, relative to the repository. */
  specPath: string;
}

/** Options of a portal build. */
export interface PortalOptions {
  outDir: string;
  title?: string;
}

/** The result of a portal build: the folder and the files written to it. */
export interface PortalResult {
  outDir: string;
  /** Files written, relative to `outDir`, sorted. */
  files: string[];
}

/** Marks a folder as a portal build, so a rebuild may replace it. */
const MARKER = '.specgate-portal';
const require = createRequire(import.meta.url);

/**
 * Builds the static portal: `index.html` lists the APIs, and each API gets an overview page
 * with its deprecation timeline and changelog. Reference docs are rendered by Redoc's
 * standalone bundle, copied in so that pages load nothing from the network. The bundled
 * spec and the changelog as HTML, Markdown, JSON and Atom sit beside them. The site is
 * written to a temporary folder first and moved into place, so a failed build leaves no
 * half-written site.
 */
export async function buildPortal(
  apis: readonly PortalApi[],
  options: PortalOptions,
): Promise<PortalResult> {
  const title = options.title ?? 'API portal';
  const outDir = path.resolve(options.outDir);
  await checkTarget(outDir);
  await mkdir(path.dirname(outDir), { recursive: true });
  const staging = await mkdtemp(path.join(path.dirname(outDir), `.${path.basename(outDir)}-`));
  const files: string[] = [];
  const write = async (relative: string, text: string) => {
    const target = path.join(staging, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
    files.push(relative);
  };
  try {
    await copyRedoc(staging, files);
    const pages = uniqueSlugs(apis);
    for (const [index, api] of apis.entries()) {
      const pageApi = pages[index] as ApiPage;
      await writeApi(write, title, pageApi, api);
    }
    await write('index.html', indexPage(title, pages, apis[0]?.changelog.today ?? ''));
    // The marker lists the files of this build, so a rebuild can tell files added since.
    const listing = [...files].sort().join('\n');
    await write(MARKER, `Built by specgate portal; a rebuild replaces this folder.\n${listing}\n`);
    // mkdtemp creates the folder for its owner only; a static server may run as another user.
    await chmod(staging, 0o755);
    await rm(outDir, { recursive: true, force: true });
    await rename(staging, outDir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return { outDir, files: files.sort() };
}

async function writeApi(
  write: (relative: string, text: string) => Promise<void>,
  title: string,
  page: ApiPage,
  api: PortalApi,
): Promise<void> {
  const folder = `apis/${page.slug}`;
  const spec = await bundleSpec(api.specFile);
  const marked = markDeprecations(spec, api.changelog.today);
  await write(`${folder}/openapi.json`, `${JSON.stringify(spec, null, 2)}\n`);
  await write(`${folder}/spec.js`, `window.SPECGATE_SPEC = ${JSON.stringify(marked)};\n`);
  await write(`${folder}/index.html`, apiPage(title, page));
  await write(`${folder}/reference.html`, referencePage(title, page));
  await write(`${folder}/changelog.html`, renderHtml(api.changelog));
  await write(`${folder}/changelog.md`, renderMarkdown(api.changelog));
  await write(`${folder}/changelog.json`, renderJson(api.changelog));
  await write(
    `${folder}/changelog.atom`,
    renderAtom(api.changelog, { alternate: 'changelog.html' }),
  );
}

function uniqueSlugs(apis: readonly PortalApi[]): ApiPage[] {
  const used = new Set<string>();
  return apis.map((api) => {
    const base = slug(api.changelog.api.name) || 'api';
    let candidate = base;
    for (let suffix = 2; used.has(candidate); suffix += 1) candidate = `${base}-${suffix}`;
    used.add(candidate);
    return { slug: candidate, changelog: api.changelog, specPath: api.specPath };
  });
}

/** URL of the one image Redoc's standalone bundle loads from its CDN, the logo beside "API docs by Redocly". */
const REDOC_LOGO_URL = 'https://cdn.redoc.ly/redoc/logo-mini.svg';
/** An empty SVG in its place, so the pages make no request off the machine. */
const EMPTY_SVG =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/%3E";

/**
 * Copies Redoc's standalone bundle and its license into `assets/`. The bundle's footer
 * always renders Redocly's logo from a CDN URL with no option to turn it off, so that
 * URL is swapped for an inline empty image; a Redoc version without that exact URL fails
 * the build here rather than leaking requests at view time.
 */
async function copyRedoc(staging: string, files: string[]): Promise<void> {
  const bundlePath = require.resolve('redoc/bundles/redoc.standalone.js');
  const bundle = await readFile(bundlePath, 'utf8');
  const uses = bundle.split(`"${REDOC_LOGO_URL}"`).length - 1;
  if (uses !== 1) {
    throw new Error(
      `${bundlePath}: expected Redoc's logo URL once, found it ${uses} times; recheck the offline patch for this Redoc version.`,
    );
  }
  await mkdir(path.join(staging, 'assets'), { recursive: true });
  await writeFile(
    path.join(staging, 'assets/redoc.standalone.js'),
    bundle.replace(`"${REDOC_LOGO_URL}"`, JSON.stringify(EMPTY_SVG)),
  );
  await copyFile(
    `${bundlePath}.LICENSE.txt`,
    path.join(staging, 'assets/redoc.standalone.js.LICENSE.txt'),
  );
  files.push('assets/redoc.standalone.js', 'assets/redoc.standalone.js.LICENSE.txt');
}

/** Refuses to replace a folder that has files and was not written by a portal build. */
async function checkTarget(outDir: string): Promise<void> {
  const info = await stat(outDir).catch(() => null);
  if (info === null) return;
  if (!info.isDirectory()) {
    throw new SpecgateError('OUTPUT_ERROR', `${outDir}: not a folder. Pass a folder for -o.`);
  }
  const entries = await readdir(outDir);
  if (entries.length === 0) return;
  if (!entries.includes(MARKER)) {
    throw new SpecgateError(
      'OUTPUT_ERROR',
      `${outDir}: the folder has files that specgate portal did not write. Pass an empty or new folder for -o.`,
    );
  }
  // A rebuild replaces the folder, so files added since the last build would be lost.
  const built = new Set(
    (await readFile(path.join(outDir, MARKER), 'utf8')).split('\n').slice(1).filter(Boolean),
  );
  const added = (await readdir(outDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)))
    .filter((file) => file !== MARKER && !built.has(file.split(path.sep).join('/')));
  if (added.length > 0) {
    throw new SpecgateError(
      'OUTPUT_ERROR',
      `${outDir}: ${added.slice(0, 3).join(', ')}${added.length > 3 ? ` and ${added.length - 3} more` : ''} ${added.length === 1 ? 'was' : 'were'} not written by specgate portal and a rebuild would delete ${added.length === 1 ? 'it' : 'them'}. Move ${added.length === 1 ? 'it' : 'them'} out of the folder first.`,
    );
  }
}
