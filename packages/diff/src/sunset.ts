import { parseSunsetDate } from '@specgate/core';

/**
 * Reads an `x-sunset` value with the parser lint and policy use (an RFC 3339 full-date or
 * date-time, or an HTTP-date). A YAML timestamp that a parser turned into a Date counts too.
 * Returns the day as YYYY-MM-DD in UTC, or null when the value is not a real date.
 */
export function parseSunset(value: unknown): string | null {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  return parseSunsetDate(value.trim()) ?? null;
}
