import { describe, expect, test } from 'vitest';

import { DEFAULT_POLICY, resolvePolicy } from './policy-config.js';

describe('resolvePolicy', () => {
  test('defaults give beta 90 and stable 180 days', () => {
    const policy = resolvePolicy();
    expect(policy.deprecation.minNoticeDays).toEqual({ draft: 0, alpha: 0, beta: 90, stable: 180 });
    expect(policy.versioning.scheme).toBe('path');
    expect(policy).toEqual({ ...DEFAULT_POLICY, presets: [] });
  });

  test.each([
    ['github', { stable: 730, beta: 90 }, 'header', 30],
    ['google-aip', { stable: 180, beta: 180 }, 'path', 30],
    ['zalando', { stable: 180, beta: 90 }, 'none', 30],
    ['azure', { stable: 180, beta: 90 }, 'query', 30],
    ['graph', { stable: 1095, beta: 0 }, 'path', 30],
  ])('preset %s', (name, notice, scheme, noTraffic) => {
    const policy = resolvePolicy({ presets: [name] });
    expect(policy.deprecation.minNoticeDays.stable).toBe(notice.stable);
    expect(policy.deprecation.minNoticeDays.beta).toBe(notice.beta);
    expect(policy.versioning.scheme).toBe(scheme);
    expect(policy.removal.requireNoTrafficDays).toBe(noTraffic);
  });

  test('config keys win over presets, per stability level', () => {
    const policy = resolvePolicy({
      presets: ['github'],
      deprecation: { minNoticeDays: { beta: 30 } },
      extensions: { sunset: ['x-snyk-sunset', 'x-sunset'] },
      levels: { 'replacement-missing': 'off' },
    });
    expect(policy.deprecation.minNoticeDays).toEqual({ draft: 0, alpha: 0, beta: 30, stable: 730 });
    expect(policy.extensions.sunset).toEqual(['x-snyk-sunset', 'x-sunset']);
    expect(policy.extensions.deprecatedAt).toEqual(['x-deprecated-at']);
    expect(policy.levels).toEqual({ 'replacement-missing': 'off' });
    expect(policy.presets).toEqual(['github']);
  });
});
