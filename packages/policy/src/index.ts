/**
 * Lifecycle policy: reads deprecation, sunset and stability facts from specs and
 * turns them into checks, reports and the response headers deprecated operations send.
 */
export { deprecationValue, lifecycleHeaders, sunsetValue } from './headers.js';
export type { LifecycleHeaders } from './headers.js';
export { DEFAULT_EXTENSIONS, readLifecycle, STABILITY_LEVELS, toDate } from './lifecycle.js';
export type { Lifecycle, LifecycleExtensions, StabilityLevel } from './lifecycle.js';
