import { readFileSync } from 'node:fs';
import path from 'node:path';

import {
  applyWaivers,
  displayPathOf,
  loadSpec,
  SourceFile,
  summarize,
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

/**
 * Returns a function that finds a key of the config file by JSON pointer. The file is read
 * again only when a lint configuration error needs a line, which is rare.
 */
function configLocator(
  file: string,
  displayPath: string,
): (pointer: string) => { line: number; column: number } | undefined {
  let source: SourceFile | null | undefined;
  return (pointer) => {
    if (source === undefined) {
      try {
        source = new SourceFile({ path: file, displayPath, text: readFileSync(file, 'utf8') });
      } catch {
        source = null;
      }
    }
    return source?.locate(pointer);
  };
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
    lintOptions.locate = configLocator(options.config.file, lintOptions.configFile);
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
