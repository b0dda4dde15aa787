import {
  createConfig,
  type Config,
  type RawUniversalConfig,
  type RuleConfig,
} from '@redocly/openapi-core';
import { SpecgateError } from '@specgate/core';

import { specgatePlugin } from './plugin.js';
import { PRESET_EXTENDS, REDOCLY_PRESETS, SPECGATE_PLUGIN_ID, specgatePresets } from './presets.js';

/** Severity a caller may set per rule. */
export type RuleOverride = 'error' | 'warn' | 'off';

/** The parts of the lint options that shape the Redocly config. */
export interface LintConfigOptions {
  extends?: string[];
  rules?: Record<string, RuleOverride>;
  /**
   * The config file the presets and rules come from, as shown to users. Errors then name it and
   * the keys `lint.extends` and `lint.rules`.
   */
  configFile?: string;
  /**
   * Finds a key of the config file by JSON pointer (e.g. `/lint/rules/specgate~1x`), so errors
   * about it start with `FILE:LINE:COLUMN:`.
   */
  locate?: (pointer: string) => { line: number; column: number } | undefined;
}

const SEVERITIES: readonly string[] = ['error', 'warn', 'off'];

/**
 * Redocly built-in rules that throw during the lint run when turned on without this option
 * (checked in @redocly/openapi-core 2.64.0). A severity override cannot supply it.
 */
const REQUIRED_RULE_OPTIONS: Readonly<Record<string, string>> = {
  'request-mime-type': 'allowedValues',
  'response-mime-type': 'allowedValues',
};

/** Spec versions whose rule settings severity overrides change. */
const OVERRIDDEN_VERSIONS = ['oas2', 'oas3_0', 'oas3_1', 'oas3_2'] as const;

/**
 * Builds the Redocly config for a lint run: the presets expanded, the specgate plugin loaded,
 * and the per-rule severities applied. Unknown presets, rules and severities raise
 * SpecgateError('CONFIG_INVALID').
 */
export async function createLintConfig(options: LintConfigOptions = {}): Promise<Config> {
  const origin = describeOrigin(options.configFile, options.locate);
  const presets = (options.extends ?? ['specgate']).flatMap((name, index) =>
    expandPreset(name, index, origin),
  );
  const overrides = options.rules ?? {};
  checkSeverities(overrides, origin);

  const base = await loadRedoclyConfig({ extends: presets });
  checkRuleNames(Object.keys(overrides), knownRuleIds(base), origin);
  if (Object.keys(overrides).length === 0) return base;

  const config = await loadRedoclyConfig({ extends: presets, ...versionRules(base, overrides) });
  checkRequiredOptions(config, origin);
  return config;
}

async function loadRedoclyConfig(raw: RawUniversalConfig): Promise<Config> {
  try {
    return await createConfig({ ...raw, plugins: [specgatePlugin] });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SpecgateError('CONFIG_INVALID', `Lint configuration is invalid: ${reason}`, {
      cause: error,
    });
  }
}

/**
 * Writes each override into the per-version rule maps, keeping the options the presets give
 * the rule: Redocly 2.64 would otherwise replace a preset's `{ severity, ...options }` by the
 * bare severity string.
 */
function versionRules(base: Config, overrides: Record<string, RuleOverride>): RawUniversalConfig {
  const raw: Record<string, Record<string, RuleConfig>> = {};
  for (const version of OVERRIDDEN_VERSIONS) {
    const settings: Record<string, RuleConfig> = {};
    for (const [id, severity] of Object.entries(overrides)) {
      const preset = base.rules[version][id];
      settings[id] = typeof preset === 'object' ? { ...preset, severity } : severity;
    }
    raw[`${version}Rules`] = settings;
  }
  return raw;
}

/** The origin of the lint settings, named in error messages. */
interface SettingsOrigin {
  /** Prefix of every message: the config file and a colon, or nothing. */
  prefix: string;
  extendsKey: string;
  rulesKey: string;
  file?: string;
  locate?: (pointer: string) => { line: number; column: number } | undefined;
}

