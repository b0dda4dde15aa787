import { describe, expect, test } from 'vitest';

import { derivedOperationName, pythonName } from './names.js';

describe('pythonName', () => {
  test.each([
    ['getOrderByID', 'get_order_by_id'],
    ['listOrdersV1', 'list_orders_v1'],
    ['order-id', 'order_id'],
    ['from', 'from_'],
    ['class', 'class_'],
    ['id', 'id_'],
    ['list', 'list_'],
    ['body', 'body_'],
    ['2fa', 'name_2fa'],
    ['Pet Store', 'pet_store'],
    ['ÄÖ', 'name'],
  ])('%s → %s', (raw, expected) => {
    expect(pythonName(raw)).toBe(expected);
  });
});

test('derived operation names use method and path', () => {
  expect(derivedOperationName('get', '/pets/{petId}/toys')).toBe('get_pets_by_pet_id_toys');
});
