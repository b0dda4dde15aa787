import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBroker, type RunningBroker } from '@specgate/contracts';

import { runCli } from '../support/run-cli.js';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

describe('specgate broker create-environment', () => {
  let broker: RunningBroker;
  const cli = (args: string[]) => runCli(args, ROOT);

  beforeEach(async () => {
    broker = await startBroker({ dataDir: null });
  });

  afterEach(async () => {
    await broker.close();
  });

  it('creates a production environment', async () => {
    const run = await cli([
      'broker',
      'create-environment',
      'production',
      '--production',
      '--broker-url',
      broker.url,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('created environment production (production)\n');
    expect(
      broker.store.environments().map(({ name, production }) => ({ name, production })),
    ).toEqual([{ name: 'production', production: true }]);
  });

  it('lets a fresh store record a deployment and answer can-i-deploy', async () => {
    broker.store.ensureVersion('orders', 'p1', { branch: 'main' });
    const created = await cli([
      'broker',
      'create-environment',
      'production',
      '--production',
      '--output',
      'json',
      '--broker-url',
      broker.url,
    ]);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({
      schemaVersion: 1,
      name: 'production',
      production: true,
    });

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
    expect(deployed.stderr).toBe('');
    expect(deployed.code).toBe(0);
    expect(deployed.stdout).toBe('recorded deployment of orders p1 to production\n');

    const answer = await cli([
      'can-i-deploy',
      '--pacticipant',
      'orders',
      '--version',
      'p1',
      '--to-environment',
      'production',
      '--broker-url',
      broker.url,
    ]);
    expect(answer.stderr).toBe('');
    expect(answer.code).toBe(0);
  });

  it('rejects an environment that exists', async () => {
    const args = ['broker', 'create-environment', 'staging', '--broker-url', broker.url];
    expect((await cli(args)).code).toBe(0);
    const again = await cli(args);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('an environment named "staging" already exists');
  });
});
