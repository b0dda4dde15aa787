import { execFile } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBroker, type RunningBroker } from '@specgate/contracts';

import { runCli } from '../support/run-cli.js';
import { startOrdersProvider, type OrdersProvider } from './fixtures/orders-provider.js';
import { verifySummary } from './verify-summary.js';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const FIXTURES = 'test/contracts/fixtures';
const BIN = path.join(ROOT, 'packages/cli/bin/specgate.cjs');
const execFileAsync = promisify(execFile);

/**
 * The consumer's committed pact, published with specgate, verified against a running
 * provider on 127.0.0.1, and gated with record-deployment and can-i-deploy. One store
 * and the providers are shared by the whole file; the steps run in order.
 */
describe('specgate pact publish, verify and the deploy gates', () => {
  let broker: RunningBroker;
  let provider: OrdersProvider;
  let brokenProvider: OrdersProvider;
  let failingPublish: { url: string; server: Server };
  const cli = (args: string[]) => runCli(args, ROOT);

  beforeAll(async () => {
    broker = await startBroker({ dataDir: null });
    // A small Node provider of the orders API, which can also be broken on purpose;
    // flask-provider.test.ts verifies the same pact against the generated Flask app.
    provider = await startOrdersProvider();
    brokenProvider = await startOrdersProvider({ dropTotal: true });
    failingPublish = await startFailingPublishProxy(broker.url);
    process.env['ORDERS_PROVIDER_URL'] = provider.url;
  });

  afterAll(async () => {
    delete process.env['ORDERS_PROVIDER_URL'];
    await new Promise((resolve) => failingPublish.server.close(resolve));
    await brokenProvider.close();
    await provider.close();
    await broker.close();
  });

  const verifyArgs = (base: string, version: string, branch = 'main') => [
    'pact',
    'verify',
    '--provider',
    'orders',
    '--base-url',
    base,
    '--provider-version',
    version,
    '--branch',
    branch,
    '--broker-url',
    broker.url,
  ];

  it('publishes the committed pacts with the consumer version and branch', async () => {
    const run = await cli([
      'pact',
      'publish',
      'contracts/pacts',
      '--broker-url',
      broker.url,
      '--consumer-app-version',
      'c1',
      '--branch',
      'main',
    ]);
    expect(run).toEqual({
      code: 0,
      stdout: 'published web-shop version c1 (branch main): pacts with orders\n',
      stderr: '',
    });
    expect(broker.store.findVersion('web-shop', 'c1')?.branches).toEqual(['main']);
  });

  it('verifies the provider through its state change URL and publishes the results', async () => {
    const run = await cli([
      ...verifyArgs(provider.url, 'p1'),
      '--provider-states-setup-url',
      `${provider.url}/_pact/provider-states`,
      '--publish-verification-results',
    ]);
    expect(verifySummary(run.stdout)).toBe(
      'pact web-shop -> orders\n\nverified: orders p1: 4 interaction(s), 0 failed; results published\n',
    );
    expect(run.code).toBe(0);
    expect(provider.states).toContain('a customer exists');
    const version = broker.store.findVersion('orders', 'p1')!;
    expect(
      broker.store.verificationsBy(version).map((entry) => [entry.consumer, entry.success]),
    ).toEqual([['web-shop', true]]);
  });

  it('verifies with a state handlers module and publishes nothing unless asked', async () => {
    const run = await cli([
      ...verifyArgs(provider.url, 'p2'),
      '--state-handlers',
      `${FIXTURES}/orders-states.mjs`,
    ]);
    expect(run.code).toBe(0);
    expect(verifySummary(run.stdout)).toBe(
      'pact web-shop -> orders\n\nverified: orders p2: 4 interaction(s), 0 failed\n',
    );
    expect(broker.store.findVersion('orders', 'p2')).toBeNull();
  });

  it('fails the interactions whose state has no handler', async () => {
    const run = await cli([
      ...verifyArgs(provider.url, 'p3'),
      '--state-handlers',
      `${FIXTURES}/orders-states-partial.mjs`,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'missing state handler: "a customer exists" (its interactions fail; add it to the state handlers module)\n',
    );
    expect(run.stdout).toContain(
      'FAIL web-shop: a request to place an order [given a customer exists]\n',
    );
    expect(run.stdout).toContain('verification failed: orders p3: 4 interaction(s), 1 failed\n');
  });

  it('prints a per-field diff of each mismatch of a broken provider', async () => {
    const run = await cli([
      ...verifyArgs(brokenProvider.url, 'p4'),
      '--provider-states-setup-url',
      `${brokenProvider.url}/_pact/provider-states`,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      [
        'FAIL web-shop: a request for one order [given an order exists]',
        '  $: Actual map is missing the following keys: total',
        '      expected: ["createdAt","customerId","id","lines","status","total"]',
        '      actual:   ["createdAt","customerId","id","lines","note","status"]',
        "  $.lines[0].quantity: Expected '1' (String) to be an integer",
        '      expected: 2',
        '      actual:   "1"',
      ].join('\n'),
    );
    expect(run.stdout).toContain('verification failed: orders p4: 4 interaction(s), 3 failed\n');
  });

  it('lets a pending pact fail without failing the run', async () => {
    const run = await cli([
      ...verifyArgs(brokenProvider.url, 'p6', 'feature-y'),
      '--enable-pending',
      '--consumer-version-selectors',
      '{"mainBranch":true}',
      '--provider-states-setup-url',
      `${brokenProvider.url}/_pact/provider-states`,
    ]);
    expect(run.stdout).toContain('pact web-shop -> orders (pending)\n');
    expect(run.stdout).toContain(
      'FAIL (pending, not failing the run) web-shop: a request for one order [given an order exists]\n',
    );
    expect(run.code).toBe(0);
  });

  it('verifies local pact files without a broker', async () => {
    const run = await cli([
      'pact',
      'verify',
      'contracts/pacts',
      '--provider',
      'orders',
      '--base-url',
      provider.url,
      '--provider-version',
      'local',
      '--provider-states-setup-url',
      `${provider.url}/_pact/provider-states`,
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(verifySummary(run.stdout)).toBe(
      'pact web-shop -> orders\n\nverified: orders local: 4 interaction(s), 0 failed\n',
    );
  });

  it.each([
    ['off a terminal', {}],
    ['with NO_COLOR=1', { NO_COLOR: '1' }],
  ])('prints text without colour codes %s', async (_case, extraEnv) => {
    // Spawned, because Pact's native core writes to the process's own stdout.
    const run = await execFileAsync(
      process.execPath,
      [
        BIN,
        'pact',
        'verify',
        'contracts/pacts',
        '--provider',
        'orders',
        '--base-url',
        provider.url,
        '--provider-version',
        'local-text',
        '--state-handlers',
        `${FIXTURES}/orders-states.mjs`,
      ],
      { cwd: ROOT, env: { ...process.env, ORDERS_PROVIDER_URL: provider.url, ...extraEnv } },
    );
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).toContain('\nVerifying a pact between web-shop and orders\n');
    expect(verifySummary(run.stdout)).toBe(
      'pact web-shop -> orders\n\nverified: orders local-text: 4 interaction(s), 0 failed\n',
    );
  });

  it('keeps stdout to the JSON document with --output json', async () => {
    // Spawned, because Pact's native core writes to the process's own stdout.
    const run = await execFileAsync(
      process.execPath,
      [
        BIN,
        'pact',
        'verify',
        'contracts/pacts',
        '--provider',
        'orders',
        '--base-url',
        provider.url,
        '--provider-version',
        'local-json',
        '--state-handlers',
        `${FIXTURES}/orders-states.mjs`,
        '--output',
        'json',
      ],
      { cwd: ROOT, env: { ...process.env, ORDERS_PROVIDER_URL: provider.url } },
    );
    const result = JSON.parse(run.stdout) as {
      schemaVersion: number;
      success: boolean;
      providerVersion: string;
      interactions: { description: string; result: string }[];
    };
    expect(result.schemaVersion).toBe(1);
    expect(result.success).toBe(true);
    expect(result.providerVersion).toBe('local-json');
    expect(result.interactions).toHaveLength(4);
    // Pact's progress text, with its colour codes, goes to stderr instead.
    expect(run.stderr.replace(/\u001b\[[0-9;]*m/g, '')).toContain(
      'Verifying a pact between web-shop and orders',
    );
  });

  it('fails when the results could not be published', async () => {
    const run = await cli([
      'pact',
      'verify',
      '--provider',
      'orders',
      '--base-url',
      provider.url,
      '--provider-version',
      'p5',
      '--branch',
      'main',
      '--broker-url',
      failingPublish.url,
      '--provider-states-setup-url',
      `${provider.url}/_pact/provider-states`,
      '--publish-verification-results',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `FAILED: verification results of orders p5 were not published to ${failingPublish.url}.\n`,
    );
  });

  it('records a deployment and answers can-i-deploy', async () => {
    broker.store.createEnvironment({ name: 'production', production: true });
    const deployed = await cli([
      'record-deployment',
      '--pacticipant',
      'orders',
      '--version',
      'p1',
      '--environment',
      'production',
      '--broker-url',
      broker.url,
    ]);
    expect(deployed).toEqual({
      code: 0,
      stdout: 'recorded deployment of orders p1 to production\n',
      stderr: '',
    });

    const yes = await cli([
      'can-i-deploy',
      '-a',
      'web-shop',
      '-e',
      'c1',
      '--to-environment',
      'production',
      '--broker-url',
      broker.url,
    ]);
    expect(yes).toEqual({
      code: 0,
      stdout: [
        'can-i-deploy web-shop c1 to production: yes',
        '  web-shop c1 -> orders p1: verified',
        'All required verification results are published and successful for web-shop version c1 to production',
        '',
      ].join('\n'),
      stderr: '',
    });

    const released = await cli([
      'record-release',
      '-a',
      'web-shop',
      '-e',
      'c1',
      '--environment',
      'production',
      '--broker-url',
      broker.url,
    ]);
    expect(released.code).toBe(0);
    expect(
      broker.store
        .currentVersions('web-shop', null, { deployed: false, released: true })
        .map((v) => v.number),
    ).toEqual(['c1']);

    // The provider side: orders p1 against the web shop released to production.
    const provider = await cli([
      'can-i-deploy',
      '-a',
      'orders',
      '-e',
      'p1',
      '--to-environment',
      'production',
      '--broker-url',
      broker.url,
    ]);
    expect(provider.stdout).toBe(
      [
        'can-i-deploy orders p1 to production: yes',
        '  web-shop c1 -> orders p1: verified',
        'All required verification results are published and successful for orders version p1 to production',
        '',
      ].join('\n'),
    );
    expect(provider.code).toBe(0);
  });

  it('says unknown, retries, and prints JSON for a version nobody verified', async () => {
    const current = broker.store.pactContent(broker.store.publicationsFor('orders')[0]!.sha)!;
    const interactions = current['interactions'] as { description: string }[];
    const changed = {
      ...current,
      interactions: interactions.map((interaction, index) =>
        index === 0
          ? { ...interaction, description: 'a request for a missing order' }
          : interaction,
      ),
    };
    broker.store.publishPact(
      broker.store.ensureVersion('web-shop', 'c2', { branch: 'feature' }),
      'orders',
      changed,
    );
    const run = await cli([
      'can-i-deploy',
      '--pacticipant',
      'web-shop',
      '--version',
      'c2',
      '--to-environment',
      'production',
      '--retry-while-unknown',
      '2',
      '--retry-interval',
      '0',
      '--output',
      'json',
      '--broker-url',
      broker.url,
    ]);
    expect(run.code).toBe(1);
    const answer = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(answer).toMatchObject({
      schemaVersion: 1,
      answer: 'unknown',
      pacticipant: 'web-shop',
      version: 'c2',
      environment: 'production',
      deployable: null,
      attempts: 3,
      reason:
        'There is no verification result for the pact between web-shop version c2 and orders version p1',
    });
  });

  it('verifies work-in-progress pacts as pending', async () => {
    const run = await cli([
      ...verifyArgs(provider.url, 'p7', 'feature-z'),
      '--consumer-version-selectors',
      '{"mainBranch":true}',
      '--enable-pending',
      '--include-wip-pacts-since',
      '2020-01-01',
      '--provider-states-setup-url',
      `${provider.url}/_pact/provider-states`,
    ]);
    expect(verifySummary(run.stdout)).toBe(
      [
        'pact web-shop -> orders (pending)',
        'pact web-shop -> orders (pending) (work in progress)',
        '',
        'verified: orders p7: 8 interaction(s), 0 failed',
        '',
      ].join('\n'),
    );
    expect(run.code).toBe(0);
  });
});

/** Starts a proxy to the store that rejects every verification result, as a broken broker would. */
async function startFailingPublishProxy(target: string): Promise<{ url: string; server: Server }> {
  const upstream = new URL(target);
  const server = createServer((request, response) => {
    if (request.method === 'POST' && request.url?.endsWith('/verification-results')) {
      request.resume();
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end('{"errors":["the database is read-only"]}');
      return;
    }
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: request.url,
        method: request.method,
        headers: request.headers,
      },
      (reply) => {
        response.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(response);
      },
    );
    request.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
