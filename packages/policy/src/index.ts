/**
 * Lifecycle policy: reads deprecation, sunset and stability facts from specs and
 * turns them into checks, reports and the response headers deprecated operations send.
 */
export { listPolicyChecks, POLICY_CHECKS } from './checks.js';
export type { PolicyCheck, PolicyCheckId } from './checks.js';
export { addDays, daysBetween } from './dates.js';
export { collectElements } from './elements.js';
export type { LifecycleElement } from './elements.js';
export type { PolicyFinding } from './finding-sink.js';
export { deprecationValue, lifecycleHeaders, sunsetValue } from './headers.js';
export type { LifecycleHeaders } from './headers.js';
export { DEFAULT_EXTENSIONS, readLifecycle, STABILITY_LEVELS, toDate } from './lifecycle.js';
export type { Lifecycle, LifecycleExtensions, StabilityLevel } from './lifecycle.js';
export { DEFAULT_POLICY, PRESETS, resolvePolicy } from './policy-config.js';
export type { PolicyConfig, VersionScheme } from './policy-config.js';
export { checkPolicy, SUNSET_WARNING_DAYS } from './run-policy.js';
export type { PolicyOptions, PolicyResult } from './run-policy.js';
export type { TrafficClient, TrafficOperation, TrafficReport } from './traffic-report.js';
export { parseTrafficReport } from './traffic-report.js';
