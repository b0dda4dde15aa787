import { describe, expect, it } from 'vitest';
import { specLocation } from '@specgate/cli';
import type { PactSpecProblem } from '@specgate/contracts';

import { specFromText } from '../support/in-memory-spec.js';

const SPEC = `openapi: 3.0.3
info:
  title: Orders
  version: 1.0.0
servers:
  - url: https://api.example.org/shop
paths:
  /v2/orders/mine:
    get:
      responses:
        '200':
          description: Mine.
  /v2/orders/{orderId}:
    get:
      responses:
        '200':
          description: One order.
    delete:
      responses:
        '204':
          description: Cancelled.
`;

function problem(
  specLocationText: string | null,
  request: PactSpecProblem['request'],
): PactSpecProblem {
  return {
    consumer: 'web-shop',
    provider: 'orders',
    pactFile: 'contracts/pacts/web-shop-orders.json',
    interaction: 'a request',
    state: null,
    code: 'response.status.unknown',
    level: 'error',
    message: 'Response status code not defined in spec file: 418',
    field: '[root].interactions[0].response.status',
    specLocation: specLocationText,
    request,
  };
}

describe('specLocation of a pact problem', () => {
  it('uses the comparator location when it names an operation', async () => {
    const document = await specFromText({ 'openapi.yaml': SPEC });
    const found = problem('[root].paths./v2/orders/{orderId}.delete.responses', null);
    expect(specLocation(found, document)).toMatchObject({
      pointer: '/paths/~1v2~1orders~1{orderId}/delete',
      line: 18,
    });
  });

  it('matches the request against path templates', async () => {
    const document = await specFromText({ 'openapi.yaml': SPEC });
    const found = problem('[root].paths', { method: 'delete', path: '/v2/orders/17?x=1' });
    expect(specLocation(found, document)).toMatchObject({
      pointer: '/paths/~1v2~1orders~1{orderId}/delete',
      line: 18,
    });
  });

  it('prefers a literal path and strips the server prefix', async () => {
    const document = await specFromText({ 'openapi.yaml': SPEC });
    const found = problem(null, { method: 'GET', path: '/shop/v2/orders/mine' });
    expect(specLocation(found, document)).toMatchObject({
      pointer: '/paths/~1v2~1orders~1mine/get',
      line: 9,
    });
  });

  it('falls back to the root when no operation matches', async () => {
    const document = await specFromText({ 'openapi.yaml': SPEC });
    const found = problem(null, { method: 'post', path: '/v2/orders/17' });
    expect(specLocation(found, document)).toMatchObject({ pointer: '', line: 1, column: 1 });
  });
});
