import { serializeItem } from 'structured-headers';

import type { Lifecycle } from './lifecycle.js';

/** Response headers that announce a deprecated operation, by header name. */
export type LifecycleHeaders = Record<string, string>;

/**
 * The `Deprecation` (RFC 9745), `Sunset` (RFC 8594) and `Link` headers a deprecated
 * operation sends on every response; none for an operation that is not deprecated.
 *
 * A date-only value means the start of that UTC day, as oasdiff reads `x-sunset`.
 * `Deprecation` is a Structured Fields Date (`@` and Unix seconds) and `Sunset` an
 * IMF-fixdate: the two formats differ by the RFCs' design. An operation deprecated
 * without `x-deprecated-at` sends `Deprecation: @0`, a date in the past, which still
 * tells clients it is deprecated; the lifecycle policy asks for the real date.
 */
export function lifecycleHeaders(lifecycle: Lifecycle): LifecycleHeaders {
  if (!lifecycle.deprecated) return {};
  const headers: LifecycleHeaders = {
    Deprecation: deprecationValue(lifecycle.deprecatedAt),
  };
  if (lifecycle.sunset !== undefined) headers['Sunset'] = sunsetValue(lifecycle.sunset);
  if (lifecycle.migrationGuide !== undefined && isUri(lifecycle.migrationGuide)) {
    headers['Link'] = `<${lifecycle.migrationGuide}>; rel="deprecation"; type="text/html"`;
  }
  return headers;
}

/** `@<seconds>` for the start of a UTC date, or `@0` when the date is unknown. */
export function deprecationValue(date: string | undefined): string {
  return serializeItem(date === undefined ? new Date(0) : startOfDay(date));
}

/** The IMF-fixdate of the start of a UTC date, e.g. `Wed, 30 Jun 2027 00:00:00 GMT`. */
export function sunsetValue(date: string): string {
  return startOfDay(date).toUTCString();
}

function startOfDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function isUri(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:[^\s<>"]+$/i.test(value);
}
