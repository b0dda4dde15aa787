import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';
import { consumerPact, Matchers, pactDirOf, pactFileName } from '@specgate/contracts/consumer';

import { OrdersClient } from './orders-client.js';

const { datetime, eachLike, integer, regex, string, uuid } = Matchers;

const root = fileURLToPath(new URL('../..', import.meta.url));
const committedDir = pactDirOf(root);
// Other test files read the committed pact while this one runs, and Pact rewrites its
// file in place, so the pact goes to a fresh folder unless SPECGATE_WRITE_PACTS=1 asks
// to regenerate the committed one. The last test fails when the two differ.
const pactDir =
  process.env['SPECGATE_WRITE_PACTS'] === '1'
    ? committedDir
    : mkdtempSync(path.join(tmpdir(), 'specgate-pacts-'));
const ORDER_ID = '3f6c1e9a-2b7d-4c11-9a0e-5d2f8b7c6a41';
const CUSTOMER_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const AUTH = regex(/^Bearer .+$/, 'Bearer test-token');

const orderBody = {
  id: uuid(ORDER_ID),
  customerId: uuid(CUSTOMER_ID),
  status: regex(/^(pending|paid|shipped|cancelled)$/, 'paid'),
  lines: eachLike({ sku: string('SKU-1'), quantity: integer(2) }),
  total: { amount: regex(/^-?\d+(\.\d{1,2})?$/, '39.98'), currency: string('EUR') },
  createdAt: datetime("yyyy-MM-dd'T'HH:mm:ssXXX", '2026-11-30T10:00:00+00:00'),
};

describe('the web-shop consumer of the orders API', () => {
  const pact = consumerPact({ consumer: 'web-shop', provider: 'orders', pactDir });

  it('reads one order', async () => {
    await pact
      .addInteraction()
      .given('an order exists', { orderId: ORDER_ID })
      .uponReceiving('a request for one order')
      .withRequest('GET', `/v2/orders/${ORDER_ID}`, (request) =>
        request.headers({ authorization: AUTH }),
      )
      .willRespondWith(200, (response) => response.jsonBody(orderBody))
      .executeTest(async (server) => {
        const order = await new OrdersClient(server.url, 'test-token').getOrder(ORDER_ID);
        expect(order?.id).toBe(ORDER_ID);
        expect(order?.total).toEqual({ amount: '39.98', currency: 'EUR' });
      });
  });

  it('gets nothing for an unknown order', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    await pact
      .addInteraction()
      .given('no order exists')
      .uponReceiving('a request for an order that does not exist')
      .withRequest('GET', `/v2/orders/${unknown}`, (request) =>
        request.headers({ authorization: AUTH }),
      )
      .willRespondWith(404)
      .executeTest(async (server) => {
        expect(await new OrdersClient(server.url, 'test-token').getOrder(unknown)).toBeNull();
      });
  });

  it('lists paid orders', async () => {
    await pact
      .addInteraction()
      .given('an order exists', { orderId: ORDER_ID })
      .uponReceiving('a request for paid orders')
      .withRequest('GET', '/v2/orders', (request) =>
        request.query({ status: 'paid', limit: '10' }).headers({ authorization: AUTH }),
      )
      .willRespondWith(200, (response) => response.jsonBody({ items: eachLike(orderBody) }))
      .executeTest(async (server) => {
        const orders = await new OrdersClient(server.url, 'test-token').listOrders('paid', 10);
        expect(orders.map((order) => order.status)).toEqual(['paid']);
      });
  });

  it('places an order', async () => {
    await pact
      .addInteraction()
      .given('a customer exists', { customerId: CUSTOMER_ID })
      .uponReceiving('a request to place an order')
      .withRequest('POST', '/v2/orders', (request) =>
        request.headers({ authorization: AUTH }).jsonBody({
          customerId: uuid(CUSTOMER_ID),
          lines: eachLike({ sku: string('SKU-1'), quantity: integer(2) }),
        }),
      )
      .willRespondWith(201, (response) =>
        response.jsonBody({
          ...orderBody,
          status: regex(/^(pending|paid|shipped|cancelled)$/, 'pending'),
        }),
      )
      .executeTest(async (server) => {
        const order = await new OrdersClient(server.url, 'test-token').placeOrder(CUSTOMER_ID, [
          { sku: 'SKU-1', quantity: 2 },
        ]);
        expect(order.status).toBe('pending');
      });
  });

  it('wrote the committed pact', () => {
    const pactFile = path.join(pactDir, pactFileName('web-shop', 'orders'));
    const text = readFileSync(pactFile, 'utf8');
    const written = JSON.parse(text) as {
      consumer: { name: string };
      provider: { name: string };
      interactions: { description: string }[];
      metadata: { pactSpecification: { version: string } };
    };
    expect(written.consumer.name).toBe('web-shop');
    expect(written.provider.name).toBe('orders');
    expect(written.metadata.pactSpecification.version).toBe('4.0');
    expect(written.interactions.map((interaction) => interaction.description).sort()).toEqual([
      'a request for an order that does not exist',
      'a request for one order',
      'a request for paid orders',
      'a request to place an order',
    ]);
    // Stale when it fails: run this test with SPECGATE_WRITE_PACTS=1 and commit the file.
    expect(text).toBe(
      readFileSync(path.join(committedDir, pactFileName('web-shop', 'orders')), 'utf8'),
    );
  });
});
