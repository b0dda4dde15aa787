import { describe, expect, it } from 'vitest';

import { isCamelCase, isKebabCase, toCamelCase, toKebabCase } from './casing.js';

describe('casing', () => {
  it.each([
    ['listPets', true],
    ['getHTTPStatus', true],
    ['v2', true],
    ['ListPets', false],
    ['list_pets', false],
    ['list-pets', false],
    ['2fa', false],
    ['', false],
  ])('isCamelCase(%j) is %s', (name, expected) => {
    expect(isCamelCase(name)).toBe(expected);
  });

  it.each([
    ['pet-owners', true],
    ['v1', true],
    ['pets', true],
    ['petOwners', false],
    ['pet--owners', false],
    ['-pets', false],
    ['pet_owners', false],
  ])('isKebabCase(%j) is %s', (segment, expected) => {
    expect(isKebabCase(segment)).toBe(expected);
  });

  it.each([
    ['list_pets', 'listPets'],
    ['ListPets', 'listPets'],
    ['get-user.byId', 'getUserById'],
    ['HTTPStatus', 'httpStatus'],
  ])('toCamelCase(%j) is %j', (name, expected) => {
    expect(toCamelCase(name)).toBe(expected);
  });

  it.each([
    ['petOwners', 'pet-owners'],
    ['Pet_Owners', 'pet-owners'],
    ['XMLFeeds', 'xml-feeds'],
  ])('toKebabCase(%j) is %j', (segment, expected) => {
    expect(toKebabCase(segment)).toBe(expected);
  });
});
