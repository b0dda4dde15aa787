import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBroker, type RunningBroker } from '@specgate/contracts';

import { runCli } from '../support/run-cli.js';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Finds a port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('contract commands on bad input', () => {
  let broker: RunningBroker;
  let pacts: string;
  const cli = (args: string[]) => runCli(args, ROOT);

  beforeAll(async () => {
    broker = await startBroker({ dataDir: null });
    broker.store.createEnvironment({ name: 'production', production: true });
    broker.store.ensureVersion('orders', 'p1', { branch: 'main' });
    pacts = mkdtempSync(path.join(tmpdir(), 'specgate-pacts-'));
    writeFileSync(
      path.join(pacts, 'a-good-orders.json'),
      JSON.stringify({
        consumer: { name: 'good' },
        provider: { name: 'orders' },
        interactions: [],
      }),
    );
    writeFileSync(
      path.join(pacts, 'b-broken-orders.json'),
      '{\n  "consumer": { "name": "broken" },\n  "provider": }\n',
    );
  });

  afterAll(async () => {
    await broker.close();
  });

  it('refuses malformed pact JSON with its place, and publishes nothing', async () => {
    const run = await cli([
      'pact',
      'publish',
      pacts,
      '--broker-url',
      broker.url,
      '--consumer-app-version',
      'v1',
    ]);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `specgate: error: ${path.join(pacts, 'b-broken-orders.json')}:3:15: invalid JSON (value expected). Fix the syntax at that place.\n`,
    });
    expect(broker.store.pacticipantNames()).toEqual(['orders']);
  });

  it('refuses JSON that is not a pact', async () => {
    const file = path.join(pacts, '..', `${path.basename(pacts)}-not-a-pact.json`);
    writeFileSync(file, '{"consumer": {"name": "web"}, "interactions": []}');
    const run = await cli([
      'pact',
      'publish',
      file,
      '--broker-url',
      broker.url,
      '--consumer-app-version',
      'v1',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `specgate: error: ${file}: provider.name is missing, so it is not a pact. Regenerate it by running the consumer tests.\n`,
    );
  });

  it('names an unknown pacticipant or environment', async () => {
    const pacticipant = await cli([
      'can-i-deploy',
      '-a',
      'nobody',
      '-e',
      '1',
      '--to-environment',
      'production',
      '--broker-url',
      broker.url,
    ]);
    expect(pacticipant).toEqual({
      code: 2,
      stdout: '',
      stderr: `specgate: error: the Pact Broker at ${broker.url} refused GET /matrix with 400: no pacticipant named "nobody" exists\n`,
    });
    const environment = await cli([
      'can-i-deploy',
      '-a',
      'orders',
      '-e',
      'p1',
      '--to-environment',
      'moon',
      '--broker-url',
      broker.url,
    ]);
    expect(environment.code).toBe(2);
    expect(environment.stderr).toBe(
      `specgate: error: the Pact Broker at ${broker.url} refused GET /matrix with 400: no environment named "moon" exists\n`,
    );
    const deployment = await cli([
      'record-deployment',
      '-a',
      'orders',
      '-e',
      'p1',
      '--environment',
      'moon',
      '--broker-url',
      broker.url,
    ]);
    expect(deployment.code).toBe(2);
    expect(deployment.stderr).toBe(
      `specgate: error: the broker at ${broker.url} has no environment "moon" (known: production). Create it first, e.g. specgate broker create-environment moon.\n`,
    );
    const version = await cli([
      'record-release',
      '-a',
      'orders',
      '-e',
      'p9',
      '--environment',
      'production',
      '--broker-url',
      broker.url,
    ]);
    expect(version.code).toBe(2);
    expect(version.stderr).toBe(
      `specgate: error: the broker at ${broker.url} knows no version p9 of "orders". Publish its pacts or verification results first, or check the names.\n`,
    );
  });

  it('says in one line which broker URL cannot be reached, for every command', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const expected = `specgate: error: cannot reach the Pact Broker at ${url} (ECONNREFUSED). Check --broker-url or PACT_BROKER_BASE_URL, and that the broker is running.\n`;
    const runs = await Promise.all([
      cli([
        'pact',
        'publish',
        'contracts/pacts',
        '--broker-url',
        url,
        '--consumer-app-version',
        'v1',
      ]),
      cli([
        'pact',
        'verify',
        '--provider',
        'orders',
        '--base-url',
        'http://127.0.0.1:1',
        '--provider-version',
        'p1',
        '--broker-url',
        url,
      ]),
      cli([
        'can-i-deploy',
        '-a',
        'web-shop',
        '-e',
        'c1',
        '--to-environment',
        'production',
        '--broker-url',
        url,
      ]),
      cli([
        'record-deployment',
        '-a',
        'orders',
        '-e',
        'p1',
        '--environment',
        'production',
        '--broker-url',
        url,
      ]),
    ]);
    expect(runs).toEqual(runs.map(() => ({ code: 2, stdout: '', stderr: expected })));
  });

  it('verify with an unreachable provider', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const run = await cli([
      'pact',
      'verify',
      'contracts/pacts',
      '--provider',
      'orders',
      '--base-url',
      url,
      '--provider-version',
      'p1',
    ]);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `specgate: error: cannot reach the provider at ${url} (ECONNREFUSED). Check --provider-base-url, and that the provider is running.\n`,
    });
  });

  it('asks for a broker when none is set, and for an http URL', async () => {
    const saved = process.env['PACT_BROKER_BASE_URL'];
    delete process.env['PACT_BROKER_BASE_URL'];
    try {
      const none = await cli([
        'can-i-deploy',
        '-a',
        'web-shop',
        '-e',
        'c1',
        '--to-environment',
        'production',
      ]);
      expect(none.code).toBe(2);
      expect(none.stderr).toBe(
        'specgate: error: specgate can-i-deploy needs a broker: pass --broker-base-url URL (or --broker-url) or set PACT_BROKER_BASE_URL; specgate broker serve starts a local one.\n',
      );
    } finally {
      if (saved !== undefined) process.env['PACT_BROKER_BASE_URL'] = saved;
    }
    const notUrl = await cli([
      'can-i-deploy',
      '-a',
      'web-shop',
      '-e',
      'c1',
      '--to-environment',
      'production',
      '--broker-url',
      'localhost:9292',
    ]);
    expect(notUrl.code).toBe(2);
    expect(notUrl.stderr).toBe(
      'specgate: error: --broker-url "localhost:9292" is not an http(s) URL. Pass the broker\'s base URL, e.g. --broker-url http://127.0.0.1:9292.\n',
    );
    const retries = await cli([
      'can-i-deploy',
      '-a',
      'w',
      '-e',
      '1',
      '--to-environment',
      'p',
      '--retry-while-unknown',
      'many',
      '--broker-url',
      broker.url,
    ]);
    expect(retries).toEqual({
      code: 2,
      stdout: '',
      stderr: 'specgate: error: --retry-while-unknown "many" is not a whole number.\n',
    });
  });
});
