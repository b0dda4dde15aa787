/**
 * Lint for specgate: checks OpenAPI 3.x and Swagger 2.0 documents with Redocly's
 * @redocly/openapi-core in-process, adds the `specgate` Redocly plugin with specgate's
 * governance rules and the presets `specgate` and `specgate-strict`, and returns every problem
 * as a shared `Finding` with file, line, column, JSON pointer, operation and fingerprint.
 */
export { lintSpec } from './lint-spec.js';
export type { LintOptions, LintResult, PreloadedFile } from './lint-spec.js';
export { createLintConfig } from './lint-config.js';
export type { LintConfigOptions, RuleOverride } from './lint-config.js';
export { listPresetRules } from './rule-catalogue.js';
export type { LintSpecVersion, PresetRule } from './rule-catalogue.js';
export { specgatePlugin } from './plugin.js';
export {
  EXAMPLE_RULES,
  PRESET_EXTENDS,
  REDOCLY_PRESETS,
  SPECGATE_PLUGIN_ID,
  specgatePresets,
} from './presets.js';
export { specgateRules } from './rules/index.js';
export type { RuleSeverity, SpecgateRule } from './rule.js';
