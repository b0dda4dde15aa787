import path from 'node:path';

import {
  applyWaivers,
  displayPathOf,
  loadSpec,
  readSourceFile,
  summarize,
  type SourceFile,
  type Finding,
  type SpecDocument,
  type SpecgateConfig,
  type Summary,
  type Waiver,
} from '@specgate/core';

/** The result of `specgate lint` before rendering. */
export interface LintReport {
  findings: Finding[];
  expiredWaivers: Waiver[];
  summary: Summary;
}

/** Options of a lint run. */
export interface LintRunOptions {
  cwd: string;
  config: SpecgateConfig;
  today: string;
  allowRemote: boolean;
}

/**
 * Lints spec files with the configured ruleset. Each spec is loaded first, so a
 * file that is missing, invalid or not OpenAPI gets specgate's one-line error
 * before the lint engine reads it.
 */
export async function runLint(
  specs: readonly string[],
  options: LintRunOptions,
): Promise<LintReport> {
  const findings: Finding[] = [];
  for (const spec of specs) findings.push(...(await lintOne(spec, options)));
  const waived = applyWaivers(findings, options.config.waivers, options.today);
  return {
    findings: waived.findings,
    expiredWaivers: waived.expired,
    summary: summarize(waived.findings),
  };
}

const configSources = new WeakMap<SpecgateConfig, Promise<SourceFile | undefined>>();

/**
 * Reads the config file again, once per config, so lint errors can name a key's line. Returns
 * undefined for an empty file, because it contains no keys.
 */
function configSource(
  config: SpecgateConfig,
  displayPath: string,
): Promise<SourceFile | undefined> {
  let source = configSources.get(config);
  if (source === undefined) {
    source = readSourceFile(config.file ?? '', displayPath).catch(() => undefined);
    configSources.set(config, source);
  }
  return source;
}

/** Lints one spec and returns its problems. */
export async function lintOne(
  specPath: string,
  options: Omit<LintRunOptions, 'today'>,
  loaded?: SpecDocument,
): Promise<Finding[]> {
  const spec = path.resolve(options.cwd, specPath);
  const document =
    loaded ?? (await loadSpec(spec, { cwd: options.cwd, allowRemote: options.allowRemote }));
  // Loaded on first use: the lint engine takes over a second to import, and diff never needs it.
  const { lintSpec } = await import('@specgate/lint');
  const lintOptions: NonNullable<Parameters<typeof lintSpec>[1]> = {
    rules: options.config.lint.rules,
    preloaded: [...document.files.values()].map((file) => ({
      path: file.path,
      text: file.text,
      data: file.data,
    })),
    displayPath: (absolutePath: string) => displayPathOf(absolutePath, options.cwd),
  };
  if (options.config.lint.extends) lintOptions.extends = options.config.lint.extends;
  if (options.config.file !== null) {
    lintOptions.configFile = displayPathOf(options.config.file, options.cwd);
    const source = await configSource(options.config, lintOptions.configFile);
    if (source !== undefined) lintOptions.locate = (pointer) => source.locate(pointer);
  }
  const result = await lintSpec(spec, lintOptions);
  return result.findings;
}

/** Builds the stable JSON document that `specgate lint --format json` prints (schemaVersion 1). */
export function lintToJson(report: LintReport): object {
  return {
    schemaVersion: 1,
    problems: report.findings.map((finding) => ({
      ruleId: finding.id,
      severity: finding.level === 'error' ? 'error' : 'warn',
      message: finding.message,
      file: finding.location?.file ?? null,
      pointer: finding.location?.pointer ?? null,
      line: finding.location?.line ?? null,
      column: finding.location?.column ?? null,
      endLine: finding.location?.endLine ?? null,
      endColumn: finding.location?.endColumn ?? null,
      operation: finding.operation ?? null,
      fingerprint: finding.fingerprint,
      ...(finding.waived ? { waived: finding.waived } : {}),
    })),
    expiredWaivers: report.expiredWaivers,
    summary: report.summary,
  };
}
