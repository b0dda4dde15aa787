import { statSync } from 'node:fs';
import path from 'node:path';

import type { ErrorObject } from 'ajv';

import { isCalendarDate } from './calendar-date.js';
import { SpecgateError } from './errors.js';
import { childPointer, getAtPointer, parsePointer } from './pointer.js';
import { asRecord } from './spec-node.js';
import type { Level } from './finding.js';
import { readSourceFile, type SourceFile } from './source-file.js';
import type { LineColumn } from './text-locator.js';

/** Stability of an API, from least to most committed. */
export type Stability = 'draft' | 'alpha' | 'beta' | 'stable' | 'deprecated';

/** One API the repository governs. */
export interface ApiConfig {
  name: string;
  /** Root spec file, absolute. */
  spec: string;
  owner?: string;
  stability?: Stability;
}

/** An accepted finding: it is reported as waived until its expiry date. */
export interface Waiver {
  fingerprint: string;
  id?: string;
  reason: string;
  owner: string;
  /** Last day (YYYY-MM-DD) the waiver applies. */
  expires: string;
}

/** A value per stability level, as `specgate.yaml` may set it. */
export type PerStability<T> = Partial<Record<'draft' | 'alpha' | 'beta' | 'stable', T>>;

/**
 * The `policy` section of `specgate.yaml` as written, validated but not merged with
 * presets and defaults; @specgate/policy resolves it.
 */
export interface PolicySettings {
  presets?: string[];
  today?: string;
  extensions?: Partial<
    Record<
      'sunset' | 'deprecatedAt' | 'stability' | 'replacedBy' | 'migrationGuide' | 'sinceDate',
      string[]
    >
  >;
  stability?: { default?: string; enforceFrom?: string };
  deprecation?: {
    requireSunset?: PerStability<boolean>;
    requireDeprecatedAt?: PerStability<boolean>;
    minNoticeDays?: PerStability<number>;
    maxNoticeDays?: number | null;
    minNoticeFromToday?: boolean;
    backdateToleranceDays?: number;
  };
  removal?: { requireNoTrafficDays?: number };
  versioning?: {
    scheme?: 'path' | 'header' | 'query' | 'none';
    pathPattern?: string;
    supersededSupportDays?: number;
    previewMaxAgeDays?: number;
  };
  levels?: Record<string, Level | 'off'>;
}

/** The validated contents of `specgate.yaml`. */
export interface SpecgateConfig {
  /** Absolute path of the config file, or null when defaults are used. */
  file: string | null;
  /** Directory relative paths in the config are resolved against. */
  directory: string;
  apis: ApiConfig[];
  lint: { extends?: string[]; rules: Record<string, 'error' | 'warn' | 'off'> };
  diff: { failOn: Level; levels: Record<string, Level | 'off'> };
  policy: PolicySettings;
  waivers: Waiver[];
}

/** Names of the config file looked for in the working directory. */
export const CONFIG_FILE_NAMES = ['specgate.yaml', 'specgate.yml'];

/**
 * Loads and validates a config file: the given path, else `specgate.yaml` in `cwd`,
 * else the defaults (no APIs declared).
 */
export async function loadConfig(cwd: string, configPath?: string): Promise<SpecgateConfig> {
  const file = configPath ? path.resolve(cwd, configPath) : await findConfig(cwd);
  if (!file) return defaultConfig(cwd);
  const displayPath = path.relative(cwd, file) || file;
  const source = await readSourceFile(file, displayPath).catch((error: unknown) => {
    // An empty or comment-only config file means the defaults.
    if (error instanceof SpecgateError && error.code === 'EMPTY_FILE') return null;
    throw error;
  });
  if (!source) return { ...defaultConfig(path.dirname(file)), file };
  await validate(source);
  checkSemantics(source);
  return toConfig(source, path.dirname(file));
}

/**
 * Formats the place of a config value, e.g. `/apis/1/spec`, as `specgate.yaml:LINE:COL` for an
 * error about it. Returns the file's name alone when the file cannot be read again.
 */
export async function configPlace(
  config: SpecgateConfig,
  pointer: string,
  cwd: string,
): Promise<string> {
  if (config.file === null) return 'the config';
  const displayPath = path.relative(cwd, config.file) || config.file;
  try {
    const place = (await readSourceFile(config.file, displayPath)).locate(pointer);
    return `${displayPath}:${place.line}:${place.column}`;
  } catch {
    return displayPath;
  }
}

