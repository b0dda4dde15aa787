import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBroker, type RunningBroker } from '@specgate/contracts';

import { TempRepo } from '../support/git-repo.js';
import { runCli } from '../support/run-cli.js';

const REPO_ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const ORDERS = 'specs/orders/openapi.yaml';
const PACT = 'contracts/pacts/web-shop-orders.json';
const CRM_PACT = 'test/contracts/fixtures/crm-customers.json';

interface ContractsJson {
  apis: {
    name: string;
    contracts: {
      pacts: { consumer: string; file: string; problems: number; warnings: number }[];
      problems: {
        consumer: string;
        interaction: string;
        code: string;
        field: string;
        level: string;
      }[];
      recorded: { consumer: string; success: boolean }[] | null;
    } | null;
  }[];
  summary: { failed: boolean };
}

describe('specgate check holds specs to the consumers\u2019 pacts', () => {
  let repo: TempRepo;
  let broker: RunningBroker;

  beforeAll(async () => {
    broker = await startBroker({ dataDir: null });
  });

  afterAll(async () => {
    await broker.close();
  });

  beforeEach(() => {
    repo = new TempRepo();
    repo.copy(path.join(REPO_ROOT, 'specs'), 'specs');
    repo.copy(path.join(REPO_ROOT, 'specgate.yaml'), 'specgate.yaml');
    repo.copy(path.join(REPO_ROOT, 'contracts'), 'contracts');
    repo.commit('base');
  });

  it('passes the committed pact against the committed spec', async () => {
    const run = await runCli(['check', '--format', 'json'], repo.dir);
    const report = JSON.parse(run.stdout) as ContractsJson;
    expect(report.apis.map((api) => [api.name, api.contracts?.pacts])).toEqual([
      ['orders', [{ consumer: 'web-shop', file: PACT, problems: 0, warnings: 0 }]],
      ['customers', []],
    ]);
    expect(report.apis[0]?.contracts?.problems).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('fails a spec change that breaks the pact, naming consumer, interaction and field', async () => {
    repo.edit(
      ORDERS,
      `        quantity:
          type: integer
          format: int32
          minimum: 1`,
      `        quantity:
          type: string`,
    );
    const run = await runCli(['check', '--format', 'json'], repo.dir);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as ContractsJson;
    const problems = report.apis[0]?.contracts?.problems ?? [];
    expect(
      problems.map((problem) => [
        problem.consumer,
        problem.interaction,
        problem.code,
        problem.field,
      ]),
    ).toEqual([
      [
        'web-shop',
        'a request for one order',
        'response.body.incompatible',
        '[root].interactions[1].response.body.lines.0.quantity',
      ],
      [
        'web-shop',
        'a request for paid orders',
        'response.body.incompatible',
        '[root].interactions[2].response.body.items.0.lines.0.quantity',
      ],
      [
        'web-shop',
        'a request to place an order',
        'request.body.incompatible',
        '[root].interactions[3].request.body.lines.0.quantity',
      ],
      [
        'web-shop',
        'a request to place an order',
        'response.body.incompatible',
        '[root].interactions[3].response.body.lines.0.quantity',
      ],
    ]);

    const text = await runCli(['check', '--format', 'stylish'], repo.dir);
    expect(text.stdout).toContain(
      'specs/orders/openapi.yaml:113:5  error  consumer-pact-broken  breaks the pact of consumer web-shop (contracts/pacts/web-shop-orders.json): interaction "a request for one order", response.body.lines.0.quantity: Response body is incompatible with the response body schema in the spec file: must be string [response.body.incompatible]',
    );
  });

  it('reports a warning-level pact problem as a warning', async () => {
    repo.edit(
      ORDERS,
      `        - name: status
          in: query
          description: Only orders in this status.`,
      `        - name: state
          in: query
          description: Only orders in this status.`,
    );
    const run = await runCli(['check', '--format', 'json'], repo.dir);
    const report = JSON.parse(run.stdout) as ContractsJson;
    const contracts = report.apis[0]?.contracts;
    expect(contracts?.pacts).toEqual([
      { consumer: 'web-shop', file: PACT, problems: 0, warnings: 1 },
    ]);
    expect(contracts?.problems.map((problem) => [problem.code, problem.level])).toEqual([
      ['request.query.unknown', 'warning'],
    ]);

    const text = await runCli(['check', '--format', 'stylish'], repo.dir);
    expect(text.stdout).toMatch(
      /specs\/orders\/openapi\.yaml:45:5 {2}warning {2}consumer-pact-mismatch {2}may break the pact of consumer web-shop \(contracts\/pacts\/web-shop-orders\.json\): interaction "a request for paid orders", .*\[request\.query\.unknown\]/,
    );
    const github = await runCli(['check', '--format', 'github'], repo.dir);
    expect(github.stdout).toContain(
      '::warning file=specs/orders/openapi.yaml,line=45,col=5,title=consumer-pact-mismatch::may break the pact of consumer web-shop',
    );
  });

  it('follows $refs into other files and through recursive schemas', async () => {
    // customers keeps its schemas in schemas/customer.yaml, and Customer refers to itself.
    repo.copy(path.join(REPO_ROOT, CRM_PACT), 'contracts/pacts/crm-customers.json');
    const passing = await runCli(['check', '--format', 'json'], repo.dir);
    const passed = JSON.parse(passing.stdout) as ContractsJson;
    expect(passed.apis[1]?.contracts).toEqual({
      pacts: [
        { consumer: 'crm', file: 'contracts/pacts/crm-customers.json', problems: 0, warnings: 0 },
      ],
      problems: [],
      recorded: null,
    });
    expect(passing.code).toBe(0);

    repo.edit(
      'specs/customers/schemas/customer.yaml',
      '        createdAt:\n          type: string\n',
      '        createdAt:\n          type: integer\n',
    );
    const failing = await runCli(['check', '--format', 'json'], repo.dir);
    const failed = JSON.parse(failing.stdout) as ContractsJson;
    expect(
      failed.apis[1]?.contracts?.problems.map((problem) => [
        problem.consumer,
        problem.interaction,
        problem.code,
        problem.field,
        problem.level,
      ]),
    ).toEqual([
      [
        'crm',
        'a request for one customer',
        'response.body.incompatible',
        '[root].interactions[0].response.body.createdAt',
        'error',
      ],
    ]);
    expect(failing.code).toBe(1);
  });

  it('ignores PACT_BROKER_BASE_URL without a provider version', async () => {
    const saved = process.env['PACT_BROKER_BASE_URL'];
    process.env['PACT_BROKER_BASE_URL'] = broker.url;
    try {
      const run = await runCli(['check', '--format', 'json', '--verbose'], repo.dir);
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as ContractsJson;
      expect(report.apis[0]?.contracts?.recorded).toBeNull();
      const skipped = run.stderr
        .split('\n')
        .filter((line) => line.includes('PACT_BROKER_BASE_URL'));
      expect(skipped).toEqual([
        'PACT_BROKER_BASE_URL is set but --provider-version is not, so the pact check is not recorded in the broker.',
      ]);

      const quiet = await runCli(['check', '--format', 'json'], repo.dir);
      expect(quiet.code).toBe(0);
      expect(quiet.stderr).toBe('');

      const versioned = await runCli(
        ['check', '--format', 'json', '--provider-version', 'env-1'],
        repo.dir,
      );
      expect(versioned.code).toBe(0);
      expect(broker.store.findVersion('orders', 'env-1')).toBeDefined();
    } finally {
      if (saved === undefined) delete process.env['PACT_BROKER_BASE_URL'];
      else process.env['PACT_BROKER_BASE_URL'] = saved;
    }
  });

  it('rejects --broker-url without a provider version', async () => {
    const run = await runCli(['check', '--broker-url', broker.url], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'specgate: error: recording the pact check in a broker needs --provider-version (the commit SHA).\n',
    );
  });

  it('records the outcome in a broker so can-i-deploy counts it', async () => {
    const published = await runCli(
      [
        'pact',
        'publish',
        PACT,
        '--broker-url',
        broker.url,
        '--consumer-app-version',
        'c1',
        '--branch',
        'main',
      ],
      repo.dir,
    );
    expect(published.code).toBe(0);
    const run = await runCli(
      [
        'check',
        '--format',
        'json',
        '--broker-url',
        broker.url,
        '--provider-version',
        'spec-1',
        '--branch',
        'main',
      ],
      repo.dir,
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as ContractsJson;
    expect(
      report.apis[0]?.contracts?.recorded?.map((entry) => [entry.consumer, entry.success]),
    ).toEqual([['web-shop', true]]);
    const version = broker.store.findVersion('orders', 'spec-1');
    expect(version?.branches).toEqual(['main']);
    expect(
      broker.store
        .verificationsBy(version!)
        .map((entry) => [entry.consumer, entry.success, entry.verifiedBy]),
    ).toEqual([['web-shop', true, 'specgate openapi-pact-comparator']]);

    broker.store.createEnvironment({ name: 'production', production: true });
    const deployed = await runCli(
      [
        'record-deployment',
        '-a',
        'orders',
        '-e',
        'spec-1',
        '--environment',
        'production',
        '--broker-url',
        broker.url,
      ],
      repo.dir,
    );
    expect(deployed.code).toBe(0);
    const gate = await runCli(
      [
        'can-i-deploy',
        '-a',
        'web-shop',
        '-e',
        'c1',
        '--to-environment',
        'production',
        '--broker-url',
        broker.url,
      ],
      repo.dir,
    );
    expect(gate.stdout).toBe(
      [
        'can-i-deploy web-shop c1 to production: yes',
        '  web-shop c1 -> orders spec-1: verified',
        'All required verification results are published and successful for web-shop version c1 to production',
        '',
      ].join('\n'),
    );
    expect(gate.code).toBe(0);
  });
});
