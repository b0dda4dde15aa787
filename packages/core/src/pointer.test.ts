import { describe, expect, it } from 'vitest';

import {
  childPointer,
  escapeSegment,
  getAtPointer,
  parsePointer,
  toPointer,
  unescapeSegment,
} from './pointer.js';

describe('pointer segments', () => {
  it('escapes ~ before / as RFC 6901 requires', () => {
    expect(escapeSegment('/pets/{id}')).toBe('~1pets~1{id}');
    expect(escapeSegment('a~1b')).toBe('a~01b');
    expect(escapeSegment(3)).toBe('3');
  });

  it('unescapes ~1 before ~0', () => {
    expect(unescapeSegment('~1pets~1{id}')).toBe('/pets/{id}');
    expect(unescapeSegment('a~01b')).toBe('a~1b');
  });
});

describe('toPointer and parsePointer', () => {
  it('build and split pointers', () => {
    expect(toPointer(['paths', '/pets', 'get', 'parameters', 0])).toBe(
      '/paths/~1pets/get/parameters/0',
    );
    expect(toPointer([])).toBe('');
    expect(parsePointer('/paths/~1pets/get/parameters/0')).toEqual([
      'paths',
      '/pets',
      'get',
      'parameters',
      '0',
    ]);
  });

  it('read the root and the empty key', () => {
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('#')).toEqual([]);
    expect(parsePointer('/')).toEqual(['']);
    expect(parsePointer('#/')).toEqual(['']);
    expect(parsePointer('/a//b')).toEqual(['a', '', 'b']);
  });

  it('decode the URI fragment form', () => {
    expect(parsePointer('#/components/schemas/Pet%20Type')).toEqual([
      'components',
      'schemas',
      'Pet Type',
    ]);
    expect(parsePointer('#/paths/~1pets~1%7Bid%7D')).toEqual(['paths', '/pets/{id}']);
  });

  it('keep a percent sign that starts no escape', () => {
    expect(parsePointer('/x-rate/100%')).toEqual(['x-rate', '100%']);
  });

  it('round-trip keys with slashes and tildes', () => {
    const segments = ['paths', '/a~b/{c}', 'get'];
    expect(parsePointer(toPointer(segments))).toEqual(segments);
  });

  it('append child segments', () => {
    expect(childPointer('/paths', '/pets', 'get')).toBe('/paths/~1pets/get');
    expect(childPointer('', 0)).toBe('/0');
  });
});

describe('getAtPointer', () => {
  const data = { paths: { '/pets': { get: { tags: ['a', 'b'] } } }, empty: { '': 1 }, zero: 0 };

  it('reads nested values, array items and falsy values', () => {
    expect(getAtPointer(data, '/paths/~1pets/get/tags/1')).toBe('b');
    expect(getAtPointer(data, '#/paths/~1pets/get')).toEqual({ tags: ['a', 'b'] });
    expect(getAtPointer(data, '/empty/')).toBe(1);
    expect(getAtPointer(data, '/zero')).toBe(0);
    expect(getAtPointer(data, '')).toBe(data);
  });

  it('returns undefined for a missing segment or a scalar on the way', () => {
    expect(getAtPointer(data, '/paths/~1orders')).toBeUndefined();
    expect(getAtPointer(data, '/zero/deeper')).toBeUndefined();
    expect(getAtPointer(data, '/paths/~1pets/get/tags/5')).toBeUndefined();
    expect(getAtPointer(null, '/a')).toBeUndefined();
  });
});