async function findConfig(cwd: string): Promise<string | null> {
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = path.join(cwd, name);
    if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
  }
  return null;
}

/** Returns the configuration used when no config file exists. */
export function defaultConfig(cwd: string): SpecgateConfig {
  return {
    file: null,
    directory: cwd,
    apis: [],
    lint: { rules: {} },
    diff: { failOn: 'error', levels: {} },
    policy: {},
    waivers: [],
  };
}

/** ajv's validator for CONFIG_SCHEMA, compiled ahead of time (scripts/config-validator.mjs). */
interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

async function validate(source: SourceFile): Promise<void> {
  // Compiling the schema with ajv at run time took about a third of a second. The generated
  // validator is loaded only when a config file exists.
  const compiled = (await import('./config-validator.generated.js')).validate as CompiledValidator;
  const data = configData(source);
  if (compiled(data)) return;
  const error = pickError(compiled.errors ?? []);
  const extraKey =
    error.keyword === 'additionalProperties'
      ? (error.params as Record<string, unknown>)['additionalProperty']
      : undefined;
  const pointer =
    typeof extraKey === 'string' ? childPointer(error.instancePath, extraKey) : error.instancePath;
  const place = source.locate(pointer);
  throw new SpecgateError(
    'CONFIG_INVALID',
    `${source.displayPath}:${place.line}:${place.column}: ${quotedFix(source, error, place) ?? describeError(error)}`,
    { file: source.displayPath },
  );
}

/**
 * Builds the message for a number or boolean where a string belongs, such as
 * `fingerprint: 0000000000000000`, which YAML reads as the number 0. The fix it gives is the
 * text as written on that line, in quotes.
 */
