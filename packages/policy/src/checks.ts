import type { Level } from '@specgate/core';

/** A policy check: its default level and what it enforces, for docs and config validation. */
export interface PolicyCheck {
  level: Level | 'off';
  /** Whether it compares a base with a revision, looks at one spec, or reads traffic. */
  scope: 'spec' | 'revision' | 'traffic';
  summary: string;
}

/** Every policy check by its stable id. Levels can be changed with `policy.levels`. */
export const POLICY_CHECKS = {
  'sunset-invalid': {
    level: 'error',
    scope: 'spec',
    summary: 'The sunset is not an RFC 3339 date or date-time, or an HTTP-date.',
  },
  'deprecated-at-invalid': {
    level: 'error',
    scope: 'spec',
    summary: 'The deprecation date is not an RFC 3339 date or date-time, or an HTTP-date.',
  },
  'stability-invalid': {
    level: 'error',
    scope: 'spec',
    summary: 'The stability level is not draft, alpha, beta or stable.',
  },
  'sunset-missing': {
    level: 'error',
    scope: 'spec',
    summary: 'A deprecated element has no sunset date although its stability level requires one.',
  },
  'deprecated-at-missing': {
    level: 'error',
    scope: 'spec',
    summary: 'A deprecated element has no deprecation date although its stability requires one.',
  },
  'sunset-without-deprecated': {
    level: 'warning',
    scope: 'spec',
    summary: 'An element has a sunset date but is not marked deprecated.',
  },
  'sunset-before-deprecated-at': {
    level: 'error',
    scope: 'spec',
    summary: 'The sunset is earlier than the deprecation date (RFC 9745 forbids it).',
  },
  'notice-too-short': {
    level: 'error',
    scope: 'spec',
    summary: 'Sunset minus deprecation date is below the minimum notice for its stability.',
  },
  'notice-too-long': {
    level: 'warning',
    scope: 'spec',
    summary: 'Sunset minus deprecation date is above deprecation.maxNoticeDays.',
  },
  'replacement-missing': {
    level: 'warning',
    scope: 'spec',
    summary: 'A deprecated operation names no replacement, migration guide or note.',
  },
  'replacement-unresolved': {
    level: 'error',
    scope: 'spec',
    summary: 'The replacement names an operation the spec does not have.',
  },
  'sunset-passed-still-present': {
    level: 'info',
    scope: 'spec',
    summary: 'The sunset date has passed; the element may now be removed.',
  },
  'deprecation-headers-undeclared': {
    level: 'off',
    scope: 'spec',
    summary: 'A deprecated operation declares no Deprecation or Sunset response header.',
  },
  'version-path-invalid': {
    level: 'error',
    scope: 'spec',
    summary: 'With the path scheme, the path does not start with a version segment.',
  },
  'version-in-path-forbidden': {
    level: 'error',
    scope: 'spec',
    summary: 'With the header, query or none scheme, the path carries a version segment.',
  },
  'successor-exists-not-deprecated': {
    level: 'warning',
    scope: 'spec',
    summary:
      'The same operation exists under a newer major version but this one is not deprecated.',
  },
  'superseded-support-too-short': {
    level: 'error',
    scope: 'spec',
    summary: "The sunset is earlier than the successor's x-since-date plus supersededSupportDays.",
  },
  'preview-too-old': {
    level: 'warning',
    scope: 'spec',
    summary: 'An alpha or beta operation is older than previewMaxAgeDays.',
  },
  'removed-without-deprecation': {
    level: 'error',
    scope: 'revision',
    summary: 'An operation or parameter was removed without being deprecated first.',
  },
  'removed-before-sunset': {
    level: 'error',
    scope: 'revision',
    summary: 'A deprecated element was removed before its sunset date, or had no sunset.',
  },
  'removed-with-traffic': {
    level: 'error',
    scope: 'revision',
    summary: 'An operation was removed although the traffic report shows recent calls.',
  },
  'newly-added-deprecated': {
    level: 'error',
    scope: 'revision',
    summary: 'A new operation or parameter arrives already deprecated.',
  },
  'sunset-moved-earlier': {
    level: 'error',
    scope: 'revision',
    summary: 'The sunset moved earlier and no longer gives the minimum notice from today.',
  },
  'sunset-removed': {
    level: 'error',
    scope: 'revision',
    summary: 'The sunset was deleted from an element that is still deprecated.',
  },
  'deprecated-at-changed': {
    level: 'error',
    scope: 'revision',
    summary: 'A deprecation date that was already published was edited.',
  },
  'deprecated-at-backdated': {
    level: 'error',
    scope: 'revision',
    summary: 'A newly added deprecation date is older than today minus the tolerance.',
  },
  'notice-from-today-too-short': {
    level: 'error',
    scope: 'revision',
    summary: 'A newly deprecated element sunsets sooner than the minimum notice from today.',
  },
  undeprecated: {
    level: 'info',
    scope: 'revision',
    summary: 'An element is no longer deprecated.',
  },
  'stability-decreased': {
    level: 'error',
    scope: 'revision',
    summary: 'The stability level went down from an enforced level.',
  },
  'stability-increased': {
    level: 'info',
    scope: 'revision',
    summary: 'The stability level went up.',
  },
  'breaking-without-major-bump': {
    level: 'warning',
    scope: 'revision',
    summary: 'The diff has breaking changes but the semver info.version keeps its major.',
  },
  'sunset-approaching-in-use': {
    level: 'warning',
    scope: 'traffic',
    summary: 'A deprecated operation that sunsets within 60 days still receives calls.',
  },
  'sunset-passed-in-use': {
    level: 'error',
    scope: 'traffic',
    summary: 'An operation past its sunset date still receives calls.',
  },
} as const satisfies Record<string, PolicyCheck>;

/** A policy check id. */
export type PolicyCheckId = keyof typeof POLICY_CHECKS;

/** Lists every policy check id with its default level and summary, in catalogue order. */
export function listPolicyChecks(): ({ id: PolicyCheckId } & PolicyCheck)[] {
  return Object.entries(POLICY_CHECKS).map(([id, check]) => ({
    id: id as PolicyCheckId,
    ...check,
  }));
}
