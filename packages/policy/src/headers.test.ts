import { parseItem } from 'structured-headers';
import { describe, expect, it } from 'vitest';

import { deprecationValue, lifecycleHeaders, sunsetValue } from './headers.js';
import { readLifecycle } from './lifecycle.js';

describe('lifecycleHeaders', () => {
  it('sends Deprecation, Sunset and Link for a deprecated operation', () => {
    const lifecycle = readLifecycle({
      deprecated: true,
      'x-deprecated-at': '2023-06-30',
      'x-sunset': '2027-06-30',
      'x-migration-guide': 'https://example.com/migrate',
    });
    expect(lifecycleHeaders(lifecycle)).toEqual({
      Deprecation: '@1688083200',
      Sunset: 'Wed, 30 Jun 2027 00:00:00 GMT',
      Link: '<https://example.com/migrate>; rel="deprecation"; type="text/html"',
    });
  });

  it('sends nothing for an operation that is not deprecated, even with a sunset', () => {
    expect(lifecycleHeaders(readLifecycle({ 'x-sunset': '2027-06-30' }))).toEqual({});
  });

  it('falls back to a past Deprecation date when x-deprecated-at is missing', () => {
    expect(lifecycleHeaders(readLifecycle({ deprecated: true }))).toEqual({ Deprecation: '@0' });
  });

  it('round-trips through a Structured Fields parser', () => {
    const [value] = parseItem(deprecationValue('2023-06-30'));
    expect(value).toEqual(new Date('2023-06-30T00:00:00Z'));
    expect(new Date(sunsetValue('2018-12-31')).toISOString()).toBe('2018-12-31T00:00:00.000Z');
  });
});

describe('readLifecycle', () => {
  it('reads date-times as UTC dates and ignores values that are not dates', () => {
    expect(
      readLifecycle({
        deprecated: true,
        'x-sunset': '2027-01-01T01:00:00+02:00',
        'x-deprecated-at': '2026-02-30',
        'x-stability-level': 'beta',
        'x-replaced-by': 'listOrdersV2',
      }),
    ).toEqual({
      deprecated: true,
      sunset: '2026-12-31',
      stability: 'beta',
      replacedBy: 'listOrdersV2',
    });
  });

  it('reads a YAML date object and an unknown stability as stable', () => {
    expect(
      readLifecycle({ 'x-sunset': new Date('2027-06-30T00:00:00Z'), 'x-stability-level': 'gold' }),
    ).toEqual({ deprecated: false, sunset: '2027-06-30', stability: 'stable' });
  });
});
