import { describe, expect, test } from 'vitest';

import { specFromText } from '../../../../test/support/in-memory-spec.js';
import { DEFAULT_EXTENSIONS } from '../lifecycle.js';
import { toByteString } from './log-record.js';
import { OperationMatcher } from './operation-matcher.js';
import { SOURCE_API_KEY, TrafficAggregate } from './traffic-aggregate.js';

const SPEC = `openapi: 3.0.3
info: { title: Users, version: 1.0.0 }
paths:
  /users:
    get: { operationId: listUsers, responses: { '200': { description: ok } } }
`;

async function aggregate(): Promise<TrafficAggregate> {
  const document = await specFromText({ 'openapi.yaml': SPEC }, 'users');
  return new TrafficAggregate(
    new OperationMatcher([{ api: 'users', document }], DEFAULT_EXTENSIONS),
  );
}

function addClient(traffic: TrafficAggregate, id: string, requests: number): void {
  const client = traffic.clientNumber(toByteString(id));
  traffic.addRequests(0, client, SOURCE_API_KEY, requests, 0, 0);
}

describe('TrafficAggregate report', () => {
  test('orders clients by requests, then id', async () => {
    const traffic = await aggregate();
    for (const [id, requests] of [
      ['b', 1],
      ['B', 1],
      ['a', 1],
      ['\u00e4', 1],
      ['z', 2],
    ] as const) {
      addClient(traffic, id, requests);
    }

    const clients = traffic.report('2026-12-04').operations[0]?.clients ?? [];
    expect(clients.map((client) => client.id)).toEqual(['z', 'a', '\u00e4', 'b', 'B']);
  });

  test('keeps first-seen order of equal ids', async () => {
    const traffic = await aggregate();
    // A precomposed and a combining `é`: localeCompare returns 0 for them.
    for (const id of ['e\u0301', '\u00e9', 'd', 'e\u0301x']) addClient(traffic, id, 1);

    const clients = traffic.report('2026-12-04').operations[0]?.clients ?? [];
    expect(clients.map((client) => client.id)).toEqual(['d', 'e\u0301', '\u00e9', 'e\u0301x']);
  });
});
