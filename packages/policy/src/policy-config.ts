import type { Level, PerStability, PolicySettings } from '@specgate/core';

import { STABILITY_LEVELS, type LifecycleExtensions, type StabilityLevel } from './lifecycle.js';

/** Whether and how a spec carries its API version. */
export type VersionScheme = 'path' | 'header' | 'query' | 'none';

/** The lifecycle policy after presets and defaults are merged in. */
export interface PolicyConfig {
  presets: string[];
  extensions: LifecycleExtensions & { sinceDate: string[] };
  stability: { default: StabilityLevel; enforceFrom: StabilityLevel };
  deprecation: {
    requireSunset: Record<StabilityLevel, boolean>;
    requireDeprecatedAt: Record<StabilityLevel, boolean>;
    minNoticeDays: Record<StabilityLevel, number>;
    maxNoticeDays: number | null;
    /** Also require a newly set sunset to be at least the minimum notice after today (oasdiff's rule). */
    minNoticeFromToday: boolean;
    /** How many days before today a newly added deprecation date may lie. */
    backdateToleranceDays: number;
  };
  removal: { requireNoTrafficDays: number };
  versioning: {
    scheme: VersionScheme;
    pathPattern: string;
    /** Days an old major version keeps working after its successor's `x-since-date`. */
    supersededSupportDays: number;
    /** Days an alpha or beta operation may exist, counted from its `x-since-date`. */
    previewMaxAgeDays: number;
  };
  levels: Record<string, Level | 'off'>;
}

/** The policy with no config: beta 90 and stable 180 days of notice, versions in the path. */
export const DEFAULT_POLICY: PolicyConfig = {
  presets: [],
  extensions: {
    sunset: ['x-sunset'],
    deprecatedAt: ['x-deprecated-at'],
    stability: ['x-stability-level'],
    replacedBy: ['x-replaced-by'],
    migrationGuide: ['x-migration-guide'],
    sinceDate: ['x-since-date'],
  },
  stability: { default: 'stable', enforceFrom: 'beta' },
  deprecation: {
    requireSunset: { draft: false, alpha: false, beta: true, stable: true },
    requireDeprecatedAt: { draft: false, alpha: false, beta: true, stable: true },
    minNoticeDays: { draft: 0, alpha: 0, beta: 90, stable: 180 },
    maxNoticeDays: null,
    minNoticeFromToday: true,
    backdateToleranceDays: 3,
  },
  removal: { requireNoTrafficDays: 30 },
  versioning: {
    scheme: 'path',
    pathPattern: '^/v(?<major>[0-9]+)(?:(?:alpha|beta)[0-9]*)?(?:/|$)',
    supersededSupportDays: 0,
    previewMaxAgeDays: 0,
  },
  levels: {},
};

/**
 * Named value sets that follow published API programs' rules. Each one is
 * settings as `specgate.yaml` would write them; keys in the config win over them.
 */
export const PRESETS: Record<string, PolicySettings> = {
  // Each supported version works at least 24 months after the next one ships;
  // the version travels in the X-GitHub-Api-Version header.
  github: {
    deprecation: { minNoticeDays: { stable: 730 } },
    versioning: { scheme: 'header', supersededSupportDays: 730 },
  },
  // AIP-180/181/185: major version in the path, 180 days for beta removals, no
  // functionality that arrives already deprecated.
  'google-aip': {
    deprecation: { minNoticeDays: { beta: 180, stable: 180 } },
    versioning: { scheme: 'path' },
  },
  // No version in the path, and usage of deprecated APIs must be monitored.
  zalando: {
    versioning: { scheme: 'none' },
    removal: { requireNoTrafficDays: 30 },
  },
  // api-version query parameter; previews retire 90 days after their successor and
  // go GA or away within a year.
  azure: {
    deprecation: { minNoticeDays: { alpha: 90, beta: 90 } },
    versioning: { scheme: 'query', previewMaxAgeDays: 365 },
  },
  // /v1.0 and /beta in the path; deprecated GA elements stay 36 months.
  graph: {
    deprecation: { minNoticeDays: { beta: 0, stable: 1095 } },
    removal: { requireNoTrafficDays: 30 },
    versioning: { scheme: 'path', pathPattern: '^/(?:v(?<major>[0-9]+)\\.0|beta)(?:/|$)' },
  },
};

/** Merges presets (in order) and then the config's own keys onto the defaults. */
export function resolvePolicy(settings: PolicySettings = {}): PolicyConfig {
  let policy = structuredClone(DEFAULT_POLICY);
  for (const name of settings.presets ?? []) {
    const preset = PRESETS[name];
    if (preset) policy = merge(policy, preset);
  }
  policy = merge(policy, settings);
  policy.presets = [...(settings.presets ?? [])];
  return policy;
}

function merge(policy: PolicyConfig, settings: PolicySettings): PolicyConfig {
  const deprecation = settings.deprecation ?? {};
  const next: PolicyConfig = {
    presets: policy.presets,
    extensions: { ...policy.extensions, ...settings.extensions },
    stability: {
      default: asLevel(settings.stability?.default) ?? policy.stability.default,
      enforceFrom: asLevel(settings.stability?.enforceFrom) ?? policy.stability.enforceFrom,
    },
    deprecation: {
      requireSunset: perLevel(policy.deprecation.requireSunset, deprecation.requireSunset),
      requireDeprecatedAt: perLevel(
        policy.deprecation.requireDeprecatedAt,
        deprecation.requireDeprecatedAt,
      ),
      minNoticeDays: perLevel(policy.deprecation.minNoticeDays, deprecation.minNoticeDays),
      maxNoticeDays:
        deprecation.maxNoticeDays === undefined
          ? policy.deprecation.maxNoticeDays
          : deprecation.maxNoticeDays,
      minNoticeFromToday: deprecation.minNoticeFromToday ?? policy.deprecation.minNoticeFromToday,
      backdateToleranceDays:
        deprecation.backdateToleranceDays ?? policy.deprecation.backdateToleranceDays,
    },
    removal: { ...policy.removal, ...settings.removal },
    versioning: { ...policy.versioning, ...settings.versioning },
    levels: { ...policy.levels, ...settings.levels },
  };
  return next;
}

function perLevel<T>(
  base: Record<StabilityLevel, T>,
  override: PerStability<T> | undefined,
): Record<StabilityLevel, T> {
  return { ...base, ...override };
}

function asLevel(value: string | undefined): StabilityLevel | undefined {
  return STABILITY_LEVELS.find((level) => level === value);
}
