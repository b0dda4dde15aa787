import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { afterAll, describe, expect, test } from 'vitest';

import { specFromText } from '../../../../test/support/in-memory-spec.js';
import { DEFAULT_EXTENSIONS } from '../lifecycle.js';
import { combinedParser } from './combined-format.js';
import { emptyRecord } from './log-record.js';
import { OperationMatcher, pathOf } from './operation-matcher.js';
import {
  renderTrafficCsv,
  renderTrafficMarkdown,
  renderTrafficOpenMetrics,
} from './render-traffic.js';
import { detectFormat, scanLogs } from './scan-logs.js';
import { TrafficAggregate } from './traffic-aggregate.js';

const SPEC = `openapi: 3.0.3
info: { title: Users, version: 1.0.0 }
servers: [{ url: 'https://api.example.com/api' }]
paths:
  /v1/users/{id}:
    get: { operationId: getUserV1, deprecated: true, x-sunset: '2027-01-03', responses: { '200': { description: ok } } }
  /v1/users/search:
    get: { operationId: searchUsers, responses: { '200': { description: ok } } }
  /v2/users/{id}:
    get: { operationId: getUser, responses: { '200': { description: ok } } }
    delete: { operationId: deleteUser, responses: { '204': { description: gone } } }
`;

const directory = mkdtempSync(path.join(tmpdir(), 'specgate-scan-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function write(name: string, text: string | Buffer): string {
  const file = path.join(directory, name);
  writeFileSync(file, text);
  return file;
}

async function matcher() {
  const document = await specFromText({ 'openapi.yaml': SPEC }, 'users');
  return new OperationMatcher([{ api: 'users', document }], DEFAULT_EXTENSIONS);
}

const TODAY = '2026-12-04';

function combined(ip: string, user: string, time: string, request: string, agent: string) {
  return `${ip} - ${user} [${time}] "${request}" 200 512 "-" "${agent}"`;
}

describe('OperationMatcher', () => {
  test.each([
    ['GET', '/v1/users/search', 'searchUsers'],
    ['GET', '/v1/users/42', 'getUserV1'],
    ['GET', '/v1/users/42/', 'getUserV1'],
    ['GET', '//v1//users/42', 'getUserV1'],
    ['GET', '/v1/users/42?fields=name', 'getUserV1'],
    ['GET', '/v1/users/a%2Fb', 'getUserV1'],
    ['GET', '/api/v1/users/42', 'getUserV1'],
    ['HEAD', '/v2/users/7', 'getUser'],
    ['DELETE', '/v2/users/7', 'deleteUser'],
    ['GET', 'https://api.example.com:443/v2/users/7?x=1', 'getUser'],
    ['POST', '/v2/users/7', null],
    ['GET', '/v1/users/a/b', null],
  ])('%s %s', async (method, target, operationId) => {
    const routes = await matcher();
    const index = routes.match(method, target);
    expect(index < 0 ? null : routes.operations[index]?.operationId).toBe(operationId);
  });

  test('pathOf strips scheme, host, query and fragment', () => {
    expect(pathOf('https://h:443/a/b?c=1')).toBe('/a/b');
    expect(pathOf('/a#frag')).toBe('/a');
    expect(pathOf('http://h')).toBe('/');
  });
});

describe('combined format parser', () => {
  test('reads every field', () => {
    const record = emptyRecord();
    const line = combined(
      '203.0.113.9',
      'alice',
      '04/Dec/2026:10:00:00 -0700',
      'GET /v1/users/1?q=\\"x\\" HTTP/1.1',
      'acme-sdk/1.0 (linux)',
    );
    expect(combinedParser()(line, record)).toBe(true);
    expect(record).toEqual({
      method: 'GET',
      target: '/v1/users/1?q=\\"x\\"',
      time: Date.parse('2026-12-04T17:00:00Z'),
      client: 'alice',
      clientSource: 'api-key',
      count: 1,
      firstTime: Number.NaN,
    });
  });

  test.each([
    ['no request', '1.2.3.4 - - [04/Dec/2026:10:00:00 +0000] 200 1'],
    ['unterminated request', '1.2.3.4 - - [04/Dec/2026:10:00:00 +0000] "GET /x'],
    ['empty', ''],
    ['garbage', 'hello world'],
  ])('rejects %s', (_name, line) => {
    expect(combinedParser()(line, emptyRecord())).toBe(false);
  });
});

describe('detectFormat', () => {
  test.each([
    ['{"method":"GET","path":"/x"}', 'json'],
    ['{"httpMethod":"GET","resourcePath":"/x/{id}"}', 'apigw'],
    [
      'https 2026-12-04T10:00:00.000000Z app/lb/1 1.2.3.4:5 - 0 0 0 200 200 1 1 "GET https://h:443/x HTTP/1.1" "ua"',
      'alb',
    ],
    ['method,path,client,count,last_seen', 'csv'],
    ['1.2.3.4 - - [04/Dec/2026:10:00:00 +0000] "GET / HTTP/1.1" 200 1 "-" "-"', 'combined'],
  ])('%s', (line, format) => {
    expect(detectFormat(line)).toBe(format);
  });
});

describe('scanLogs', () => {
  test('aggregates a gzip combined log per operation and client', async () => {
    const lines = [
      combined(
        '10.0.0.1',
        '-',
        '01/Dec/2026:09:00:00 +0000',
        'GET /v1/users/1 HTTP/1.1',
        'acme-sdk/2.3.0 node/20',
      ),
      combined(
        '10.0.0.2',
        '-',
        '03/Dec/2026:09:00:00 +0000',
        'GET /v1/users/2 HTTP/1.1',
        'acme-sdk/2.3.0 node/20',
      ),
      combined('10.0.0.3', 'key-77', '02/Dec/2026:09:00:00 +0000', 'GET /v1/users/3 HTTP/1.1', '-'),
      combined(
        '10.0.0.4',
        '-',
        '02/Dec/2026:09:00:00 +0000',
        'GET /v1/users/4 HTTP/1.1',
        'Mozilla',
      ),
      combined('10.0.0.5', '-', '02/Dec/2026:09:00:00 +0000', 'GET /v3/unknown HTTP/1.1', '-'),
      'not a log line',
    ];
    const file = write('access.log.gz', gzipSync(`${lines.join('\r\n')}\r\n`));
    const report = await scanLogs([file], {
      matcher: await matcher(),
      format: 'auto',
      today: TODAY,
    });
    expect(report).toEqual({
      schemaVersion: 1,
      operations: [
        {
          api: 'users',
          apiVersion: 'v1',
          method: 'GET',
          path: '/v1/users/{id}',
          operationId: 'getUserV1',
          deprecated: true,
          sunset: '2027-01-03',
          daysToSunset: 30,
          requests: 4,
          clients: [
            {
              id: 'acme-sdk/2.3.0',
              source: 'user-agent',
              requests: 2,
              firstSeen: '2026-12-01T09:00:00.000Z',
              lastSeen: '2026-12-03T09:00:00.000Z',
            },
            {
              id: '10.0.0.4',
              source: 'ip',
              requests: 1,
              firstSeen: '2026-12-02T09:00:00.000Z',
              lastSeen: '2026-12-02T09:00:00.000Z',
            },
            {
              id: 'key-77',
              source: 'api-key',
              requests: 1,
              firstSeen: '2026-12-02T09:00:00.000Z',
              lastSeen: '2026-12-02T09:00:00.000Z',
            },
          ],
        },
      ],
      unmatched: { requests: 1, examples: ['GET /v3/unknown'] },
      unidentified: { requests: 0 },
      malformed: { lines: 1, examples: ['not a log line'] },
    });
  });

  test('reads JSON lines through a field map', async () => {
    const file = write(
      'kong.jsonl',
      [
        JSON.stringify({
          request: { method: 'GET', uri: '/v2/users/9', headers: { 'x-client-id': 'billing' } },
          started_at: Date.parse('2026-12-02T00:00:00Z'),
        }),
        JSON.stringify({
          request: { method: 'DELETE', uri: '/v2/users/9' },
          consumer: { id: 'c-1' },
          started_at: Date.parse('2026-12-02T00:00:01Z'),
        }),
        JSON.stringify({ request: { method: 'DELETE', uri: '/v2/users/8' } }),
        '{"truncated": ',
      ].join('\n'),
    );
    const report = await scanLogs([file], {
      matcher: await matcher(),
      format: 'json',
      today: TODAY,
    });
    expect(
      report.operations.map((operation) => [
        operation.operationId,
        operation.requests,
        operation.clients.map((client) => `${client.source}:${client.id}`),
      ]),
    ).toEqual([
      ['getUser', 1, ['client-id:billing']],
      ['deleteUser', 2, ['none:(unidentified)', 'api-key:c-1']],
    ]);
    expect(report.unidentified).toEqual({ requests: 1 });
    expect(report.malformed).toEqual({ lines: 1, examples: ['{"truncated": '] });
  });

  test('reads NGINX escape=json lines that log $request', async () => {
    const file = write(
      'nginx.jsonl',
      [
        '{"time_local":"04/Dec/2026:10:00:00 +0000","remote_addr":"10.0.0.1","request":"GET /v1/users/3?x=1 HTTP/1.1","status":200,"http_user_agent":"app/3"}',
        '{"time_local":"04/Dec/2026:10:00:05 +0000","remote_addr":"10.0.0.2","request":"DELETE /v2/users/4 HTTP/2.0","status":204}',
        '{"remote_addr":"10.0.0.3","request":"not a request line"}',
      ].join('\n'),
    );
    const report = await scanLogs([file], {
      matcher: await matcher(),
      format: 'auto',
      today: TODAY,
    });
    expect(
      report.operations.map((operation) => [
        operation.operationId,
        operation.requests,
        operation.clients.map(
          (client) => `${client.source}:${client.id}:${client.firstSeen}:${client.lastSeen}`,
        ),
      ]),
    ).toEqual([
      ['getUserV1', 1, ['user-agent:app/3:2026-12-04T10:00:00.000Z:2026-12-04T10:00:00.000Z']],
      ['deleteUser', 1, ['ip:10.0.0.2:2026-12-04T10:00:05.000Z:2026-12-04T10:00:05.000Z']],
    ]);
    expect(report.malformed).toEqual({
      lines: 1,
      examples: ['{"remote_addr":"10.0.0.3","request":"not a request line"}'],
    });
  });

  test('reads ALB and API Gateway lines', async () => {
    const alb = write(
      'alb.log',
      'https 2026-12-02T10:00:00.123456Z app/lb/50dc6c495c0c9188 192.168.131.39:2817 10.0.0.1:80 0.000 0.001 0.000 200 200 34 366 "GET https://api.example.com:443/v1/users/5?x=1 HTTP/1.1" "acme-sdk/3.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 "Root=1-58337262-36d228ad5d99923122bbe354"\n',
    );
    const gateway = write(
      'apigw.jsonl',
      `${JSON.stringify({ requestId: 'r1', ip: '198.51.100.1', requestTime: '02/Dec/2026:10:00:00 +0000', httpMethod: 'GET', resourcePath: '/v2/users/{id}', status: '200', identity: { apiKeyId: 'k-9' } })}\n${JSON.stringify({ routeKey: 'DELETE /v2/users/{id}', requestTimeEpoch: 1764669600000, ip: '198.51.100.2' })}\n`,
    );
    const report = await scanLogs([alb, gateway], {
      matcher: await matcher(),
      format: 'auto',
      today: TODAY,
    });
    expect(
      report.operations.map((operation) => [
        operation.operationId,
        operation.clients.map((client) => `${client.source}:${client.id}:${client.lastSeen}`),
      ]),
    ).toEqual([
      ['getUserV1', ['user-agent:acme-sdk/3.0:2026-12-02T10:00:00.123Z']],
      ['getUser', ['api-key:k-9:2026-12-02T10:00:00.000Z']],
      ['deleteUser', ['ip:198.51.100.2:2025-12-02T10:00:00.000Z']],
    ]);
  });

  test('reads pre-aggregated CSV rows', async () => {
    const file = write(
      'rows.csv',
      'method,path,client,count,last_seen,first_seen\nGET,/v1/users/{id},"partner, inc",1200,2026-12-01,2026-10-01\nget,/v1/users/7,partner-b,5,2026-11-30,\nGET,/v1/users/7,broken,many,2026-11-30,\n',
    );
    const report = await scanLogs([file], {
      matcher: await matcher(),
      format: 'auto',
      today: TODAY,
    });
    expect(report.operations[0]?.requests).toBe(1205);
    expect(report.operations[0]?.clients).toEqual([
      {
        id: 'partner, inc',
        source: 'api-key',
        requests: 1200,
        firstSeen: '2026-10-01T00:00:00.000Z',
        lastSeen: '2026-12-01T00:00:00.000Z',
      },
      {
        id: 'partner-b',
        source: 'api-key',
        requests: 5,
        firstSeen: '2026-11-30T00:00:00.000Z',
        lastSeen: '2026-11-30T00:00:00.000Z',
      },
    ]);
    expect(report.malformed.lines).toBe(1);
  });

  test('renders CSV, Markdown and OpenMetrics', async () => {
    const file = write(
      'one.log',
      `${combined('10.0.0.1', '-', '01/Dec/2026:09:00:00 +0000', 'GET /v1/users/1 HTTP/1.1', 'acme-sdk/2.3.0')}\n`,
    );
    const report = await scanLogs([file], {
      matcher: await matcher(),
      format: 'combined',
      today: TODAY,
    });
    expect(renderTrafficCsv(report)).toBe(
      'api,api_version,method,path,operation_id,deprecated,sunset,days_to_sunset,client,client_source,requests,first_seen,last_seen\n' +
        'users,v1,GET,/v1/users/{id},getUserV1,true,2027-01-03,30,acme-sdk/2.3.0,user-agent,1,2026-12-01T09:00:00.000Z,2026-12-01T09:00:00.000Z\n',
    );
    expect(renderTrafficOpenMetrics(report)).toContain(
      'specgate_operation_requests_total{api="users",api_version="v1",method="GET",path="/v1/users/{id}",operation_id="getUserV1",deprecated="true"} 1\n',
    );
    expect(renderTrafficOpenMetrics(report).endsWith('# EOF\n')).toBe(true);
    expect(renderTrafficMarkdown(report)).toContain(
      '| GET /v1/users/{id} | yes | 2027-01-03 | 30 | 1 | 1 | acme-sdk/2.3.0 (1) |',
    );
  });

  test('keeps UTF-8 identities equal across formats', async () => {
    const log = write(
      'utf8.log',
      `${combined('10.0.0.1', 'clé-1', '01/Dec/2026:09:00:00 +0000', 'GET /v2/users/1 HTTP/1.1', '-')}\n` +
        `${combined('10.0.0.2', '-', '01/Dec/2026:09:00:01 +0000', 'GET /v2/users/1 HTTP/1.1', 'café-app/1.0')}\n`,
    );
    const json = write(
      'utf8.jsonl',
      `${JSON.stringify({ method: 'GET', path: '/v2/users/2', api_key: 'clé-1', time: '2026-12-02T00:00:00Z' })}\n`,
    );
    const report = await scanLogs([log, json], {
      matcher: await matcher(),
      format: 'auto',
      today: TODAY,
    });
    expect(report.operations[0]?.clients.map((client) => [client.id, client.requests])).toEqual([
      ['clé-1', 2],
      ['café-app/1.0', 1],
    ]);
  });

  test('byte path matches string parser', async () => {
    const time = '04/Dec/2026:10:00:00 +0000';
    const lines = [
      combined('10.0.0.1', '-', time, 'GET /v1/users/1 HTTP/1.1', 'acme-sdk/1.0 (linux)'),
      combined('10.0.0.2', 'key-1', time, 'GET /v1/users/2?a=1 HTTP/1.1', '-'),
      combined('10.0.0.3', '-', time, 'GET /v1/users/3?q=\\"x\\" HTTP/1.1', 'acme-sdk/1.0'),
      combined('10.0.0.4', '-', time, 'GET https://h:443/v2/users/7?x=1 HTTP/1.1', 'b/2'),
      combined('10.0.0.5', '-', time, 'GET /v1/users/5#frag HTTP/1.1', 'c/3'),
      combined('10.0.0.5', '-', time, 'GET /v1/users/5?a#b HTTP/1.1', 'c/3'),
      combined('10.0.0.5', '-', time, 'GET /v1/users/5#a?b HTTP/1.1', 'c/3'),
      `10.0.0.6 - [${time}] "GET /v1/users/6 HTTP/1.1" 200 1 "-" "d/4"`,
      combined('10.0.0.7', '-', time, 'GET /v1/users/7 HTTP/1.1', 'acme\\"x/1.0 y'),
      `10.0.0.7 - - [${time}] "GET /v1/users/7 HTTP/1.1" 200 1 "a\\"b" "e/5"`,
      combined('10.0.0.8', '-', time, 'GET /v1/users/8 HTTP/1.1', 'noslash'),
      combined('10.0.0.8', '-', time, 'GET /v1/users/8 HTTP/1.1', 'ends/'),
      combined('10.0.0.8', '-', time, 'GET /v1/users/8 HTTP/1.1', '/starts'),
      combined('10.0.0.8', '-', time, 'GET /v1/users/8 HTTP/1.1', ''),
      combined('10.0.0.9', '-', time, 'HEAD /v2/users/9 HTTP/1.1', 'f/6'),
      combined('10.0.0.9', '-', time, 'POST /v2/users/9 HTTP/1.1', 'f/6'),
      combined('10.0.0.9', '-', time, 'GET /v1/users/9', 'f/6'),
      combined('10.0.0.9', '-', time, 'GET', 'f/6'),
      combined('10.0.0.9', '-', '04/Dec/2026:10:00:01 +0000', 'GET /v1/users/9 HTTP/1.1', 'f/6'),
      combined('10.0.0.9', '-', 'bad', 'GET /v1/users/9 HTTP/1.1', 'f/6'),
      combined('10.0.0.9', '-', 'bad date', 'GET /v1/users/9 HTTP/1.1', 'f/6'),
      combined('10.0.0.9', '-', '04/Dec/2026:10:00:00 +0000', 'GET /v1/users/9 HTTP/1.1', 'f/6'),
      combined('10.0.0.10', 'clé-1', time, 'GET /v1/users/10 HTTP/1.1', 'café/1'),
      `10.0.0.11 - - [${time}] "GET /v1/users/11 HTTP/1.1"200 1 "-" "g/7"`,
      `10.0.0.11 - - [${time}] "GET /v1/users/11 HTTP/1.1" 200 1 "-" "g/7`,
      `10.0.0.11 - - [${time}] "GET /v1/users/11 HTTP/1.1" 200 1 "-"`,
      ` 10.0.0.12 - - [${time}] "GET /v1/users/12 HTTP/1.1" 200 1 "-" "h/8"`,
      'no request here',
    ];

    // Enough lines that some cross the boundary between two chunks of the stream.
    const text = Array.from({ length: 400 }, () => lines.join('\r\n')).join('\n') + '\n';
    const expected = new TrafficAggregate(await matcher());
    const parse = combinedParser();
    const record = emptyRecord();
    for (const line of text.split('\n')) {
      const bare = Buffer.from(line.replace(/\r$/, ''), 'utf8').toString('latin1');
      if (bare === '') continue;
      if (parse(bare, record)) expected.add(record);
      else expected.addMalformed(bare);
    }

    for (const [name, bytes] of [
      ['edge.log', Buffer.from(text, 'utf8')],
      ['edge.log.gz', gzipSync(text)],
    ] as const) {
      const report = await scanLogs([write(name, bytes)], {
        matcher: await matcher(),
        format: 'combined',
        today: TODAY,
      });
      expect(report).toEqual(expected.report(TODAY));
    }

    const { malformed, unmatched, operations } = expected.report(TODAY);
    expect(malformed.lines).toBe(400 * 6);
    expect(malformed.examples).toContain(
      '10.0.0.9 - - [bad date] "GET /v1/users/9 HTTP/1.1" 200 512 "-" "f/6"',
    );
    expect(unmatched.requests).toBe(400);
    expect(unmatched.examples).toEqual(['POST /v2/users/9']);
    expect(operations.map((operation) => [operation.operationId, operation.requests])).toEqual([
      ['getUserV1', 7600],
      ['getUser', 800],
    ]);
    expect(operations[0]?.clients.map((client) => client.id)).toEqual([
      '10.0.0.8',
      'c/3',
      'f/6',
      '10.0.0.11',
      'acme-sdk/1.0',
      '',
      'acme\\"x/1.0',
      'clé-1',
      'e/5',
      'key-1',
    ]);
  });

  test('long combined log across chunks', async () => {
    const line = (index: number) =>
      combined(
        `10.0.${index % 7}.1`,
        '-',
        `04/Dec/2026:10:${String(index % 60).padStart(2, '0')}:00 +0000`,
        `GET /v1/users/${index}?page=${index} HTTP/1.1`,
        `sdk-${index % 3}/1.0`,
      );
    const text = Array.from({ length: 20_000 }, (_, index) => line(index)).join('\n');
    const report = await scanLogs([write('long.log', text)], {
      matcher: await matcher(),
      format: 'combined',
      today: TODAY,
    });
    expect(report.operations[0]?.requests).toBe(20_000);
    expect(report.operations[0]?.clients.map((client) => [client.id, client.requests])).toEqual([
      ['sdk-0/1.0', 6667],
      ['sdk-1/1.0', 6667],
      ['sdk-2/1.0', 6666],
    ]);
    expect(report.malformed.lines).toBe(0);
  });

  test('a line longer than the read buffer, and CRLF line ends', async () => {
    const request = (index: number) =>
      combined(
        '10.0.0.1',
        'key-1',
        '04/Dec/2026:10:00:00 +0000',
        `GET /v1/users/${index} HTTP/1.1`,
        'sdk/1.0',
      );
    const long = `${'x'.repeat(1_500_000)} not a log line`;
    const text = [request(1), long, request(2), ''].join('\r\n');
    const report = await scanLogs([write('long-line.log', text)], {
      matcher: await matcher(),
      format: 'combined',
      today: TODAY,
    });
    expect(report.operations[0]?.requests).toBe(2);
    expect(report.operations[0]?.clients.map((client) => client.id)).toEqual(['key-1']);
    expect(report.malformed.lines).toBe(1);
    expect(report.malformed.examples[0]).toBe(`${'x'.repeat(200)}...`);
  });

  test('forced format rejects other formats', async () => {
    const combinedLine = combined(
      '10.0.0.1',
      '-',
      '01/Dec/2026:09:00:00 +0000',
      'GET /v1/users/1 HTTP/1.1',
      'acme-sdk/2.3.0',
    );
    const albLine =
      'https 2026-12-02T10:00:00.123456Z app/lb/1 192.168.131.39:2817 10.0.0.1:80 0.000 0.001 0.000 200 200 34 366 "GET https://api.example.com:443/v1/users/5 HTTP/1.1" "acme-sdk/3.0"';
    const file = write('mixed.log', `${albLine}\n${combinedLine}\n`);
    const report = await scanLogs([file], {
      matcher: await matcher(),
      format: 'alb',
      today: TODAY,
    });
    expect(report.operations.map((operation) => operation.requests)).toEqual([1]);
    expect(report.malformed).toEqual({ lines: 1, examples: [combinedLine] });
  });
});
