/**
 * The lifecycle reading and response headers alone, for packages that need only these
 * (the mock server) and should not load the policy checks and the traffic scanner.
 */
export { deprecationValue, lifecycleHeaders, sunsetValue } from './headers.js';
export type { LifecycleHeaders } from './headers.js';
export { DEFAULT_EXTENSIONS, readLifecycle, STABILITY_LEVELS, toDate } from './lifecycle.js';
export type { Lifecycle, LifecycleExtensions, StabilityLevel } from './lifecycle.js';
