import { describe, expect, test } from 'vitest';

import { PairTable } from './pair-table.js';

describe('PairTable', () => {
  test('sums requests and widens times', () => {
    const pairs = new PairTable();
    expect(pairs.add(3, 7, 2, 1, 2000, 2000)).toBe(true);
    expect(pairs.add(3, 7, 0, 4, 1000, 1500)).toBe(false);
    expect(pairs.add(3, 7, 0, 1, 3000, 3000)).toBe(false);

    expect(pairs.size).toBe(1);
    expect(pairs.operation(0)).toBe(3);
    expect(pairs.client(0)).toBe(7);
    expect(pairs.source(0)).toBe(2);
    expect(pairs.requests(0)).toBe(6);
    expect(pairs.firstTime(0)).toBe(1000);
    expect(pairs.lastTime(0)).toBe(3000);
  });

  test('replaces unknown times', () => {
    const pairs = new PairTable();
    pairs.add(0, 0, 0, 1, Number.NaN, Number.NaN);
    pairs.add(0, 0, 0, 1, 5000, 6000);

    expect(pairs.firstTime(0)).toBe(5000);
    expect(pairs.lastTime(0)).toBe(6000);
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
      expect(pairs.operation(pair)).toBe(pair % 1223);
      expect(pairs.client(pair)).toBe(2 ** 32 - 1 - pair);
      expect(pairs.source(pair)).toBe(pair % 5);
      expect(pairs.requests(pair)).toBe(3);
      expect(pairs.firstTime(pair)).toBe(pair);
      expect(pairs.lastTime(pair)).toBe(pair + 1);
    }
  });
});
