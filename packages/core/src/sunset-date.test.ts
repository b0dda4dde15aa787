import { describe, expect, it } from 'vitest';

import { isSunsetDate, parseSunsetDate } from './sunset-date.js';

describe('isSunsetDate', () => {
  it.each([
    '2026-06-30',
    '2024-02-29',
    '2000-02-29',
    '2026-06-30T00:00:00Z',
    '2026-06-30t23:59:60.5+14:00',
    '2026-12-31T08:30:00-05:30',
    'Tue, 30 Jun 2026 00:00:00 GMT',
    'Sun, 06 Nov 1994 08:49:37 GMT',
  ])('accepts %j', (value) => {
    expect(isSunsetDate(value)).toBe(true);
  });

  it.each([
    ['2025-02-29', 'not a leap year'],
    ['1900-02-29', 'century that is not a leap year'],
    ['2025-02-30', 'no such day'],
    ['2025-13-01', 'no such month'],
    ['2025-04-31', 'April has 30 days'],
    ['2025-6-30', 'month needs two digits'],
    ['2026-06-30T24:00:00Z', 'hour 24'],
    ['2026-06-30T12:00:00', 'no time zone offset'],
    ['2026-06-30 12:00:00Z', 'space instead of T'],
    ['Mon, 30 Jun 2026 00:00:00 GMT', 'wrong weekday'],
    ['Tue, 30 Jun 2026 00:00:00 UTC', 'not GMT'],
    ['Sunday, 06-Nov-94 08:49:37 GMT', 'obsolete RFC 850 form'],
    ['next quarter', 'free text'],
  ])('rejects %j (%s)', (value) => {
    expect(isSunsetDate(value)).toBe(false);
  });
});

describe('parseSunsetDate', () => {
  it.each([
    ['2026-06-30', '2026-06-30'],
    ['2026-06-30T00:00:00Z', '2026-06-30'],
    ['2026-06-30T23:30:00-05:00', '2026-07-01'],
    ['2026-07-01T01:00:00+02:00', '2026-06-30'],
    ['2026-06-30t23:59:60.5+14:00', '2026-06-30'],
    ['Sat, 01 Nov 2025 00:00:00 GMT', '2025-11-01'],
    ['Sun, 06 Nov 1994 08:49:37 GMT', '1994-11-06'],
    ['0099-01-01', '0099-01-01'],
  ])('reads %j as %s', (value, day) => {
    expect(parseSunsetDate(value)).toBe(day);
  });

  it.each(['2025-02-30', 'Fri, 01 Nov 2025 00:00:00 GMT', '2026-06-30 12:00:00Z', 'soon'])(
    'rejects %j',
    (value) => {
      expect(parseSunsetDate(value)).toBeUndefined();
    },
  );
});
