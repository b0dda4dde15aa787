import { parseSunsetDate } from '@specgate/core';

/** Stability levels of `x-stability-level`, least stable first; a missing level means stable. */
export const STABILITY_LEVELS = ['draft', 'alpha', 'beta', 'stable'] as const;
export type StabilityLevel = (typeof STABILITY_LEVELS)[number];

/** The extension names lifecycle facts are read from; each accepts aliases, first match wins. */
export interface LifecycleExtensions {
  sunset: string[];
  deprecatedAt: string[];
  stability: string[];
  replacedBy: string[];
  migrationGuide: string[];
}

export const DEFAULT_EXTENSIONS: LifecycleExtensions = {
  sunset: ['x-sunset'],
  deprecatedAt: ['x-deprecated-at'],
  stability: ['x-stability-level'],
  replacedBy: ['x-replaced-by'],
  migrationGuide: ['x-migration-guide'],
};

/** The lifecycle facts of one operation, parameter, header or schema, as its spec states them. */
export interface Lifecycle {
  deprecated: boolean;
  /** `YYYY-MM-DD` (the date part of a date-time), or undefined when absent or not a date. */
  deprecatedAt?: string;
  sunset?: string;
  stability: StabilityLevel;
  replacedBy?: string;
  migrationGuide?: string;
}

/** Reads the lifecycle facts of a spec object (operation, parameter, header or schema). */
export function readLifecycle(
  node: Readonly<Record<string, unknown>>,
  extensions: LifecycleExtensions = DEFAULT_EXTENSIONS,
): Lifecycle {
  const lifecycle: Lifecycle = {
    deprecated: node['deprecated'] === true,
    stability: readStability(first(node, extensions.stability)),
  };
  const deprecatedAt = toDate(first(node, extensions.deprecatedAt));
  if (deprecatedAt !== undefined) lifecycle.deprecatedAt = deprecatedAt;
  const sunset = toDate(first(node, extensions.sunset));
  if (sunset !== undefined) lifecycle.sunset = sunset;
  const replacedBy = first(node, extensions.replacedBy);
  if (typeof replacedBy === 'string' && replacedBy.trim() !== '') lifecycle.replacedBy = replacedBy;
  const guide = first(node, extensions.migrationGuide);
  if (typeof guide === 'string' && guide.trim() !== '') lifecycle.migrationGuide = guide;
  return lifecycle;
}

function first(node: Readonly<Record<string, unknown>>, names: readonly string[]): unknown {
  for (const name of names) if (node[name] !== undefined) return node[name];
  return undefined;
}

function readStability(value: unknown): StabilityLevel {
  return STABILITY_LEVELS.includes(value as StabilityLevel) ? (value as StabilityLevel) : 'stable';
}

/**
 * The UTC calendar day of a date as `parseSunsetDate` reads it: an RFC 3339 full-date or
 * date-time, or an HTTP-date. YAML 1.1 readers may hand over a Date object for an
 * unquoted date, so both forms count.
 */
export function toDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime()))
    return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  return parseSunsetDate(value.trim());
}
