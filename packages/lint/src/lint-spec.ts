import path from 'node:path';

import {
  lintDocument,
  type BaseResolver,
  type Config,
  type Document,
  type NormalizedProblem,
  Source,
} from '@redocly/openapi-core';
import { compareFindings, SpecgateError, type Finding } from '@specgate/core';

import { createLintConfig, type RuleOverride } from './lint-config.js';
import { loadRootDocument } from './load-root-document.js';
import { LocalResolver } from './local-resolver.js';
import { OperationIndex } from './operation-index.js';
import { problemToFinding } from './problem-to-finding.js';
import { SourceLocations } from './source-locations.js';

/** Options of one lint run. */
export interface LintOptions {
  /**
   * Presets to extend, default `['specgate']` (Redocly's `recommended` plus the specgate rules).
   * Also accepted: `specgate-strict`, Redocly's own presets, and `specgate/<plugin preset>`.
   */
  extends?: string[];
  /**
   * Per-rule severity overrides, e.g. `{ 'specgate/path-version-prefix': 'off' }`. Unknown
   * rule names raise SpecgateError('CONFIG_INVALID') naming the rule.
   */
  rules?: Record<string, RuleOverride>;
  /** The config file `extends` and `rules` come from, named in configuration errors. */
  configFile?: string;
  /** Finds a key of the config file by JSON pointer, so configuration errors give its line. */
  locate?: (pointer: string) => { line: number; column: number } | undefined;
  /** Turns an absolute file path into the path shown to users (default: as is). */
  displayPath?: (absolutePath: string) => string;
  /** Fetch http(s) `$ref`s; without it they are reported by `no-unresolved-refs`. Default false. */
  allowRemote?: boolean;
  /**
   * Files the caller already read and parsed, by absolute path, so Redocly does not read
   * and parse them again. Their data must not be changed afterwards.
   */
  preloaded?: Iterable<PreloadedFile>;
}

/** A spec file read and parsed before the lint run. */
export interface PreloadedFile {
  path: string;
  text: string;
  data: unknown;
}

/** Findings of one lint run, sorted by level, file, line and rule id. */
export interface LintResult {
  findings: Finding[];
}

/**
 * Lints an OpenAPI 3.x or Swagger 2.0 document and every file its `$ref`s reach with Redocly,
 * in-process, and returns the problems as findings. No `.redocly.lint-ignore.yaml` is read
 * (specgate waivers accept findings instead); a problem Redocly still marks as ignored is
 * dropped. Raises SpecgateError for an invalid configuration or a root file that is missing,
 * unreadable, empty or not OpenAPI.
 */
export async function lintSpec(rootFile: string, options: LintOptions = {}): Promise<LintResult> {
  const displayPath = options.displayPath ?? ((absolutePath: string) => absolutePath);
  const config = await createLintConfig(options);
  const resolver = new LocalResolver(config.resolve, options.allowRemote === true);
  for (const file of options.preloaded ?? []) {
    // Redocly drops carriage returns when it reads a file itself, so the text matches that.
    const source = new Source(file.path, file.text.replace(/\r\n/g, '\n'));
    resolver.cache.set(file.path, Promise.resolve({ source, parsed: file.data }));
  }

  const absolutePath = path.resolve(rootFile);
  const document = await loadRootDocument(resolver, absolutePath, displayPath(absolutePath));
  const problems = await runRedocly(document, config, resolver, displayPath(absolutePath));

  const files = await readFiles(resolver);
  const context = {
    displayPath,
    documents: new Map([...files].map(([file, read]) => [file, read.parsed])),
    operations: await OperationIndex.build(document, resolver),
    locations: new SourceLocations((file) => files.get(file)?.text),
  };
  const findings = problems
    .filter((problem: NormalizedProblem) => problem.ignored !== true)
    .map((problem) => problemToFinding(problem, context));
  return { findings: findings.sort(compareFindings) };
}

/** Runs Redocly's lint; a rule that throws is a defect, reported with the file it failed on. */
async function runRedocly(
  document: Document,
  config: Config,
  resolver: BaseResolver,
  shownPath: string,
): Promise<NormalizedProblem[]> {
  try {
    return await lintDocument({ document, config, externalRefResolver: resolver });
  } catch (error) {
    if (error instanceof RangeError && /call stack/.test(error.message)) {
      throw new SpecgateError(
        'INVALID_DOCUMENT',
        `${shownPath}: its $ref chains or nesting go too deep for the lint engine (Redocly ran out of stack). Shorten the longest chain of schemas that reference each other in sequence.`,
        { file: shownPath, cause: error },
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Redocly lint failed on ${document.source.absoluteRef}: ${reason}`, {
      cause: error,
    });
  }
}

/** Collects the text and parsed content of every file the resolver read, by absolute path. Failed reads are left out. */
async function readFiles(
  resolver: BaseResolver,
): Promise<Map<string, { text: string; parsed: unknown }>> {
  const files = new Map<string, { text: string; parsed: unknown }>();
  for (const [absoluteRef, pending] of resolver.cache) {
    const document = await pending.catch(() => undefined);
    if (document !== undefined && !(document instanceof Error)) {
      files.set(absoluteRef, { text: document.source.body, parsed: document.parsed });
    }
  }
  return files;
}
