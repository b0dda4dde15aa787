import { describe, expect, it } from 'vitest';

import { compareText } from './compare-text.js';

const english = (a: string, b: string): number => Math.sign(a.localeCompare(b, 'en'));

const PRINTABLE = Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index));

/** A deterministic pseudo-random generator (mulberry32), so failures repeat. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

describe('compareText', () => {
  it('orders ASCII character pairs like English', () => {
    const mismatches: string[] = [];
    for (const a of PRINTABLE) {
      for (const b of PRINTABLE) {
        if (compareText(a, b) !== english(a, b)) mismatches.push(`${a} ${b}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('orders random ASCII strings like English', () => {
    const next = random(7);
    const alphabet = ['a', 'b', 'A', 'B', 'z', '0', '9', '/', '{', '}', '_', '-', '.', ' ', '~'];
    const text = (): string =>
      Array.from(
        { length: Math.floor(next() * 6) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join('');
    const mismatches: string[] = [];
    for (let round = 0; round < 20_000; round += 1) {
      const a = text();
      const b = text();
      if (compareText(a, b) !== english(a, b)) mismatches.push(JSON.stringify([a, b]));
    }
    expect(mismatches).toEqual([]);
  });

  it('orders paths and ids', () => {
    expect(compareText('/pets', '/pets/{petId}')).toBe(-1);
    expect(compareText('/pets/{petId}', '/pets/mine')).toBe(-1);
    expect(compareText('/Users', '/accounts')).toBe(1);
    expect(compareText('get', 'get')).toBe(0);
    expect(compareText('abc', 'Abc')).toBe(-1);
    expect(compareText('Abc', 'abd')).toBe(-1);
    expect(compareText('endpoint-removed', 'endpoint_removed')).toBe(1);
  });

  it('passes non-ASCII text to localeCompare', () => {
    expect(compareText('café', 'cafe')).toBe(english('café', 'cafe'));
    expect(compareText('résumé', 'resume-x')).toBe(english('résumé', 'resume-x'));
    expect(compareText('a\tb', 'a b')).toBe(english('a\tb', 'a b'));
  });
});
