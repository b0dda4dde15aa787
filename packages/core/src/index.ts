/**
 * Core of specgate: loads OpenAPI specs (YAML or JSON, with local, cross-file and
 * cyclic `$ref`s, from disk or a git revision), maps JSON pointers to file, line and
 * column, shows Swagger 2.0 and 3.x operations through one 3.x-shaped view, reads and
 * validates `specgate.yaml`, and defines the findings model, waivers and reporters
 * that every other package shares.
 */
export { BUNDLED_FILES_KEY, bundleSpec } from './bundle.js';
export { CONFIG_FILE_NAMES, configPlace, defaultConfig, loadConfig } from './config.js';
export type {
  ApiConfig,
  PerStability,
  PolicySettings,
  SpecgateConfig,
  Stability,
  Waiver,
} from './config.js';
export { compareText } from './compare-text.js';
export { CONFIG_SCHEMA } from './config-schema.js';
export { describeSystemError, isSpecgateError, SpecgateError } from './errors.js';
export type { SpecgateErrorCode } from './errors.js';
export {
  atOrAbove,
  compareFindings,
  fingerprint,
  gateLevelOf,
  asCounted,
  severityToLevel,
  stableStringify,
  summarize,
} from './finding.js';
export type {
  Finding,
  FindingGate,
  Level,
  Location,
  OperationRef,
  Severity,
  Summary,
} from './finding.js';
export {
  changedFiles,
  existsAtRevision,
  git,
  gitRevisionReader,
  gitTopLevel,
  verifyRevision,
} from './git.js';
export {
  HTTP_METHODS,
  listOperations,
  listPathItemOperations,
  operationKey,
  pathShape,
} from './operations.js';
export type {
  HeaderView,
  MediaTypeView,
  OperationView,
  ParameterView,
  RequestBodyView,
  ResponseView,
} from './operations.js';
export { childPointer, escapeSegment, getAtPointer, parsePointer, toPointer } from './pointer.js';
export { offsetToLineColumn, readSourceFile, SourceFile } from './source-file.js';
export type { LineColumn } from './source-file.js';
export {
  detectVersion,
  displayPathOf,
  fileSystemReader,
  loadSpec,
  locateNode,
  SpecDocument,
  splitRef,
} from './spec-document.js';
export type { LoadOptions, NodeRef, OpenApiVersion, SourceReader } from './spec-document.js';
export { asRecord, child, deref, isRef, keysOf, rootNode, valueAt } from './spec-node.js';
export type { SpecNode } from './spec-node.js';
export { specDigest, specPathFrom } from './spec-identity.js';
export { applyWaivers, todayUtc } from './waivers.js';
export type { WaiverResult } from './waivers.js';
export {
  formatNames,
  parseFormatOption,
  renderGithub,
  renderJunit,
  renderMarkdown,
  renderSarif,
  renderStylish,
  reporters,
  SARIF_SCHEMA_URI,
} from './reporters/index.js';
export type { FormatName, ReportInput, Reporter, ReporterName } from './reporters/index.js';
export { listServers, serverBasePath } from './servers.js';
export type { ServerView } from './servers.js';
export { TextLocator, withoutBom } from './text-locator.js';
export { resolvePlain } from './yaml-scalars.js';
export { isCalendarDate } from './calendar-date.js';
export { isSunsetDate, parseSunsetDate } from './sunset-date.js';
