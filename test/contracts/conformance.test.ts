import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBroker, type RunningBroker } from '@specgate/contracts';

import { startOrdersProvider, type OrdersProvider } from './fixtures/orders-provider.js';
import { loadPactJs, pactBroker } from './pact-cli.js';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const PACTS = path.join(ROOT, 'contracts', 'pacts');

/**
 * The official clients against the embedded store: the `pact-broker` CLI for
 * publishing, environments, deployments, releases and can-i-deploy, and the Pact JS
 * Verifier for pacts for verification and result publishing. One store and one
 * provider serve the whole file; the steps build on each other in order.
 */
describe('the official Pact clients against the embedded store', () => {
  let broker: RunningBroker;
  let provider: OrdersProvider;
  const requests: string[] = [];
  const broker_ = (args: string[]) => pactBroker([...args, '--broker-base-url', broker.url], ROOT);

  beforeAll(async () => {
    broker = await startBroker({
      dataDir: null,
      onRequest: (method, url, status) => requests.push(`${method} ${url.split('?')[0]} ${status}`),
    });
    provider = await startOrdersProvider();
  });

  afterAll(async () => {
    await provider.close();
    await broker.close();
  });

  it('creates and lists environments', async () => {
    const created = await broker_(['create-environment', '--name', 'production', '--production']);
    expect(created.code).toBe(0);
    const listed = await broker_(['list-environments', '--output', 'json']);
    expect(listed.code).toBe(0);
    const environments = JSON.parse(listed.stdout) as {
      _embedded: { environments: { name: string; displayName: string; production: boolean }[] };
    };
    expect(
      environments._embedded.environments.map(({ name, displayName, production }) => ({
        name,
        displayName,
        production,
      })),
    ).toEqual([{ name: 'production', displayName: 'production', production: true }]);
  });

  it('publishes the committed pact', async () => {
    const run = await broker_([
      'publish',
      PACTS,
      '--consumer-app-version',
      'c1',
      '--branch',
      'main',
    ]);
    expect(run.stdout).toContain('Pact published for web-shop version c1 and provider orders.');
    expect(run.stdout).not.toContain('Warning');
    expect(run.code).toBe(0);
    const [publication] = broker.store.publicationsFor('orders');
    expect(publication?.consumer).toBe('web-shop');
    expect(publication?.consumerVersion).toMatchObject({ number: 'c1', branches: ['main'] });
  });

  it('lets the Pact JS Verifier fetch pacts by selectors and publish its results', async () => {
    requests.length = 0;
    const output = await new (await loadPactJs()).Verifier({
      provider: 'orders',
      providerBaseUrl: provider.url,
      pactBrokerUrl: broker.url,
      consumerVersionSelectors: [{ mainBranch: true }, { deployedOrReleased: true }],
      enablePending: true,
      includeWipPactsSince: '2026-01-01',
      providerVersion: 'p1',
      providerVersionBranch: 'main',
      publishVerificationResult: true,
      stateHandlers: {
        'an order exists': (params) => {
          provider.setState('an order exists', params as Record<string, string>);
          return Promise.resolve();
        },
        'no order exists': () => Promise.resolve(provider.setState('no order exists', {})),
        'a customer exists': () => Promise.resolve(provider.setState('a customer exists', {})),
      },
      logLevel: 'error',
    }).verifyProvider();
    expect((JSON.parse(output) as { result: boolean }).result).toBe(true);
    expect(requests.filter((line) => !line.startsWith('GET / '))).toEqual([
      'GET /pacts/provider/orders/for-verification 200',
      'POST /pacts/provider/orders/for-verification 200',
      expect.stringMatching(
        /^GET \/pacts\/provider\/orders\/consumer\/web-shop\/pact-version\/[0-9a-f]{40} 200$/,
      ),
      'GET /pacticipants/orders 200',
      'PUT /pacticipants/orders/branches/main/versions/p1 200',
      expect.stringMatching(
        /^POST \/pacts\/provider\/orders\/consumer\/web-shop\/pact-version\/[0-9a-f]{40}\/verification-results 201$/,
      ),
    ]);
    const version = broker.store.findVersion('orders', 'p1');
    expect(version?.branches).toEqual(['main']);
    expect(
      broker.store.verificationsBy(version!).map((entry) => [entry.consumer, entry.success]),
    ).toEqual([['web-shop', true]]);
  });

  it('records a deployment and a release', async () => {
    const deployed = await broker_([
      'record-deployment',
      '--pacticipant',
      'orders',
      '--version',
      'p1',
      '--environment',
      'production',
    ]);
    expect(deployed.stdout).toContain(
      'Recorded deployment of orders version p1 to production environment',
    );
    expect(deployed.code).toBe(0);
    const released = await broker_([
      'record-release',
      '--pacticipant',
      'web-shop',
      '--version',
      'c1',
      '--environment',
      'production',
    ]);
    expect(released.code).toBe(0);
    const production = broker.store.findEnvironment('production');
    expect(
      broker.store
        .currentVersions('orders', production, { deployed: true, released: false })
        .map((v) => v.number),
    ).toEqual(['p1']);
    expect(
      broker.store
        .currentVersions('web-shop', production, { deployed: false, released: true })
        .map((v) => v.number),
    ).toEqual(['c1']);
  });

  it('answers can-i-deploy with exit 0 for yes and 1 for no', async () => {
    const yes = await broker_([
      'can-i-deploy',
      '--pacticipant',
      'web-shop',
      '--version',
      'c1',
      '--to-environment',
      'production',
    ]);
    expect(yes.stdout).toContain(
      'All required verification results are published and successful for web-shop version c1 to production',
    );
    expect(yes.code).toBe(0);

    // A new consumer version whose pact has no verification result yet.
    const pact = broker.store.pactContent(broker.store.publicationsFor('orders')[0]!.sha)!;
    const changed = {
      ...pact,
      interactions: [
        ...(pact['interactions'] as object[]),
        {
          description: 'a new need',
          type: 'Synchronous/HTTP',
          request: { method: 'GET', path: '/v2/orders/x' },
          response: { status: 200 },
        },
      ],
    };
    broker.store.publishPact(
      broker.store.ensureVersion('web-shop', 'c2', { branch: 'feature' }),
      'orders',
      changed,
    );
    const no = await broker_([
      'can-i-deploy',
      '--pacticipant',
      'web-shop',
      '--version',
      'c2',
      '--to-environment',
      'production',
    ]);
    expect(no.stdout).toContain(
      'There is no verification result for the pact between web-shop version c2 and orders version p1',
    );
    expect(no.code).toBe(1);
  });
});
