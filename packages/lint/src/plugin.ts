import type { Oas2Rule, Oas3Rule, Plugin } from '@redocly/openapi-core';

import { SPECGATE_PLUGIN_ID, specgatePresets } from './presets.js';
import { specgateRules } from './rules/index.js';

function oas3Rules(): Record<string, Oas3Rule> {
  return Object.fromEntries(specgateRules.map((rule) => [rule.id, rule.oas3]));
}

function oas2Rules(): Record<string, Oas2Rule> {
  const entries = specgateRules.flatMap((rule) =>
    rule.oas2 ? [[rule.id, rule.oas2] as const] : [],
  );
  return Object.fromEntries(entries);
}

/**
 * The Redocly plugin `specgate`: the governance rules for OpenAPI 3.x and, where the rule
 * applies, Swagger 2.0, plus the presets `specgate/specgate` and `specgate/specgate-strict`.
 * Pass it to Redocly as `createConfig({ extends: [...], plugins: [specgatePlugin] })`.
 */
export const specgatePlugin: Plugin = {
  id: SPECGATE_PLUGIN_ID,
  rules: { oas3: oas3Rules(), oas2: oas2Rules() },
  configs: specgatePresets,
};
