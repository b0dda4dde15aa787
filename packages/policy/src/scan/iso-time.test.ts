import { describe, expect, test } from 'vitest';

import { IsoTimeFormatter } from './iso-time.js';

describe('IsoTimeFormatter', () => {
  test.each([
    [0],
    [-0],
    [1.5],
    [-1.5],
    [-1],
    [59_999],
    [Date.UTC(2026, 10, 1, 13, 5, 9, 42)],
    [Date.UTC(2026, 10, 1, 13, 5, 9, 42) + 0.999],
    [-62_198_755_200_000],
    [253_402_300_800_000],
    [8.64e15],
    [-8.64e15],
  ])('formats %d as toISOString does', (time) => {
    expect(new IsoTimeFormatter().format(time)).toBe(new Date(time).toISOString());
  });

  test('reuses a minute for later times', () => {
    const formatter = new IsoTimeFormatter();
    const minute = Date.UTC(2026, 10, 1, 13, 5);
    expect(formatter.format(minute)).toBe('2026-11-01T13:05:00.000Z');
    expect(formatter.format(minute + 59_999)).toBe('2026-11-01T13:05:59.999Z');
    expect(formatter.format(minute + 60_000)).toBe('2026-11-01T13:06:00.000Z');
  });

  test('returns null for NaN', () => {
    expect(new IsoTimeFormatter().format(Number.NaN)).toBeNull();
  });

  test.each([[8.64e15 + 1], [Number.POSITIVE_INFINITY]])('rejects %d like Date', (time) => {
    expect(() => new IsoTimeFormatter().format(time)).toThrow(RangeError);
  });
});
