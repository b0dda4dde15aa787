import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { beforeEach, describe, expect, test } from 'vitest';

import { TempRepo } from '../support/git-repo.js';
import { runCli } from '../support/run-cli.js';

const REPO_ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

function logLine(ip: string, time: string, request: string, agent: string): string {
  return `${ip} - - [${time}] "${request}" 200 120 "-" "${agent}"`;
}

describe('specgate sunset', () => {
  let repo: TempRepo;

  beforeEach(() => {
    repo = new TempRepo();
    repo.copy(path.join(REPO_ROOT, 'specs'), 'specs');
    repo.copy(path.join(REPO_ROOT, 'specgate.yaml'), 'specgate.yaml');
    repo.commit('Add the specs');
  });

  test('report lists the deprecated operation as JSON and writes an .ics file', async () => {
    const run = await runCli(
      [
        'sunset',
        'report',
        '--today',
        '2026-12-04',
        '--format',
        'json',
        '--format',
        'ics=sunsets.ics',
      ],
      repo.dir,
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { entries: Record<string, unknown>[] };
    expect(
      report.entries.map((entry) => [
        entry['api'],
        entry['element'],
        entry['sunset'],
        entry['daysLeft'],
      ]),
    ).toEqual([['orders', 'GET /v1/orders', '2027-06-30', 208]]);
    expect(repo.read('sunsets.ics')).toContain('\r\nDTSTART;VALUE=DATE:20270630\r\n');
  });

  test('scan output feeds check --traffic', async () => {
    repo.write(
      'access.log',
      [
        logLine(
          '10.1.1.1',
          '28/Jun/2027:08:00:00 +0000',
          'GET /v1/orders?limit=10 HTTP/1.1',
          'acme-sdk-js/2.3.0',
        ),
        logLine(
          '10.1.1.2',
          '28/Jun/2027:09:00:00 +0000',
          'GET /v2/orders/6f1c HTTP/1.1',
          'shop-web/1.0',
        ),
        'garbage',
      ].join('\n'),
    );
    const scan = await runCli(
      [
        'sunset',
        'scan',
        'access.log',
        '--today',
        '2027-07-01',
        '--format',
        'json=traffic.json',
        '--format',
        'openmetrics',
      ],
      repo.dir,
    );
    expect(scan.code).toBe(0);
    expect(scan.stderr).toBe(
      'specgate: warning: 1 malformed line(s) skipped; the report lists examples.\n',
    );
    expect(scan.stdout).toContain(
      'specgate_operation_days_to_sunset{api="orders",api_version="v1",method="GET",path="/v1/orders",operation_id="listOrdersV1",deprecated="true"} -1\n',
    );
    const text = repo.read(ORDERS_SPEC);
    repo.write(
      ORDERS_SPEC,
      text.slice(0, text.indexOf('  /v1/orders:\n')) + text.slice(text.indexOf('  /v2/orders:\n')),
    );
    const check = await runCli(
      ['check', '--today', '2027-07-01', '--traffic', 'traffic.json', '--format', 'json'],
      repo.dir,
    );
    const report = JSON.parse(check.stdout) as {
      apis: { policy: { findings: { id: string }[] } | null }[];
    };
    expect(report.apis[0]?.policy?.findings.map((finding) => finding.id)).toEqual([
      'removed-with-traffic',
    ]);
    expect(check.code).toBe(1);
  });

  test('scan rejects a missing log file', async () => {
    const run = await runCli(['sunset', 'scan', 'missing.log'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^specgate: error: .*missing\.log: cannot open the log \(not found, ENOENT\)\. Check the path\.\n$/,
    );
  });

  test('scan rejects a directory given as a log', async () => {
    const run = await runCli(['sunset', 'scan', 'specs'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^specgate: error: .*specs: is a directory, not a log\. Pass the log files in it, e\.g\. .*specs\/access\.log\.\n$/,
    );
  });

  test('scan rejects a file with no request lines', async () => {
    writeFileSync(path.join(repo.dir, 'junk.log'), 'not a log line\nnor this one\n');
    const run = await runCli(['sunset', 'scan', 'junk.log'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'specgate: error: junk.log: none of the 2 line(s) is a request in a known log format (--log-format auto). Pass access logs, or name their format with --log-format.\n',
    );
  });

  test('scan rejects an unknown output format', async () => {
    const run = await runCli(['sunset', 'scan', 'a.log', '--format', 'html'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'specgate: error: Unknown format "html" in --format html. Use one of markdown, json, csv, openmetrics, optionally followed by =FILE.\n',
    );
  });
});

const ORDERS_SPEC = 'specs/orders/openapi.yaml';
