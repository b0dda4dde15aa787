import type { Waiver } from './config.js';
import type { Finding } from './finding.js';

/** The result of applying waivers: findings with `waived` set, and the expired waivers. */
export interface WaiverResult {
  findings: Finding[];
  expired: Waiver[];
  unused: Waiver[];
}

/**
 * Marks findings accepted by a waiver. A waiver applies through its expiry day
 * (compared as a YYYY-MM-DD string against `today`). After that it is reported as
 * expired and the finding counts again.
 */
export function applyWaivers(
  findings: readonly Finding[],
  waivers: readonly Waiver[],
  today: string,
): WaiverResult {
  const active = new Map<string, Waiver>();
  const expired: Waiver[] = [];
  for (const waiver of waivers) {
    if (waiver.expires < today) expired.push(waiver);
    else active.set(waiver.fingerprint, waiver);
  }
  const used = new Set<string>();
  const result = findings.map((finding) => {
    const waiver = active.get(finding.fingerprint);
    if (!waiver || (waiver.id !== undefined && waiver.id !== finding.id)) return finding;
    used.add(waiver.fingerprint);
    return {
      ...finding,
      waived: { reason: waiver.reason, owner: waiver.owner, expires: waiver.expires },
    };
  });
  const unused = [...active.values()].filter((waiver) => !used.has(waiver.fingerprint));
  return { findings: result, expired, unused };
}

/** Today's date as YYYY-MM-DD in UTC. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
