import { createConfig, lintFromString, type RuleConfig } from '@redocly/openapi-core';

import { specgatePlugin } from '../plugin.js';
import { specgatePresets } from '../presets.js';

/** The parts of a Redocly problem that rule tests assert. */
export interface ProblemSummary {
  ruleId: string;
  severity: string;
  message: string;
  pointer: string | undefined;
}

/**
 * Lints a YAML document with one specgate rule turned on, as the `specgate` preset sets it,
 * with `options` merged over the preset's options.
 */
export async function lintWithRule(
  ruleId: string,
  source: string,
  options: Record<string, unknown> = {},
): Promise<ProblemSummary[]> {
  const name = `specgate/${ruleId}`;
  const preset = specgatePresets['specgate']?.rules as Record<string, RuleConfig> | undefined;
  const setting = preset?.[name];
  if (setting === undefined) throw new Error(`${name} is not in the specgate preset`);

  const base = typeof setting === 'string' ? { severity: setting } : setting;
  const config = await createConfig({
    rules: { [name]: { ...base, ...options } },
    plugins: [specgatePlugin],
  });
  const problems = await lintFromString({ source, absoluteRef: '/specs/openapi.yaml', config });
  return problems.map((problem) => ({
    ruleId: problem.ruleId,
    severity: problem.severity,
    message: problem.message,
    pointer: problem.location[0]?.pointer,
  }));
}
