import type { Plugin, RuleConfig } from '@redocly/openapi-core';

import type { RuleSeverity, SpecgateRule } from './rule.js';
import { specgateRules } from './rules/index.js';

/** A preset, in the shape Redocly's plugin `configs` map expects. */
type PresetConfig = NonNullable<Plugin['configs']>[string];

/** Id of the Redocly plugin that carries the specgate rules; rule ids are `specgate/<rule>`. */
export const SPECGATE_PLUGIN_ID = 'specgate';

/**
 * Redocly's built-in rules that check examples against their schemas, with the options
 * `recommended` gives them (media type examples may not carry undeclared properties).
 * `recommended` already turns them on as warnings; the specgate presets list them too, so a
 * Redocly config that extends only `specgate/specgate` still checks examples.
 */
export const EXAMPLE_RULES: Readonly<Record<string, Record<string, unknown>>> = {
  'no-invalid-media-type-examples': { allowAdditionalProperties: false },
  'no-invalid-parameter-examples': {},
  'no-invalid-schema-examples': {},
};

/**
 * Names accepted in `LintOptions.extends`: specgate's presets expand to a Redocly preset plus
 * the plugin preset, because Redocly 2.64 rejects `extends` inside a plugin's own presets.
 */
export const PRESET_EXTENDS: Readonly<Record<string, readonly string[]>> = {
  specgate: ['recommended', `${SPECGATE_PLUGIN_ID}/specgate`],
  'specgate-strict': ['recommended-strict', `${SPECGATE_PLUGIN_ID}/specgate-strict`],
};

/** Redocly's own presets, accepted in `LintOptions.extends` as they are. */
export const REDOCLY_PRESETS = ['recommended', 'recommended-strict', 'minimal', 'all', 'spec'];

function ruleConfig(rule: SpecgateRule, severity: RuleSeverity): RuleConfig {
  return rule.options === undefined ? severity : { severity, ...rule.options };
}

/** Builds one plugin preset; `strict` raises every warning to an error. */
function buildPreset(strict: boolean): PresetConfig {
  const rules: Record<string, RuleConfig> = {};
  for (const rule of specgateRules) {
    rules[`${SPECGATE_PLUGIN_ID}/${rule.id}`] = ruleConfig(rule, strict ? 'error' : rule.severity);
  }
  // A bare severity string here would replace the options `recommended` sets, so write objects.
  for (const [id, options] of Object.entries(EXAMPLE_RULES)) {
    rules[id] = { severity: strict ? 'error' : 'warn', ...options };
  }
  return { rules };
}

/** The presets the plugin ships, referenced in Redocly configs as `specgate/<name>`. */
export const specgatePresets: Record<string, PresetConfig> = {
  specgate: buildPreset(false),
  'specgate-strict': buildPreset(true),
};
