/**
 * TypeScript client generation: writes `api-types.ts` with openapi-typescript's Node API and
 * `client.ts`, a typed facade over openapi-fetch with one function per operation grouped by
 * tag, bearer tokens, `ApiError` and a once-per-operation warning for deprecated operations.
 */
export { generateTs, planTsClient } from './generate-ts.js';
export type { TsFile, TsGenerateOptions, TsGenerateResult } from './generate-ts.js';
export { renderClient, TS_GENERATED_MARKER } from './render-client.js';
export type { ClientOperation } from './render-client.js';
export { camelName } from './names.js';
