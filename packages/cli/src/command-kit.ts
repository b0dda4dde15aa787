import { readFileSync } from 'node:fs';

import { Command, Option } from 'commander';
import {
  isCalendarDate,
  loadConfig,
  reporters,
  SpecgateError,
  todayUtc,
  type Finding,
  type Level,
  type ReporterName,
} from '@specgate/core';

import { Logger, type Verbosity } from './logger.js';
import { parseOutputTargets, writeOutputs, type OutputTarget } from './output.js';

/**
 * What every command module shares: the common options, loading the config, and
 * rendering findings to the requested formats. A command lives in commands/ and is
 * registered in main.ts with one call.
 */

export const VERSION = '0.1.0';

/** The process facts the CLI reads, passed in so tests can run it in-process. */
export interface CliEnvironment {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
  noColor: boolean;
  /**
   * Called with the spec files a command is about to compare. It returns a checkpoint that the
   * command calls once they have loaded and after each operation compared. The binary tunes V8
   * for short runs there (see v8-tuning.ts). Tests, which run many commands in one process,
   * leave it out.
   */
  tuneForRun?: (files: readonly string[]) => () => void;
}

export interface CommonOptions {
  format: string[];
  config?: string;
  quiet?: boolean;
  verbose?: boolean;
  debug?: boolean;
  today?: string;
  allowRemote?: boolean;
}

/** The process environment and exit-code setter a command's action gets besides its options. */
export interface CommandContext {
  environment: CliEnvironment;
  /** Sets the process exit code the run ends with (0 pass, 1 findings). */
  setExit: (code: number) => void;
}

export function withCommonOptions(command: Command): Command {
  return command
    .option(
      '-f, --format <name[=file]>',
      'output format: stylish, json, sarif, github, junit, markdown; repeat to write several, e.g. --format sarif=out.sarif',
      collect,
      [],
    )
    .option('-c, --config <file>', 'config file (default: specgate.yaml in the working directory)')
    .option(
      '--today <date>',
      'the day sunset dates and waiver expiries are compared with (YYYY-MM-DD)',
    )
    .option('--allow-remote', 'follow http(s) $refs')
    .addOption(new Option('-q, --quiet', 'print only results and errors').conflicts('verbose'))
    .option('-v, --verbose', 'print progress details to stderr')
    .option('--debug', 'print stack traces of errors');
}

export function failOnOption(): Option {
  return new Option('--fail-on <level>', 'lowest change level that fails the run').choices([
    'error',
    'warning',
    'info',
  ]);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export async function prepare(options: CommonOptions, environment: CliEnvironment) {
  const verbosity: Verbosity = options.debug
    ? 'debug'
    : options.verbose
      ? 'verbose'
      : options.quiet
        ? 'quiet'
        : 'normal';
  const logger = new Logger(verbosity, environment.stderr);
  const targets = parseOutputTargets(options.format, environment.cwd);
  const config = await loadConfig(environment.cwd, options.config);
  const today = options.today ?? config.policy.today ?? todayUtc();
  if (!isCalendarDate(today)) {
    throw new SpecgateError(
      'USAGE',
      `--today "${today}" is not a date. Use the YYYY-MM-DD form, e.g. --today 2026-12-04.`,
    );
  }
  await checkLevelIds(config.diff.levels, config.file);
  await checkPolicyLevelIds(config.policy.levels ?? {}, config.file);
  return { logger, targets, config, today };
}

/** Rejects a `diff.levels` key that names no change, which would otherwise do nothing. */
async function checkLevelIds(levels: Record<string, unknown>, file: string | null): Promise<void> {
  // Listing every change id takes a while, so it is done only for a config that sets levels.
  // The diff package is loaded only then, because lint does not need it.
  if (Object.keys(levels).length === 0) return;
  const { listChangeIds } = await import('@specgate/diff');
  const known = new Set([...listChangeIds().map((entry) => entry.id), 'api-removed']);
  for (const id of Object.keys(levels)) {
    if (known.has(id)) continue;
    throw new SpecgateError(
      'CONFIG_INVALID',
      `${file ?? 'specgate.yaml'}: diff.levels names "${id}", which is not a change id. Fix its spelling; packages/diff/src/change-kinds.ts lists every id.`,
    );
  }
}

/** Rejects a `policy.levels` key that names no policy check. */
async function checkPolicyLevelIds(
  levels: Record<string, unknown>,
  file: string | null,
): Promise<void> {
  if (Object.keys(levels).length === 0) return;
  // Loaded only for a config that sets policy levels: the policy package brings the log router.
  const { listPolicyChecks } = await import('@specgate/policy');
  const known = new Set(listPolicyChecks().map((check) => check.id as string));
  for (const id of Object.keys(levels)) {
    if (known.has(id)) continue;
    throw new SpecgateError(
      'CONFIG_INVALID',
      `${file ?? 'specgate.yaml'}: policy.levels names "${id}", which is not a policy check id. Fix its spelling; packages/policy/README.md lists every id.`,
    );
  }
}

export function warnExpired(
  logger: Logger,
  expired: readonly { fingerprint: string; owner: string; expires: string }[],
): void {
  for (const waiver of expired) {
    logger.warn(
      `waiver ${waiver.fingerprint} (owner ${waiver.owner}) expired on ${waiver.expires}; its finding counts again. Renew or remove it.`,
    );
  }
}

export interface RenderInput {
  command: string;
  findings: Finding[];
  failLevel: Level;
  json: () => object;
  markdownSuffix?: () => string;
}

export async function render(
  targets: OutputTarget[],
  environment: CliEnvironment,
  input: RenderInput,
): Promise<void> {
  const sources = new Map<string, string | undefined>();
  const readSource = (file: string): string | undefined => {
    if (!sources.has(file)) {
      try {
        sources.set(file, readFileSync(`${environment.cwd}/${file}`, 'utf8'));
      } catch {
        sources.set(file, undefined);
      }
    }
    return sources.get(file);
  };
  const outputs = targets.map((target) => {
    if (target.format === 'json') return { target, text: JSON.stringify(input.json(), null, 2) };
    const color = target.file === undefined && environment.isTty && !environment.noColor;
    const reporter = reporters[target.format as ReporterName];
    let text = reporter({
      command: input.command,
      findings: input.findings,
      failLevel: input.failLevel,
      readSource,
      color,
      toolVersion: VERSION,
    });
    if (target.format === 'markdown' && input.markdownSuffix) text += input.markdownSuffix();
    return { target, text };
  });
  await writeOutputs(outputs, environment.stdout);
}
