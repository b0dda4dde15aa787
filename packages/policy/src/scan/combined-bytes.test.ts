import { describe, expect, test } from 'vitest';

import { specFromText } from '../../../../test/support/in-memory-spec.js';
import { DEFAULT_EXTENSIONS } from '../lifecycle.js';
import { CombinedByteScanner } from './combined-bytes.js';
import { OperationMatcher } from './operation-matcher.js';
import { TrafficAggregate } from './traffic-aggregate.js';

const SPEC = `openapi: 3.0.3
info: { title: Users, version: 1.0.0 }
paths:
  /users/{id}:
    get: { operationId: getUser, responses: { '200': { description: ok } } }
`;

const LINE = '10.0.0.1 - - [04/Dec/2026:10:00:00 +0000] "GET /users/7 HTTP/1.1" 200 5 "-" "curl/8';

async function scanOne(bytes: Buffer, end: number) {
  const document = await specFromText({ 'openapi.yaml': SPEC }, 'users');
  const matcher = new OperationMatcher([{ api: 'users', document }], DEFAULT_EXTENSIONS);
  const aggregate = new TrafficAggregate(matcher);
  const counted = new CombinedByteScanner(matcher, aggregate).scan(bytes, 0, end);
  return { counted, report: aggregate.report('2026-12-04') };
}

describe('CombinedByteScanner', () => {
  test('unclosed User-Agent falls back to the IP', async () => {
    const { counted, report } = await scanOne(Buffer.from(LINE, 'latin1'), LINE.length);

    expect(counted).toBe(true);
    expect(report.operations[0]?.clients).toEqual([
      {
        id: '10.0.0.1',
        source: 'ip',
        requests: 1,
        firstSeen: '2026-12-04T10:00:00.000Z',
        lastSeen: '2026-12-04T10:00:00.000Z',
      },
    ]);
  });

  test('ignores a quote after the line end', async () => {
    // A reused read buffer can hold a quote from an earlier read right after the last line.
    const { counted, report } = await scanOne(Buffer.from(`${LINE}"`, 'latin1'), LINE.length);

    expect(counted).toBe(true);
    expect(report.operations[0]?.clients.map((client) => [client.id, client.source])).toEqual([
      ['10.0.0.1', 'ip'],
    ]);
  });
});
