/**
 * The `specgate` command line: parses arguments, calls the library packages,
 * renders their results and sets the exit code (0 pass, 1 findings, 2 bad input).
 */
export { changelogFragment } from './changelog-fragment.js';
export { checkToJson, failsCheck, runCheck } from './commands/check.js';
export { specLocation } from './commands/check-contracts.js';
export type { ApiReport, ApiStatus, CheckOptions, CheckReport } from './commands/check.js';
export { diffFails, runDiff, withWaivers } from './commands/diff.js';
export type { DiffReport, DiffRunOptions } from './commands/diff.js';
export { lintOne, lintToJson, runLint } from './commands/lint.js';
export type { LintReport, LintRunOptions } from './commands/lint.js';
export { discoverApis } from './discover.js';
export { Logger } from './logger.js';
export type { Verbosity } from './logger.js';
export { main } from './main.js';
export type { CliEnvironment } from './main.js';
