import type { RuleConfig } from '@redocly/openapi-core';

import { createLintConfig } from './lint-config.js';
import { SPECGATE_PLUGIN_ID } from './presets.js';
import { REDOCLY_RULE_DESCRIPTIONS } from './redocly-rules.js';
import type { RuleSeverity } from './rule.js';
import { specgateRules } from './rules/index.js';

/** A rule a preset turns on. */
export interface PresetRule {
  /** Rule id as findings carry it: `specgate/<rule>` or a Redocly built-in id. */
  id: string;
  severity: RuleSeverity;
  description: string;
}

/** Spec versions whose rule sets a preset can list, as Redocly names them. */
export type LintSpecVersion = 'oas2' | 'oas3_0' | 'oas3_1' | 'oas3_2';

const specgateDescriptions = new Map(
  specgateRules.map((rule) => [`${SPECGATE_PLUGIN_ID}/${rule.id}`, rule.description]),
);

/**
 * Lists every rule a preset turns on for one spec version (default OpenAPI 3.1), with its
 * severity and a one-line description, ordered by id. Accepts the names `LintOptions.extends`
 * accepts; an unknown preset raises SpecgateError('CONFIG_INVALID').
 */
export async function listPresetRules(
  preset = 'specgate',
  specVersion: LintSpecVersion = 'oas3_1',
): Promise<PresetRule[]> {
  const config = await createLintConfig({ extends: [preset] });
  const rules: PresetRule[] = [];
  for (const [id, setting] of Object.entries(config.rules[specVersion])) {
    const severity = severityOf(setting);
    if (severity === 'off') continue;
    rules.push({ id, severity, description: describeRule(id) });
  }
  return rules.sort((a, b) => a.id.localeCompare(b.id));
}

/** Redocly reads a setting object without `severity` as an error. */
function severityOf(setting: RuleConfig): RuleSeverity | 'off' {
  if (typeof setting === 'string') return setting;
  return setting.severity ?? 'error';
}

function describeRule(id: string): string {
  return (
    specgateDescriptions.get(id) ??
    REDOCLY_RULE_DESCRIPTIONS[id] ??
    'Redocly built-in rule; see the Redocly rule documentation.'
  );
}
