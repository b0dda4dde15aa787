import { describe, expect, it } from 'vitest';

import type { Waiver } from './config.js';
import type { Finding } from './finding.js';
import { applyWaivers, todayUtc } from './waivers.js';

function finding(id: string, fingerprint: string): Finding {
  return {
    kind: 'problem',
    id,
    level: 'error',
    message: `${id} failed`,
    location: { file: 'openapi.yaml', pointer: '/paths', line: 4, column: 1 },
    fingerprint,
  };
}

function waiver(fingerprint: string, expires: string, id?: string): Waiver {
  return {
    fingerprint,
    ...(id === undefined ? {} : { id }),
    reason: `Accepted ${fingerprint}`,
    owner: 'team-pets',
    expires,
  };
}

const DESCRIPTION = finding('operation-description', '1111111111111111');
const SUMMARY = finding('operation-summary', '2222222222222222');

describe('applyWaivers', () => {
  it('marks a finding waived while its waiver is active', () => {
    const active = waiver('1111111111111111', '2026-06-30');
    const result = applyWaivers([DESCRIPTION, SUMMARY], [active], '2026-06-01');

    expect(result.findings).toEqual([
      {
        ...DESCRIPTION,
        waived: { reason: 'Accepted 1111111111111111', owner: 'team-pets', expires: '2026-06-30' },
      },
      SUMMARY,
    ]);
    expect(result.expired).toEqual([]);
    expect(result.unused).toEqual([]);
  });

  it('still applies on the expiry day itself', () => {
    const result = applyWaivers(
      [DESCRIPTION],
      [waiver('1111111111111111', '2026-06-30')],
      '2026-06-30',
    );
    expect(result.findings[0]?.waived?.expires).toBe('2026-06-30');
    expect(result.expired).toEqual([]);
  });

  it('reports the waiver as expired the day after', () => {
    const late = waiver('1111111111111111', '2026-06-30');
    const result = applyWaivers([DESCRIPTION], [late], '2026-07-01');
    expect(result.findings).toEqual([DESCRIPTION]);
    expect(result.findings[0]).not.toHaveProperty('waived');
    expect(result.expired).toEqual([late]);
    expect(result.unused).toEqual([]);
  });

  it('compares dates across month and year ends', () => {
    const result = applyWaivers(
      [DESCRIPTION],
      [waiver('1111111111111111', '2025-12-31')],
      '2026-01-01',
    );
    expect(result.expired).toHaveLength(1);
    expect(result.findings[0]?.waived).toBeUndefined();
  });

  it('does not waive a finding whose id differs from the waiver id', () => {
    const other = waiver('1111111111111111', '2026-06-30', 'operation-summary');
    const result = applyWaivers([DESCRIPTION], [other], '2026-06-01');
    expect(result.findings).toEqual([DESCRIPTION]);
    expect(result.unused).toEqual([other]);
  });

  it('waives a finding whose id matches the waiver id', () => {
    const same = waiver('1111111111111111', '2026-06-30', 'operation-description');
    const result = applyWaivers([DESCRIPTION], [same], '2026-06-01');
    expect(result.findings[0]?.waived?.owner).toBe('team-pets');
    expect(result.unused).toEqual([]);
  });

  it('lists active waivers that matched no finding as unused', () => {
    const used = waiver('1111111111111111', '2026-06-30');
    const stale = waiver('3333333333333333', '2026-06-30');
    const late = waiver('4444444444444444', '2026-01-01');
    const result = applyWaivers([DESCRIPTION, SUMMARY], [used, stale, late], '2026-06-01');
    expect(result.unused).toEqual([stale]);
    expect(result.expired).toEqual([late]);
    expect(result.findings.map((item) => item.waived !== undefined)).toEqual([true, false]);
  });

  it('leaves the input findings unchanged', () => {
    const input = [DESCRIPTION];
    applyWaivers(input, [waiver('1111111111111111', '2026-06-30')], '2026-06-01');
    expect(input[0]).not.toHaveProperty('waived');
  });
});

describe('todayUtc', () => {
  it('formats the UTC date as YYYY-MM-DD', () => {
    expect(todayUtc(new Date('2026-03-04T23:59:59.999Z'))).toBe('2026-03-04');
    expect(todayUtc(new Date('2026-03-04T23:30:00-05:00'))).toBe('2026-03-05');
  });
});
