import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { beforeEach, describe, expect, test } from 'vitest';

import { TempRepo } from '../support/git-repo.js';
import { runCli } from '../support/run-cli.js';

const REPO_ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const ORDERS = 'specs/orders/openapi.yaml';

interface CheckJson {
  apis: {
    name: string;
    status: string;
    diff: {
      changes: { id: string; level: string; operation: { method: string; path: string } | null }[];
    } | null;
    policy: {
      findings: {
        id: string;
        level: string;
        operation: { method: string; path: string } | null;
        location: { file: string; ref?: string; pointer: string; line: number };
      }[];
    } | null;
  }[];
  summary: { failed: boolean };
}

function policyOf(stdout: string) {
  const report = JSON.parse(stdout) as CheckJson;
  return report.apis.flatMap((api) =>
    (api.policy?.findings ?? []).map((finding) => [
      api.name,
      finding.id,
      finding.level,
      `${finding.operation?.method} ${finding.operation?.path}`,
      `${finding.location.file}#${finding.location.pointer}:${finding.location.line}` +
        (finding.location.ref ? ` (base ${finding.location.ref})` : ''),
    ]),
  );
}

const TRAFFIC = {
  schemaVersion: 1,
  operations: [
    {
      method: 'GET',
      path: '/v1/orders',
      operationId: 'listOrdersV1',
      deprecated: true,
      sunset: '2027-06-30',
      daysToSunset: -1,
      requests: 12,
      clients: [
        { id: 'acme-sdk/2.3.0', requests: 12, firstSeen: '2027-06-01', lastSeen: '2027-06-28' },
      ],
    },
  ],
  unmatched: { requests: 0, examples: [] },
  unidentified: { requests: 0 },
  malformed: { lines: 0, examples: [] },
};

function changesOf(stdout: string) {
  const report = JSON.parse(stdout) as CheckJson;
  return report.apis.flatMap((api) =>
    (api.diff?.changes ?? []).map((change) => [
      api.name,
      change.id,
      change.level,
      `${change.operation?.method} ${change.operation?.path}`,
    ]),
  );
}

function gatesOf(stdout: string) {
  const report = JSON.parse(stdout) as {
    apis: { diff: { changes: { id: string; gate?: object }[] } | null }[];
  };
  return report.apis.flatMap((api) =>
    (api.diff?.changes ?? []).flatMap((change) => (change.gate ? [[change.id, change.gate]] : [])),
  );
}