function describeOrigin(
  configFile: string | undefined,
  locate: LintConfigOptions['locate'],
): SettingsOrigin {
  if (configFile === undefined) return { prefix: '', extendsKey: 'extends', rulesKey: 'rules' };
  return {
    prefix: `${configFile}: `,
    extendsKey: 'lint.extends',
    rulesKey: 'lint.rules',
    file: configFile,
    ...(locate === undefined ? {} : { locate }),
  };
}

/** Builds the error. `key` is the path of the config key it is about, e.g. ['lint', 'rules', id]. */
function configError(
  origin: SettingsOrigin,
  message: string,
  key: readonly string[] = [],
): SpecgateError {
  const pointer = key.map((part) => `/${part.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
  const place = origin.file !== undefined && key.length > 0 ? origin.locate?.(pointer) : undefined;
  const prefix =
    place === undefined ? origin.prefix : `${origin.file}:${place.line}:${place.column}: `;
  return new SpecgateError(
    'CONFIG_INVALID',
    `${prefix}${message}`,
    origin.file === undefined ? {} : { file: origin.file },
  );
}

function expandPreset(name: string, index: number, origin: SettingsOrigin): readonly string[] {
  const expanded = PRESET_EXTENDS[name];
  if (expanded !== undefined) return expanded;
  if (REDOCLY_PRESETS.includes(name)) return [name];
  const pluginPreset = name.startsWith(`${SPECGATE_PLUGIN_ID}/`)
    ? name.slice(SPECGATE_PLUGIN_ID.length + 1)
    : '';
  if (pluginPreset in specgatePresets) return [name];

  const known = [...Object.keys(PRESET_EXTENDS), ...REDOCLY_PRESETS].join(', ');
  throw configError(
    origin,
    `unknown lint preset "${name}" in ${origin.extendsKey}. Use one of: ${known}.`,
    ['lint', 'extends', String(index)],
  );
}

function checkSeverities(rules: Record<string, unknown>, origin: SettingsOrigin): void {
  for (const [name, severity] of Object.entries(rules)) {
    if (typeof severity === 'string' && SEVERITIES.includes(severity)) continue;
    throw configError(
      origin,
      `lint rule "${name}" in ${origin.rulesKey} has severity ${JSON.stringify(severity)}. Use "error", "warn" or "off".`,
      ['lint', 'rules', name],
    );
  }
}

/** Collects every rule id the loaded plugins define for OpenAPI 3.x or Swagger 2.0. */
function knownRuleIds(config: Config): Set<string> {
  const ids = new Set<string>();
  for (const plugin of config.plugins) {
    for (const rules of [plugin.rules?.oas3, plugin.rules?.oas2]) {
      for (const id of Object.keys(rules ?? {})) ids.add(id);
    }
  }
  return ids;
}

function checkRuleNames(
  names: readonly string[],
  known: ReadonlySet<string>,
  origin: SettingsOrigin,
): void {
  for (const name of names) {
    if (known.has(name)) continue;
    const closest = closestName(name, known);
    const hint = closest === undefined ? 'Check the spelling.' : `Did you mean "${closest}"?`;
    throw configError(
      origin,
      `unknown lint rule "${name}" in ${origin.rulesKey}. ${hint} specgate rules are named "specgate/<rule>"; Redocly's built-in rules have no prefix.`,
      ['lint', 'rules', name],
    );
  }
}

function checkRequiredOptions(config: Config, origin: SettingsOrigin): void {
  for (const [id, option] of Object.entries(REQUIRED_RULE_OPTIONS)) {
    for (const settings of Object.values(config.rules)) {
      const setting = settings[id];
      if (setting === undefined || setting === 'off') continue;
      if (typeof setting === 'object' && (setting.severity === 'off' || option in setting))
        continue;
      throw configError(
        origin,
        `lint rule "${id}" in ${origin.rulesKey} is turned on without its required option "${option}", which a severity override cannot set. Turn it off, or extend a preset that configures it.`,
      );
    }
  }
}

/** Finds the known name nearest to `name`, if one is within edit distance 3. */
function closestName(name: string, known: ReadonlySet<string>): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (distance <= 3 && (best === undefined || distance < best.distance)) {
      best = { name: candidate, distance };
    }
  }
  return best?.name;
}

/** Computes the Levenshtein distance one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
