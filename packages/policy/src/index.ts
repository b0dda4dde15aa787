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
export { escapeText, fold, renderSunsetIcs } from './icalendar.js';
export { buildSunsetReport, renderSunsetMarkdown } from './sunset-report.js';
export type { SunsetEntry, SunsetReport, SunsetReportApi } from './sunset-report.js';
export { DEFAULT_FIELD_MAP, API_GATEWAY_FIELD_MAP } from './scan/json-format.js';
export type { FieldMap, JsonField } from './scan/json-format.js';
export { OperationMatcher, pathOf, toRoute } from './scan/operation-matcher.js';
export type { MatchedOperation, MatcherSpec } from './scan/operation-matcher.js';
export {
  renderTrafficCsv,
  renderTrafficMarkdown,
  renderTrafficOpenMetrics,
} from './scan/render-traffic.js';
export { detectFormat, LOG_FORMATS, scanLogs } from './scan/scan-logs.js';
export type { LogFormat, ScanOptions } from './scan/scan-logs.js';
export { identify, productToken } from './scan/identity.js';
export type { ClientIdentity, IdentitySource } from './scan/identity.js';
