import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startBroker, type RunningBroker } from './broker-server.js';

let broker: RunningBroker;

beforeAll(async () => {
  broker = await startBroker({ dataDir: null });
});

afterAll(async () => {
  await broker.close();
});

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${broker.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

function pact(consumer: string, description: string) {
  return {
    consumer: { name: consumer },
    provider: { name: 'orders' },
    interactions: [
      { description, request: { method: 'GET', path: '/v2/orders' }, response: { status: 200 } },
    ],
    metadata: { pactSpecification: { version: '4.0' } },
  };
}

async function publish(consumer: string, version: string, branch: string, description: string) {
  return call('POST', '/contracts/publish', {
    pacticipantName: consumer,
    pacticipantVersionNumber: version,
    branch,
    contracts: [
      {
        consumerName: consumer,
        providerName: 'orders',
        specification: 'pact',
        contentType: 'application/json',
        content: Buffer.from(JSON.stringify(pact(consumer, description))).toString('base64'),
      },
    ],
  });
}

async function forVerification(body: object) {
  const reply = await call('POST', '/pacts/provider/orders/for-verification', body);
  return (reply.body._embedded.pacts as any[]).map((entry) => ({
    name: entry._links.self.name as string,
    pending: entry.verificationProperties.pending as boolean,
    wip: entry.verificationProperties.wip === true,
  }));
}

async function verify(pactHref: string, providerVersion: string, success: boolean) {
  const path = new URL(pactHref).pathname;
  return call('POST', `${path}/verification-results`, {
    success,
    providerApplicationVersion: providerVersion,
  });
}

describe('the embedded contract store', () => {
  it('serves an index whose links the official clients follow', async () => {
    const index = await call('GET', '/');
    expect(index.status).toBe(200);
    expect(index.body._links['pb:publish-contracts'].href).toBe(`${broker.url}/contracts/publish`);
    expect(index.body._links['pb:provider-pacts-for-verification']).toEqual({
      href: `${broker.url}/pacts/provider/{provider}/for-verification`,
      title: 'Pacts to be verified',
      templated: true,
    });
  });

  it('publishes pacts, selects them for verification and answers the matrix', async () => {
    const published = await publish('web-shop', 'c1', 'main', 'list on main');
    expect(published.status).toBe(200);
    expect(published.body.notices).toEqual([
      { type: 'success', text: 'Pact published for web-shop version c1 and provider orders.' },
    ]);
    await publish('web-shop', 'c2', 'feature-x', 'list on feature-x');
    await publish('mobile', 'm1', 'develop', 'list from mobile');

    expect(await forVerification({ consumerVersionSelectors: [{ mainBranch: true }] })).toEqual([
      { name: 'Pact between mobile (m1) and orders', pending: false, wip: false },
      { name: 'Pact between web-shop (c1) and orders', pending: false, wip: false },
    ]);
    expect(
      await forVerification({
        consumerVersionSelectors: [{ matchingBranch: true }],
        providerVersionBranch: 'feature-x',
        includePendingStatus: true,
      }),
    ).toEqual([{ name: 'Pact between web-shop (c2) and orders', pending: true, wip: false }]);

    const main = await call('POST', '/pacts/provider/orders/for-verification', {
      consumerVersionSelectors: [{ mainBranch: true, consumer: 'web-shop' }],
    });
    const href = main.body._embedded.pacts[0]._links.self.href as string;
    const fetched = await call('GET', new URL(href).pathname);
    expect(fetched.body.consumer).toEqual({ name: 'web-shop' });
    expect(fetched.body._links['pb:provider'].name).toBe('orders');
    expect((await verify(href, 'p1', true)).status).toBe(201);

    // Verified by p1 on no branch: no longer pending without a branch condition.
    const pending = await forVerification({
      consumerVersionSelectors: [{ mainBranch: true, consumer: 'web-shop' }],
      includePendingStatus: true,
    });
    expect(pending).toEqual([
      { name: 'Pact between web-shop (c1) and orders', pending: false, wip: false },
    ]);

    const wip = await forVerification({
      consumerVersionSelectors: [{ mainBranch: true, consumer: 'web-shop' }],
      includePendingStatus: true,
      includeWipPactsSince: '2020-01-01',
    });
    expect(wip).toEqual([
      { name: 'Pact between web-shop (c1) and orders', pending: false, wip: false },
      { name: 'Pact between mobile (m1) and orders', pending: true, wip: true },
      { name: 'Pact between web-shop (c2) and orders', pending: true, wip: true },
    ]);
  });

  it('records deployments and answers can-i-deploy yes, no and unknown', async () => {
    const created = await call('POST', '/environments', { name: 'staging', production: false });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'staging',
      displayName: 'staging',
      production: false,
    });
    const version = await call('GET', '/pacticipants/orders/versions/p1');
    const deploy = version.body._links['pb:record-deployment'] as { name: string; href: string }[];
    expect(deploy.map((link) => link.name)).toEqual(['staging']);
    expect((await call('POST', new URL(deploy[0]!.href).pathname, {})).status).toBe(201);

    const matrix = (query: string) =>
      call('GET', `/matrix?${query}&latestby=cvpv&environment=staging`);
    const yes = await matrix('q[][pacticipant]=web-shop&q[][version]=c1');
    expect(yes.body.summary).toMatchObject({ deployable: true, success: 1, failed: 0, unknown: 0 });
    expect(yes.body.matrix[0]).toMatchObject({
      consumer: { name: 'web-shop', version: { number: 'c1' } },
      provider: { name: 'orders', version: { number: 'p1' } },
      verificationResult: { success: true },
    });

    const unknown = await matrix('q[][pacticipant]=mobile&q[][version]=m1');
    expect(unknown.body.summary).toMatchObject({ deployable: null, unknown: 1 });
    expect(unknown.body.summary.reason).toBe(
      'There is no verification result for the pact between mobile version m1 and orders version p1',
    );

    const mobilePacts = await call('POST', '/pacts/provider/orders/for-verification', {
      consumerVersionSelectors: [{ consumer: 'mobile', mainBranch: true }],
    });
    await verify(mobilePacts.body._embedded.pacts[0]._links.self.href, 'p1', false);
    const no = await matrix('q[][pacticipant]=mobile&q[][version]=m1');
    expect(no.body.summary).toMatchObject({ deployable: false, failed: 1 });
    expect(no.body.summary.reason).toBe(
      'The verification of the pact between mobile version m1 and orders version p1 failed',
    );
  });

  it('refuses unknown names with 400 or 404 and a message', async () => {
    const pacticipant = await call(
      'GET',
      '/matrix?q[][pacticipant]=nobody&q[][version]=1&environment=staging',
    );
    expect(pacticipant).toEqual({
      status: 400,
      body: { errors: ['no pacticipant named "nobody" exists'] },
    });
    const environment = await call(
      'GET',
      '/matrix?q[][pacticipant]=web-shop&q[][version]=c1&environment=moon',
    );
    expect(environment).toEqual({
      status: 400,
      body: { errors: ['no environment named "moon" exists'] },
    });
    const version = await call('GET', '/pacticipants/web-shop/versions/zzz');
    expect(version).toEqual({ status: 404, body: { errors: ['web-shop has no version zzz'] } });
    const badPact = await call('POST', '/contracts/publish', {
      pacticipantName: 'web-shop',
      pacticipantVersionNumber: 'c9',
      contracts: [{ providerName: 'orders', content: Buffer.from('{not json').toString('base64') }],
    });
    expect(badPact).toEqual({
      status: 400,
      body: { errors: ['contracts[0].content is not base64-encoded JSON'] },
    });
    expect((await call('GET', '/pacticipants/web-shop/versions/c9')).status).toBe(404);
  });
});
