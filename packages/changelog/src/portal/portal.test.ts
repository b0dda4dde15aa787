import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { TempRepo } from '../../../../test/support/git-repo.js';
import { buildChangelog } from '../changelog.js';
import { loadSpecHistory } from '../spec-history.js';
import { buildPortal, type PortalApi } from './build-portal.js';

const REPO_ROOT = path.resolve(fileURLToPath(new URL('../../../..', import.meta.url)));
const CHROMIUM = '/usr/bin/chromium';
const TODAY = '2026-12-04';
const ORDERS = 'specs/orders/openapi.yaml';
const LIFECYCLE = `      deprecated: true
      x-deprecated-at: '2026-06-30'
      x-sunset: '2027-06-30'
      x-replaced-by: listOrders
`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.atom': 'application/atom+xml',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

let repo: TempRepo;
let site: string;
let server: Server;
let origin: string;
let context: BrowserContext;
let profile: string;
const consoleErrors: string[] = [];
const foreignRequests: string[] = [];

/** Builds a repository whose orders spec was tagged at 2.0.0 and again at 2.1.0. */
function historyRepo(): TempRepo {
  const temp = new TempRepo();
  temp.copy(path.join(REPO_ROOT, 'specs'), 'specs');
  temp.copy(path.join(REPO_ROOT, 'specgate.yaml'), 'specgate.yaml');
  const current = temp.read(ORDERS);
  temp.write(ORDERS, current.replace(LIFECYCLE, '').replace('version: 2.1.0', 'version: 2.0.0'));
  temp.commit('Orders 2.0.0');
  temp.git('tag', 'orders-v2.0.0');
  temp.write(ORDERS, current);
  temp.commit('Deprecate the v1 order list');
  temp.git('tag', 'orders-v2.1.0');
  return temp;
}

async function portalApis(cwd: string): Promise<PortalApi[]> {
  const apis = [
    { name: 'orders', spec: ORDERS, owner: 'orders-team', stability: 'stable' },
    {
      name: 'customers',
      spec: 'specs/customers/openapi.yaml',
      owner: 'customers-team',
      stability: 'beta',
    },
  ];
  const result: PortalApi[] = [];
  for (const api of apis) {
    const revisions = await loadSpecHistory(
      api.spec,
      { tags: `${api.name}-v*` },
      { cwd, allowRemote: false },
    ).catch(async () => loadSpecHistory(api.spec, { last: 5 }, { cwd, allowRemote: false }));
    result.push({
      changelog: buildChangelog(revisions, { today: TODAY, api }),
      specFile: path.join(cwd, api.spec),
      specPath: api.spec,
    });
  }
  return result;
}

/** Serves a folder on 127.0.0.1 at a free port. */
async function serve(root: string): Promise<Server> {
  const instance = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root) || !existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    response.writeHead(200, { 'content-type': type }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => instance.listen(0, '127.0.0.1', resolve));
  return instance;
}

async function open(relative: string, base = origin): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${relative}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${relative}: ${error.message}`));
  page.on('requestfailed', (request) =>
    consoleErrors.push(`${relative}: ${request.url()} ${request.failure()?.errorText ?? ''}`),
  );
  const response = await page.goto(`${base}/${relative}`, { waitUntil: 'load' });
  if (base === origin) expect(response?.status()).toBe(200);
  return page;
}

/** Writes a screenshot into docs/ when SPECGATE_SCREENSHOTS=1, to refresh the README's images. */
async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env['SPECGATE_SCREENSHOTS'] !== '1') return;
  mkdirSync(path.join(REPO_ROOT, 'docs'), { recursive: true });
  await page.screenshot({ path: path.join(REPO_ROOT, 'docs', name) });
}

beforeAll(async () => {
  repo = historyRepo();
  site = path.join(repo.dir, 'site');
  await buildPortal(await portalApis(repo.dir), { outDir: site, title: 'Example portal' });
  server = await serve(site);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  profile = mkdtempSync(path.join(tmpdir(), 'specgate-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    // Pages opened from disk load their scripts as file: URLs, which never leave the machine.
    if (url.hostname === '127.0.0.1' || url.protocol === 'file:') return route.continue();
    foreignRequests.push(url.href);
    return route.abort();
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (repo) rmSync(repo.dir, { recursive: true, force: true });
});

describe('portal in Chromium', () => {
  test('index lists the APIs', async () => {
    const page = await open('index.html');
    const rows = await page.locator('tbody tr').evaluateAll((elements) =>
      elements.map((row) =>
        Array.from(row.querySelectorAll('td'))
          .slice(0, 5)
          .map((cell) => cell.textContent),
      ),
    );
    expect(rows).toEqual([
      ['ordersOrders API', 'orders-team', 'stable', '2.1.0', '2.1.0, 2.0.0'],
      ['customersCustomers API', 'customers-team', 'beta', '1.4.0', '1.4.0'],
    ]);
    await screenshot(page, 'portal-index.png');
    await page.close();
  });

  test('API page marks the deprecated operation', async () => {
    const page = await open('apis/orders/index.html');
    const row = page.locator('#deprecations + p + table tr.deprecated');
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').allTextContents()).toEqual([
      '2027-06-30',
      '208 days left',
      'GET /v1/ordersdeprecated',
      '2026-06-30',
      'stable',
      'listOrders',
      '',
    ]);
    const entry = page.locator('#v2-1-0-get-v1-orders');
    expect(await entry.textContent()).toContain('sunset on 2027-06-30 (208 days left)');
    await page.locator('#deprecations').scrollIntoViewIfNeeded();
    await screenshot(page, 'portal-api.png');
    await page.close();
  });

  test('reference docs render offline', async () => {
    const page = await open('apis/orders/reference.html');
    const heading = page.locator('h2', {
      hasText: 'List orders (version 1) (deprecated, sunset 2027-06-30)',
    });
    await heading.waitFor({ timeout: 30_000 });
    await expect(page.getByText('Sunset: 2027-06-30').first().isVisible()).resolves.toBe(true);
    expect(await page.locator('#reference').textContent()).toContain('Deprecated');
    await screenshot(page, 'portal-reference.png');
    await page.close();
  });

  test('reference docs render from disk', async () => {
    const page = await open('apis/orders/reference.html', pathToFileURL(site).href);
    const heading = page.locator('h2', {
      hasText: 'List orders (version 1) (deprecated, sunset 2027-06-30)',
    });
    await heading.waitFor({ timeout: 30_000 });
    await page.close();
  });

  test('pages log no errors and stay on 127.0.0.1', () => {
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  test('downloads are served', () => {
    const spec = JSON.parse(readFileSync(path.join(site, 'apis/orders/openapi.json'), 'utf8'));
    expect(spec.info.version).toBe('2.1.0');
    const customers = JSON.parse(
      readFileSync(path.join(site, 'apis/customers/openapi.json'), 'utf8'),
    );
    expect(JSON.stringify(customers)).not.toMatch(/"\$ref":"[^#]/);
    expect(execFileSync('git', ['tag'], { cwd: repo.dir, encoding: 'utf8' })).toBe(
      'orders-v2.0.0\norders-v2.1.0\n',
    );
  });
});
