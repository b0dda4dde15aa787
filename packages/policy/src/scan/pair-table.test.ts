import { describe, expect, test } from 'vitest';

import { PairTable, type PairNumbers } from './pair-table.js';

function numbersOf(pairs: PairTable, pair: number): PairNumbers {
  const out = { operation: 0, client: 0, source: 0, requests: 0, firstTime: 0, lastTime: 0 };
  pairs.read(pair, out);
  return out;
}

describe('PairTable', () => {
  test('sums requests and widens times', () => {
    const pairs = new PairTable();
    expect(pairs.add(3, 7, 2, 1, 2000, 2000)).toBe(true);
    expect(pairs.add(3, 7, 0, 4, 1000, 1500)).toBe(false);
    expect(pairs.add(3, 7, 0, 1, 3000, 3000)).toBe(false);

    expect(pairs.size).toBe(1);
    expect(numbersOf(pairs, 0)).toEqual({
      operation: 3,
      client: 7,
      source: 2,
      requests: 6,
      firstTime: 1000,
      lastTime: 3000,
    });
  });

  test('replaces unknown times', () => {
    const pairs = new PairTable();
    pairs.add(0, 0, 0, 1, Number.NaN, Number.NaN);
    pairs.add(0, 0, 0, 1, 5000, 6000);

    expect(numbersOf(pairs, 0).firstTime).toBe(5000);
    expect(numbersOf(pairs, 0).lastTime).toBe(6000);
  });

  test('keeps first-seen order when growing', () => {
    const pairs = new PairTable();
    const count = 20_000;
    for (let pair = 0; pair < count; pair += 1) {
      pairs.add(pair % 1223, 2 ** 32 - 1 - pair, pair % 5, 1, pair, pair);
    }
    for (let pair = 0; pair < count; pair += 1) {
      pairs.add(pair % 1223, 2 ** 32 - 1 - pair, 0, 2, pair + 1, pair + 1);
    }

    expect(pairs.size).toBe(count);
    for (const pair of [0, 2047, 2048, 19_999]) {
      expect(numbersOf(pairs, pair)).toEqual({
        operation: pair % 1223,
        client: 2 ** 32 - 1 - pair,
        source: pair % 5,
        requests: 3,
        firstTime: pair,
        lastTime: pair + 1,
      });
    }
  });
});
