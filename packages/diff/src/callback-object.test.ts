import { describe, expect, test } from 'vitest';

import { diffTexts } from '../../../test/support/diff-texts.js';

/** A subscription operation whose `onEvent` callback posts an event with the given schema. */
function subscriptions(eventSchema: string, callbackStatus = "'204'"): string {
  return `openapi: 3.0.3
info: { title: Events, version: 1.0.0 }
paths:
  /v1/subscriptions:
    post:
      operationId: subscribe
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { url: { type: string } } }
      responses: { '201': { description: created } }
      callbacks:
        onEvent:
          '{$request.body#/url}':
            post:
              requestBody:
                required: true
                content:
                  application/json:
                    schema: ${eventSchema}
              responses:
                ${callbackStatus}: { description: received }
`;
}

function webhooks(eventSchema: string): string {
  return `openapi: 3.1.0
info: { title: Events, version: 1.0.0 }
webhooks:
  orderShipped:
    post:
      operationId: orderShipped
      requestBody:
        content:
          application/json:
            schema: ${eventSchema}
      responses: { '200': { description: received } }
`;
}

const diff = diffTexts;

const EVENT = '{ type: object, required: [id], properties: { id: { type: string } } }';
const CALLBACK_BODY =
  '/paths/~1v1~1subscriptions/post/callbacks/onEvent/{$request.body#~1url}/post/requestBody/content/application~1json/schema';

describe('callbacks', () => {
  test('property the API stops sending breaks the receiver', async () => {
    const changes = await diff(
      subscriptions(EVENT),
      subscriptions('{ type: object, properties: { name: { type: string } } }'),
    );
    expect(changes).toEqual([
      {
        id: 'callback-request-required-property-removed',
        level: 'error',
        operation: 'POST /v1/subscriptions',
        pointer: `${CALLBACK_BODY}/properties/id`,
      },
      {
        id: 'callback-request-optional-property-added',
        level: 'info',
        operation: 'POST /v1/subscriptions',
        pointer: `${CALLBACK_BODY}/properties/name`,
      },
    ]);
  });

  test('nullable in what the API sends is an error', async () => {
    const changes = await diff(
      subscriptions(EVENT),
      subscriptions(
        '{ type: object, required: [id], properties: { id: { type: string, nullable: true } } }',
      ),
    );
    expect(changes).toEqual([
      {
        id: 'callback-request-property-became-nullable',
        level: 'error',
        operation: 'POST /v1/subscriptions',
        pointer: `${CALLBACK_BODY}/properties/id`,
      },
    ]);
  });

  test('status the API no longer accepts from the receiver is an error', async () => {
    const changes = await diff(subscriptions(EVENT), subscriptions(EVENT, "'200'"));
    expect(changes.map((change) => [change.id, change.level])).toEqual([
      ['callback-response-success-status-removed', 'error'],
      ['callback-response-success-status-added', 'info'],
    ]);
  });

  test('callback removed and added', async () => {
    const removed = await diff(
      subscriptions(EVENT),
      subscriptions(EVENT).replace('onEvent:', 'onChange:'),
    );
    expect(removed).toEqual([
      {
        id: 'callback-removed',
        level: 'warning',
        operation: 'POST /v1/subscriptions',
        pointer: '/paths/~1v1~1subscriptions/post/callbacks/onEvent',
      },
      {
        id: 'callback-added',
        level: 'info',
        operation: 'POST /v1/subscriptions',
        pointer: '/paths/~1v1~1subscriptions/post/callbacks/onChange',
      },
    ]);
  });
});

describe('webhooks', () => {
  test('enum value the API starts sending breaks subscribers', async () => {
    const changes = await diff(
      webhooks('{ type: string, enum: [shipped] }'),
      webhooks('{ type: string, enum: [shipped, lost] }'),
    );
    expect(changes).toEqual([
      {
        id: 'webhook-request-body-enum-value-added',
        level: 'warning',
        operation: 'POST orderShipped',
        pointer: '/webhooks/orderShipped/post/requestBody/content/application~1json/schema',
      },
    ]);
  });

  test('webhook removed', async () => {
    const changes = await diff(
      webhooks('{ type: string }'),
      webhooks('{ type: string }').replace('orderShipped:', 'orderDelivered:'),
    );
    expect(changes).toEqual([
      {
        id: 'webhook-removed',
        level: 'warning',
        operation: 'POST orderShipped',
        pointer: '/webhooks/orderShipped/post',
      },
      {
        id: 'webhook-added',
        level: 'info',
        operation: 'POST orderDelivered',
        pointer: '/webhooks/orderDelivered/post',
      },
    ]);
  });
});