describe('specgate check on a git repository', () => {
  let repo: TempRepo;

  beforeEach(() => {
    repo = new TempRepo();
    repo.copy(path.join(REPO_ROOT, 'specs'), 'specs');
    repo.copy(path.join(REPO_ROOT, 'specgate.yaml'), 'specgate.yaml');
    repo.commit('Add the specs');
  });

  test('passes when nothing changed', async () => {
    const run = await runCli(['check', '--format', 'json'], repo.dir);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as CheckJson;
    expect(report.apis.map((api) => [api.name, api.status])).toEqual([
      ['orders', 'unchanged'],
      ['customers', 'unchanged'],
    ]);
  });

  test('fails a breaking change', async () => {
    repo.edit(
      ORDERS,
      'required: [id, customerId, status, lines, total, createdAt]',
      'required: [id, customerId, status, lines, createdAt]',
    );
    const run = await runCli(['check', '--base', 'main', '--format', 'json'], repo.dir);
    expect(run.code).toBe(1);
    expect(changesOf(run.stdout)).toEqual([
      ['orders', 'response-property-became-optional', 'error', 'GET /v2/orders'],
      ['orders', 'response-property-became-optional', 'error', 'POST /v2/orders'],
      ['orders', 'response-property-became-optional', 'error', 'GET /v2/orders/{orderId}'],
      [
        'orders',
        'response-property-became-optional',
        'error',
        'POST /v2/orders/{orderId}/cancellation',
      ],
    ]);
  });

  test('passes an additive change', async () => {
    repo.edit(
      ORDERS,
      '        - name: status\n          in: query',
      '        - name: customerId\n          in: query\n          description: Only orders of this customer.\n          schema:\n            type: string\n            format: uuid\n        - name: status\n          in: query',
    );
    repo.commit('Filter orders by customer');
    const run = await runCli(['check', '--base', 'HEAD~1', '--format', 'json'], repo.dir);
    expect(run.code).toBe(0);
    expect(changesOf(run.stdout)).toEqual([
      ['orders', 'new-optional-request-parameter', 'info', 'GET /v2/orders'],
    ]);
  });

  test('passes removal after the sunset date', async () => {
    removeListOrdersV1(repo);
    const run = await runCli(['check', '--today', '2027-07-01', '--format', 'json'], repo.dir);
    expect(run.code).toBe(0);
    expect(changesOf(run.stdout)).toEqual([
      ['orders', 'endpoint-removed-after-sunset', 'info', 'GET /v1/orders'],
    ]);
  });

  test('fails removal before the sunset date', async () => {
    removeListOrdersV1(repo);
    const run = await runCli(['check', '--today', '2027-06-29', '--format', 'json'], repo.dir);
    expect(run.code).toBe(1);
    // The diff keeps the engine's level; the policy judges the removal, so only its finding counts.
    expect(changesOf(run.stdout)).toEqual([
      ['orders', 'endpoint-removed-before-sunset', 'error', 'GET /v1/orders'],
    ]);
    expect(gatesOf(run.stdout)).toEqual([
      [
        'endpoint-removed-before-sunset',
        { level: 'info', reason: 'the lifecycle policy judges removals' },
      ],
    ]);
    expect(policyOf(run.stdout)).toEqual([
      [
        'orders',
        'removed-before-sunset',
        'error',
        'GET /v1/orders',
        'specs/orders/openapi.yaml#/paths/~1v1~1orders/get:22 (base HEAD)',
      ],
      // The removal breaks clients, as the changelog fragment reports, so 2.1.0 needs a major bump.
      [
        'orders',
        'breaking-without-major-bump',
        'warning',
        'undefined undefined',
        'specs/orders/openapi.yaml#/info/version:4',
      ],
    ]);
  });

  test('changelog fragment calls removal before the sunset breaking', async () => {
    removeListOrdersV1(repo);
    const run = await runCli(['check', '--today', '2027-06-29', '--format', 'markdown'], repo.dir);
    expect(run.code).toBe(1);
    const fragmentStart = run.stdout.indexOf('## Changelog fragment');
    const report = run.stdout.slice(0, fragmentStart);
    const fragment = run.stdout.slice(fragmentStart);
    expect(report).toContain('Failed: 1 finding at level error or above.');
    expect(report).toContain('| info | `endpoint-removed-before-sunset` | `GET /v1/orders` |');
    expect(report).toContain('| error | `removed-before-sunset` | `GET /v1/orders` |');
    expect(fragment).toContain('Breaking: yes');
    expect(fragment).not.toContain('Breaking: no');
  });

  test('passes a removal the policy does not enforce, at the engine level', async () => {
    repo.edit(
      ORDERS,
      '      operationId: cancelOrder\n',
      '      operationId: cancelOrder\n      x-stability-level: alpha\n',
    );
    repo.commit('Mark order cancellation alpha');
    const text = repo.read(ORDERS);
    const start = text.indexOf('  /v2/orders/{orderId}/cancellation:\n');
    repo.write(ORDERS, text.slice(0, start) + text.slice(text.indexOf('components:\n')));
    const json = await runCli(['check', '--format', 'json'], repo.dir);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    expect(changesOf(json.stdout)).toEqual([
      [
        'orders',
        'endpoint-removed-without-deprecation',
        'error',
        'POST /v2/orders/{orderId}/cancellation',
      ],
    ]);
    expect(policyOf(json.stdout)).toEqual([
      [
        'orders',
        'breaking-without-major-bump',
        'warning',
        'undefined undefined',
        'specs/orders/openapi.yaml#/info/version:4',
      ],
    ]);
    const markdown = await runCli(['check', '--format', 'markdown'], repo.dir);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain('Passed: no findings at level error or above.');
    expect(markdown.stdout).toContain('| info | `endpoint-removed-without-deprecation` |');
    expect(markdown.stdout).toContain('Breaking: yes');
  });

  test('places base-only findings alike in every format', async () => {
    removeListOrdersV1(repo);
    const run = await runCli(
      [
        'check',
        '--today',
        '2027-06-29',
        '--format',
        'stylish',
        '--format',
        'json=report.json',
        '--format',
        'sarif=report.sarif',
        '--format',
        'github=annotations.txt',
        '--format',
        'junit=report.xml',
        '--format',
        'markdown=report.md',
      ],
      repo.dir,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const base = 'specs/orders/openapi.yaml:22:5 (base HEAD)';

    // stylish: the repository path and line in the base, marked with the revision, no code frame.
    expect(run.stdout).toContain(
      `  ${base}  info  endpoint-removed-before-sunset  GET /v1/orders  deprecated operation removed before its sunset date 2027-06-30 (the engine calls this error; it counts at level info because the lifecycle policy judges removals)\n\n`,
    );
    // Every format counts the gated removal at info, as the verdict does.
    expect(run.stdout).toContain(
      '\n1 error, 1 warning, 1 info\nFailed: 1 finding at level error or above.\n',
    );
    expect(run.stdout).toContain(`  ${base}  error  removed-before-sunset  GET /v1/orders  `);

    // json: the path with the revision beside it, and the anchor in the revision.
    const json = JSON.parse(repo.read('report.json')) as {
      summary: object;
      apis: {
        diff: { changes: { base: object; revisionAnchor?: object }[] } | null;
        policy: { findings: { location: object; revisionAnchor?: object }[] } | null;
      }[];
    };
    const baseLocation = {
      file: 'specs/orders/openapi.yaml',
      ref: 'HEAD',
      pointer: '/paths/~1v1~1orders/get',
      line: 22,
      column: 5,
    };
    const anchor = { file: 'specs/orders/openapi.yaml', pointer: '/paths', line: 20, column: 1 };
    expect(json.apis[0]?.diff?.changes[0]?.base).toEqual(baseLocation);
    expect(json.apis[0]?.diff?.changes[0]?.revisionAnchor).toEqual(anchor);
    expect(json.apis[0]?.policy?.findings[0]?.location).toEqual(baseLocation);
    expect(json.apis[0]?.policy?.findings[0]?.revisionAnchor).toEqual(anchor);
    expect(json.summary).toEqual({ error: 1, warning: 1, info: 1, waived: 0, failed: true });

    // sarif: the result sits at the anchor; the base place is a related location.
    const sarif = JSON.parse(repo.read('report.sarif')) as {
      runs: {
        results: { message: { text: string }; locations: object[]; relatedLocations: object[] }[];
      }[];
    };
    const result = sarif.runs[0]?.results[0];
    expect(result?.message.text).toBe(
      'deprecated operation removed before its sunset date 2027-06-30 (the engine calls this error; it counts at level info because the lifecycle policy judges removals) (in HEAD: specs/orders/openapi.yaml:22:5)',
    );
    expect(result?.level).toBe('note');
    expect(result?.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'specs/orders/openapi.yaml' },
          region: { startLine: 20, startColumn: 1 },
        },
      },
    ]);
    expect(result?.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: 'specs/orders/openapi.yaml' },
          region: { startLine: 22, startColumn: 5 },
        },
        message: { text: 'Location in the base version (HEAD)' },
      },
    ]);

    // github: the annotation sits at the anchor, and the message names the base place.
    expect(repo.read('annotations.txt').split('\n')[0]).toBe(
      '::notice file=specs/orders/openapi.yaml,line=20,col=1,title=endpoint-removed-before-sunset::deprecated operation removed before its sunset date 2027-06-30 (the engine calls this error; it counts at level info because the lifecycle policy judges removals) (in HEAD: specs/orders/openapi.yaml:22:5)',
    );

    // junit: file and line link to the anchor; the details name the base place.
    const junit = repo.read('report.xml');
    expect(junit).toContain(
      '<testcase name="endpoint-removed-before-sunset /paths/~1v1~1orders/get" classname="specs/orders/openapi.yaml" file="specs/orders/openapi.yaml" line="20">',
    );
    expect(junit).toContain(`location: ${base} /paths/~1v1~1orders/get`);
    expect(junit).toContain('<testsuites name="specgate check" tests="3" failures="1"');
    expect(junit).toContain(
      'Not a failure: level info is below the failure level error.\ninfo endpoint-removed-before-sunset: ',
    );

    // markdown: the path and line in the base, marked with the revision.
    expect(repo.read('report.md')).toContain(
      '| info | `endpoint-removed-before-sunset` | `GET /v1/orders` | `specs/orders/openapi.yaml:22` (base HEAD) |',
    );
    expect(repo.read('report.md')).toContain('| error | 1 |\n| warning | 1 |\n| info | 1 |');
  });

  test('fails a sunset moved inside the notice window', async () => {
    repo.edit(ORDERS, "x-sunset: '2027-06-30'", "x-sunset: '2027-01-15'");
    const run = await runCli(['check', '--today', '2026-12-04', '--format', 'json'], repo.dir);
    expect(run.code).toBe(1);
    expect(policyOf(run.stdout)).toEqual([
      [
        'orders',
        'sunset-moved-earlier',
        'error',
        'GET /v1/orders',
        'specs/orders/openapi.yaml#/paths/~1v1~1orders/get/x-sunset:29',
      ],
    ]);
  });

  test('reports a missing sunset once, from the policy', async () => {
    repo.edit(ORDERS, "      x-sunset: '2027-06-30'\n", '');
    const run = await runCli(['check', '--today', '2026-12-04', '--format', 'json'], repo.dir);
    const report = JSON.parse(run.stdout) as CheckJson & {
      apis: { lint: { problems: { id: string }[] } }[];
    };
    const lintIds = report.apis.flatMap((api) => api.lint.problems.map((problem) => problem.id));
    expect(lintIds).not.toContain('specgate/deprecated-has-sunset');
    expect(policyOf(run.stdout).map((finding) => finding[1])).toContain('sunset-missing');
  });

  test('policy.levels lowers a check and policy.today sets the day', async () => {
    repo.edit(ORDERS, "x-sunset: '2027-06-30'", "x-sunset: '2027-01-15'");
    repo.write(
      'specgate.yaml',
      `${repo.read('specgate.yaml')}policy:\n  today: 2026-12-04\n  levels:\n    sunset-moved-earlier: warning\n`,
    );
    const run = await runCli(['check', '--format', 'json'], repo.dir);
    expect(run.code).toBe(0);
    expect(policyOf(run.stdout).map((row) => [row[1], row[2]])).toEqual([
      ['sunset-moved-earlier', 'warning'],
    ]);
  });

  test('fails removal of an operation the traffic report shows in use', async () => {
    removeListOrdersV1(repo);
    repo.write('traffic.json', JSON.stringify(TRAFFIC));
    const run = await runCli(
      ['check', '--today', '2027-07-01', '--traffic', 'traffic.json', '--format', 'json'],
      repo.dir,
    );
    expect(run.code).toBe(1);
    expect(policyOf(run.stdout)).toEqual([
      [
        'orders',
        'removed-with-traffic',
        'error',
        'GET /v1/orders',
        'specs/orders/openapi.yaml#/paths/~1v1~1orders/get:22 (base HEAD)',
      ],
    ]);
  });

  test('rejects a traffic file that is not a report', async () => {
    repo.write('traffic.json', JSON.stringify({ schemaVersion: 1, operations: [{ path: '/x' }] }));
    const run = await runCli(['check', '--traffic', 'traffic.json'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'specgate: error: traffic.json: operations[0].method is missing or has the wrong type. Regenerate the report with specgate sunset scan --format json.\n',
    );
  });

  test('rejects an unknown policy check id in the config', async () => {
    repo.write(
      'specgate.yaml',
      `${repo.read('specgate.yaml')}policy:\n  levels:\n    sunset-moved: warning\n`,
    );
    const run = await runCli(['check'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'policy.levels names "sunset-moved", which is not a policy check id',
    );
  });

  test('waiver accepts a breaking change', async () => {
    repo.edit(ORDERS, '          maxLength: 200\n', '          maxLength: 100\n');
    const first = await runCli(['check', '--format', 'json'], repo.dir);
    expect(first.code).toBe(1);
    const report = JSON.parse(first.stdout) as {
      apis: { diff: { changes: { fingerprint: string }[] } | null }[];
    };
    const print = report.apis[0]?.diff?.changes[0]?.fingerprint as string;
    repo.write(
      'specgate.yaml',
      `${repo.read('specgate.yaml')}waivers:\n  - fingerprint: ${print}\n    reason: No client sends cursors longer than 100 characters.\n    owner: orders-team\n    expires: '2027-01-31'\n`,
    );
    const waived = await runCli(['check', '--today', '2027-01-31', '--format', 'json'], repo.dir);
    expect(waived.code).toBe(0);
    const expired = await runCli(['check', '--today', '2027-02-01', '--format', 'json'], repo.dir);
    expect(expired.code).toBe(1);
    expect(expired.stderr).toContain(`waiver ${print} (owner orders-team) expired on 2027-01-31`);
  });

  test('reads the base of a multi-file spec from git', async () => {
    repo.edit(
      'specs/customers/schemas/customer.yaml',
      '      maxLength: 32\n',
      '      maxLength: 16\n',
    );
    const run = await runCli(['check', '--format', 'json'], repo.dir);
    expect(run.code).toBe(1);
    expect(changesOf(run.stdout)).toEqual([
      ['customers', 'request-property-max-length-decreased', 'error', 'POST /v1/customers'],
      ['customers', 'response-property-max-length-decreased', 'info', 'POST /v1/customers'],
      [
        'customers',
        'response-property-max-length-decreased',
        'info',
        'GET /v1/customers/{customerId}',
      ],
    ]);
  });

  // git quotes such paths in its listings ("specs/r\303\251seau/...") unless run with -z.
  test.each(['commandes-réseau', 'say "hi"'])('spec under a folder named %s', async (folder) => {
    repo.git('rm', '-q', 'specgate.yaml');
    repo.git('mv', 'specs/customers', `specs/${folder}`);
    repo.commit('Discover the specs, one of them under an unusual folder name');
    const file = `specs/${folder}/schemas/customer.yaml`;
    repo.edit(file, '      maxLength: 32\n', '      maxLength: 16\n');
    const edited = await runCli(['check', '--format', 'json'], repo.dir);
    expect(edited.code).toBe(1);
    expect(changesOf(edited.stdout)[0]).toEqual([
      folder,
      'request-property-max-length-decreased',
      'error',
      'POST /v1/customers',
    ]);
    repo.git('rm', '-q', '-r', '-f', `specs/${folder}`);
    const removed = await runCli(['check', '--format', 'json'], repo.dir);
    expect(removed.code).toBe(1);
    const report = JSON.parse(removed.stdout) as CheckJson;
    expect(report.apis.map((api) => [api.name, api.status])).toEqual([
      ['orders', 'unchanged'],
      [folder, 'removed'],
    ]);
  });

  test('fails when a discovered spec is deleted', async () => {
    repo.git('rm', '-q', 'specgate.yaml');
    repo.commit('Discover the specs instead of declaring them');
    repo.git('rm', '-q', '-r', 'specs/customers');
    const run = await runCli(['check', '--format', 'json'], repo.dir);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as CheckJson;
    expect(report.apis.map((api) => [api.name, api.status])).toEqual([
      ['orders', 'unchanged'],
      ['customers', 'removed'],
    ]);
    expect(report.apis[1]?.diff?.changes.map((change) => [change.id, change.level])).toEqual([
      ['api-removed', 'error'],
    ]);
  });

  test.each([
    [
      'emptied',
      'specs/customers/openapi.yaml',
      '',
      'specs/customers/openapi.yaml: the file is empty. Write an OpenAPI document in it, or pass another file.',
    ],
    [
      'without its openapi key',
      'specs/orders/openapi.yaml',
      'title: x\n',
      'specs/orders/openapi.yaml: not an OpenAPI document (it has no "openapi" or "swagger" field). Pass an OpenAPI 3.0/3.1 or Swagger 2.0 root file.',
    ],
  ])('rejects a discovered spec %s in place', async (_, file, text, message) => {
    repo.git('rm', '-q', 'specgate.yaml');
    repo.commit('Discover the specs instead of declaring them');
    repo.write(file, text);
    const run = await runCli(['check'], repo.dir);
    expect(run.stderr).toBe(`specgate: error: ${message}\n`);
    expect(run.code).toBe(2);
  });

  test('skips a FIFO and a dangling link under specs', async () => {
    repo.git('rm', '-q', 'specgate.yaml');
    repo.commit('Discover the specs instead of declaring them');
    execFileSync('mkfifo', [path.join(repo.dir, 'specs/incoming.yaml')]);
    symlinkSync('nowhere.yaml', path.join(repo.dir, 'specs/orders/extra.yaml'));
    const run = await runCli(['check', '--format', 'json'], repo.dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as CheckJson;
    expect(report.apis.map((api) => [api.name, api.status])).toEqual([
      ['customers', 'unchanged'],
      ['orders', 'unchanged'],
    ]);
  });

  test('leaves out specs in hidden folders and node_modules', async () => {
    repo.git('rm', '-q', 'specgate.yaml');
    for (const folder of ['specs/.cache/old', 'specs/node_modules/pkg']) {
      mkdirSync(path.join(repo.dir, folder), { recursive: true });
      repo.write(`${folder}/openapi.yaml`, repo.read('specs/orders/openapi.yaml'));
    }
    repo.commit('Discover the specs, next to a cache and an installed package');
    const run = await runCli(['check', '--all', '--format', 'json'], repo.dir);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as CheckJson;
    expect(report.apis.map((api) => api.name)).toEqual(['customers', 'orders']);
  });

  test('rejects two specs that give one API name', async () => {
    repo.git('rm', '-q', 'specgate.yaml');
    repo.write('specs/orders.yaml', repo.read('specs/orders/openapi.yaml'));
    repo.commit('Discover the specs, two of them named orders');
    const run = await runCli(['check'], repo.dir);
    expect(run.stderr).toBe(
      'specgate: error: specs/orders.yaml and specs/orders/openapi.yaml both give the API name "orders". Rename one, or declare the APIs in specgate.yaml.\n',
    );
    expect(run.code).toBe(2);
  });

  test('rejects a discovered spec replaced by a FIFO', async () => {
    repo.git('rm', '-q', 'specgate.yaml');
    repo.commit('Discover the specs instead of declaring them');
    rmSync(path.join(repo.dir, 'specs/orders/openapi.yaml'));
    execFileSync('mkfifo', [path.join(repo.dir, 'specs/orders/openapi.yaml')]);
    const run = await runCli(['check'], repo.dir);
    expect(run.stderr).toBe(
      "specgate: error: specs/orders/openapi.yaml: is not a regular file. Put the spec's file back, or remove it with git rm.\n",
    );
    expect(run.code).toBe(2);
  });

  test('discovers minified and key-sorted JSON', async () => {
    repo.git('rm', '-q', 'specgate.yaml');
    const info = { title: 'Notes', version: '1.0.0' };
    const minified = { openapi: '3.0.3', info, paths: {} };
    const sorted = {
      components: { schemas: { Note: { type: 'string', description: 'n'.repeat(5000) } } },
      info,
      openapi: '3.0.3',
      paths: {},
    };
    repo.write('specs/minified.json', JSON.stringify(minified));
    repo.write('specs/sorted.json', JSON.stringify(sorted, null, 2));
    repo.commit('Add JSON specs and discover the specs');
    const run = await runCli(['check', '--format', 'json'], repo.dir);
    const report = JSON.parse(run.stdout) as CheckJson;
    expect(report.apis.map((api) => [api.name, api.status])).toEqual([
      ['customers', 'unchanged'],
      ['minified', 'unchanged'],
      ['orders', 'unchanged'],
      ['sorted', 'unchanged'],
    ]);
  });

  test('rejects a run that finds no APIs', async () => {
    const run = await runCli(['check'], path.join(repo.dir, 'specs'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('specgate: error: no APIs found in');
  });

  test('markdown report has a changelog fragment', async () => {
    repo.edit(ORDERS, '          maxLength: 200\n', '          maxLength: 300\n');
    const run = await runCli(['check', '--format', 'markdown'], repo.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('## Changelog fragment');
    expect(run.stdout).toContain('### orders 2.1.0 → 2.1.0\n');
    expect(run.stdout).toContain(
      'info.version 2.1.0 does not follow the changes: the changes call for 2.1.1 or later.',
    );
    expect(run.stdout).toContain(
      [
        '#### Changed',
        '',
        '- <a id="v2-1-0-get-v2-orders"></a>**`GET /v2/orders`** (`listOrders`)',
        '  - query parameter cursor: max length changed from 200 to 300 (`request-parameter-max-length-increased`)',
      ].join('\n'),
    );
  });

  test('changelog fragment shows a new deprecation', async () => {
    repo.edit(
      ORDERS,
      '      operationId: getOrder\n',
      [
        '      operationId: getOrder',
        '      deprecated: true',
        "      x-deprecated-at: '2026-12-01'",
        "      x-sunset: '2027-12-31'",
        '      x-replaced-by: listOrders',
        '      x-migration-guide: https://docs.example.org/orders/v3',
        '',
      ].join('\n'),
    );
    const run = await runCli(['check', '--format', 'markdown', '--today', '2026-12-04'], repo.dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      [
        '#### Deprecated',
        '',
        '- <a id="v2-1-0-get-v2-orders-orderid"></a>**`GET /v2/orders/{orderId}`** (`getOrder`)',
        '  - operation deprecated (`endpoint-deprecated`)',
        '  - Deprecated on 2026-12-01, sunset on 2027-12-31 (392 days left), stability stable. Replaced by `listOrders`. Migration guide: <https://docs.example.org/orders/v3>.',
      ].join('\n'),
    );
    expect(run.stdout).toContain(
      'Breaking: no · compared with 2.1.0 · suggested version: 2.2.0 (minor).',
    );
  });
});

function removeListOrdersV1(repo: TempRepo): void {
  const text = repo.read(ORDERS);
  const start = text.indexOf('  /v1/orders:\n');
  const end = text.indexOf('  /v2/orders:\n');
  repo.write(ORDERS, text.slice(0, start) + text.slice(end));
  // The schema only that operation used goes too, because the lint rule for unused components reports it otherwise.
  const withoutPage = repo
    .read(ORDERS)
    .replace(/    OrderPageV1:\n(?: {6}.*\n)+/, '')
    .replace(/    OrderV1:\n(?: {6}.*\n)+/, '');
  repo.write(ORDERS, withoutPage);
}
