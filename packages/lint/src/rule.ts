import type { Oas2Rule, Oas3Rule } from '@redocly/openapi-core';

/** Severity a preset gives a rule. */
export type RuleSeverity = 'error' | 'warn';

/**
 * One specgate governance rule: its Redocly visitors plus the facts the presets and the rule
 * catalogue need. The id is the rule's name inside the `specgate` plugin, so Redocly reports it
 * as `specgate/<id>`.
 */
export interface SpecgateRule {
  id: string;
  /** Severity in the `specgate` preset; `specgate-strict` raises every `warn` to `error`. */
  severity: RuleSeverity;
  /** One line saying what the rule checks. */
  description: string;
  /** Options the presets pass to the rule, when it has any. */
  options?: Record<string, unknown>;
  oas3: Oas3Rule;
  /** Missing when the rule has no Swagger 2.0 counterpart. */
  oas2?: Oas2Rule;
}