function quotedFix(source: SourceFile, error: ErrorObject, place: LineColumn): string | undefined {
  if (error.keyword !== 'type' || (error.params as Record<string, unknown>)['type'] !== 'string') {
    return undefined;
  }
  const value = getAtPointer(source.data, error.instancePath);
  if (typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  const key = parsePointer(error.instancePath).at(-1) ?? '';
  const line = source.text.split(/\r?\n/)[place.line - 1] ?? '';
  const written = /^[^:]*:\s*([^\s#,}\]]+)/.exec(line.slice(place.column - 1))?.[1];
  const text = written ?? String(value);
  const where = configPathOf(error.instancePath);
  const fix = /^\d+$/.test(key) ? `"${text}"` : `${key}: "${text}"`;
  return `${where} must be a string; quote it: ${fix}.`;
}

/**
 * Returns the config's data with unquoted YAML dates (`expires: 2027-01-31`, which YAML
 * reads as a timestamp) turned back into YYYY-MM-DD strings.
 */
function configData(source: SourceFile): unknown {
  const data = withPolicyToday(source.data ?? {});
  const waivers = asRecord(data)?.['waivers'];
  if (!Array.isArray(waivers)) return data;
  return {
    ...(data as object),
    waivers: waivers.map((waiver: unknown) => {
      const record = asRecord(waiver);
      const expires = record?.['expires'];
      return expires instanceof Date
        ? { ...record, expires: expires.toISOString().slice(0, 10) }
        : waiver;
    }),
  };
}

function withPolicyToday(data: unknown): unknown {
  const policy = asRecord(asRecord(data)?.['policy']);
  const today = policy?.['today'];
  if (!(today instanceof Date)) return data;
  return { ...(data as object), policy: { ...policy, today: today.toISOString().slice(0, 10) } };
}

/** Checks what the schema cannot: real expiry dates and API names used once. */
function checkSemantics(source: SourceFile): void {
  const data = configData(source) as {
    apis?: { name: string }[];
    waivers?: { expires: unknown }[];
  };
  (data.waivers ?? []).forEach((waiver, index) => {
    if (isCalendarDate(String(waiver.expires))) return;
    const place = source.locate(`/waivers/${index}/expires`);
    throw new SpecgateError(
      'CONFIG_INVALID',
      `${source.displayPath}:${place.line}:${place.column}: waivers[${index}].expires "${String(waiver.expires)}" is not a real date. Use YYYY-MM-DD.`,
      { file: source.displayPath },
    );
  });
  checkPolicySemantics(source);
  const names = new Set<string>();
  (data.apis ?? []).forEach((api, index) => {
    if (!names.has(api.name)) {
      names.add(api.name);
      return;
    }
    const place = source.locate(`/apis/${index}/name`);
    throw new SpecgateError(
      'CONFIG_INVALID',
      `${source.displayPath}:${place.line}:${place.column}: apis[${index}].name "${api.name}" is already used by another API. Give each API its own name.`,
      { file: source.displayPath },
    );
  });
}

/** Checks that `policy.today` is a real day and `policy.versioning.pathPattern` compiles. */
function checkPolicySemantics(source: SourceFile): void {
  const policy = (configData(source) as { policy?: PolicySettings }).policy;
  const fail = (pointer: string, message: string): never => {
    const place = source.locate(pointer);
    throw new SpecgateError(
      'CONFIG_INVALID',
      `${source.displayPath}:${place.line}:${place.column}: ${message}`,
      { file: source.displayPath },
    );
  };
  if (policy?.today !== undefined && !isCalendarDate(policy.today)) {
    fail('/policy/today', `policy.today "${policy.today}" is not a real date. Use YYYY-MM-DD.`);
  }
  const pattern = policy?.versioning?.pathPattern;
  if (pattern === undefined) return;
  try {
    new RegExp(pattern);
  } catch {
    fail(
      '/policy/versioning/pathPattern',
      `policy.versioning.pathPattern "${pattern}" is not a valid regular expression. Fix it, e.g. "^/v(?<major>[0-9]+)(?:/|$)".`,
    );
  }
}

/** Prefers the most specific error: one about a key or value over a generic type error. */
function pickError(errors: ErrorObject[]): ErrorObject {
  const ranked = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length);
  return ranked[0] as ErrorObject;
}

/** The YAML form of a value of each JSON Schema type, named in type errors. */
const TYPE_FORMS: Record<string, string> = {
  array: 'a list; write each item on its own line after `- `',
  object: 'a mapping; write each entry as `key: value` on its own line',
  string: 'text; quote it if it looks like a number, a date or true/false',
  number: 'a number, without quotes',
  integer: 'a whole number, without quotes',
  boolean: 'true or false, without quotes',
};

function describeError(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the top level' : configPathOf(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const allowed = Object.keys(asRecord(asRecord(error.parentSchema)?.['properties']) ?? {});
      const listing = allowed.length > 0 ? ` Allowed keys: ${allowed.join(', ')}.` : '';
      return `unknown key "${String(params['additionalProperty'])}" in ${where}. Remove it or fix its spelling.${listing}`;
    }
    case 'enum':
      return `${where} must be one of ${(params['allowedValues'] as unknown[]).join(', ')}.`;
    case 'required':
      return `${where} is missing the required key "${String(params['missingProperty'])}".`;
    case 'pattern':
      return `${where} does not match the expected form (${String(params['pattern'])}).`;
    case 'type':
      return `${where} must be ${TYPE_FORMS[String(params['type'])] ?? String(params['type'])}.`;
    default:
      return `${where} ${error.message ?? 'is invalid'}.`;
  }
}

/** Turns a pointer into the dotted form users write, e.g. `/apis/0/stability` → `apis[0].stability`. */
function configPathOf(pointer: string): string {
  let text = '';
  for (const segment of parsePointer(pointer)) {
    if (/^\d+$/.test(segment)) text += `[${segment}]`;
    else if (text === '') text = segment;
    else text += `.${segment}`;
  }
  return text;
}

function toConfig(source: SourceFile, directory: string): SpecgateConfig {
  const raw = configData(source) as {
    apis?: { name: string; spec: string; owner?: string; stability?: Stability }[];
    lint?: { extends?: string[]; rules?: Record<string, 'error' | 'warn' | 'off'> };
    diff?: { failOn?: Level; levels?: Record<string, Level | 'off'> };
    policy?: PolicySettings;
    waivers?: Waiver[];
  };
  const apis = (raw.apis ?? []).map((api) => ({ ...api, spec: path.resolve(directory, api.spec) }));
  const lint: SpecgateConfig['lint'] = { rules: raw.lint?.rules ?? {} };
  if (raw.lint?.extends) lint.extends = raw.lint.extends;
  return {
    file: source.path,
    directory,
    apis,
    lint,
    diff: { failOn: raw.diff?.failOn ?? 'error', levels: raw.diff?.levels ?? {} },
    policy: raw.policy ?? {},
    waivers: (raw.waivers ?? []).map((waiver) => ({ ...waiver, expires: String(waiver.expires) })),
  };
}
