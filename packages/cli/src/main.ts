import { readFileSync } from 'node:fs';

import { Command, CommanderError, Option } from 'commander';
import {
  isCalendarDate,
  isSpecgateError,
  loadConfig,
  reporters,
  SpecgateError,
  todayUtc,
  type Finding,
  type Level,
  type ReporterName,
} from '@specgate/core';
import { diffToJson, listChangeIds } from '@specgate/diff';

import { changelogFragment } from './changelog-fragment.js';
import { checkToJson, runCheck } from './commands/check.js';
import { diffFails, runDiff } from './commands/diff.js';
import { lintToJson, runLint } from './commands/lint.js';
import { discoverApis } from './discover.js';
import { Logger, type Verbosity } from './logger.js';
import { parseOutputTargets, writeOutputs, type OutputTarget } from './output.js';

/** The process facts the CLI reads, passed in so tests can run it in-process. */
export interface CliEnvironment {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
  noColor: boolean;
}

interface CommonOptions {
  format: string[];
  config?: string;
  quiet?: boolean;
  verbose?: boolean;
  debug?: boolean;
  today?: string;
  allowRemote?: boolean;
}

const VERSION = '0.1.0';

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], environment: CliEnvironment): Promise<number> {
  let exitCode = 0;
  let debug = argv.includes('--debug');
  const program = buildProgram(environment, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (isSpecgateError(error)) {
      environment.stderr(`specgate: error: ${error.message}\n`);
      if (debug && error.cause)
        environment.stderr(`${String((error.cause as Error).stack ?? error.cause)}\n`);
      return 2;
    }
    if (error instanceof RangeError && /call stack/.test(error.message)) {
      environment.stderr(
        'specgate: error: the document is nested too deeply to analyse. Flatten it, or move deep parts into components.\n',
      );
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    environment.stderr(
      `specgate: internal error: ${message}. Rerun with --debug for the stack trace and report it.\n`,
    );
    if (debug) environment.stderr(`${(error as Error).stack ?? ''}\n`);
    debug = false;
    return 2;
  }
}

function buildProgram(environment: CliEnvironment, setExit: (code: number) => void): Command {
  const program = new Command('specgate')
    .description(
      'Governance for HTTP APIs described in OpenAPI: lint, breaking changes, and the CI gate.',
    )
    .version(VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: environment.stdout,
      writeErr: environment.stderr,
      outputError: (text, write) => write(`specgate: error: ${text.replace(/^error: /, '')}`),
    })
    .showHelpAfterError('(run specgate --help for usage)');

  withCommonOptions(
    program
      .command('lint')
      .argument('[specs...]', 'spec files; default: every API in specgate.yaml or under specs/'),
  )
    .description('Lint specs against the governance ruleset.')
    .action(async (specs: string[], options: CommonOptions) => {
      const context = await prepare(options, environment);
      const files =
        specs.length > 0
          ? specs
          : (await discoverApis(context.config, environment.cwd)).map((api) => api.spec);
      if (files.length === 0)
        throw new SpecgateError(
          'USAGE',
          'no spec given and none found: pass a spec file, declare APIs in specgate.yaml, or put specs under specs/.',
        );
      const started = performance.now();
      const report = await runLint(files, {
        cwd: environment.cwd,
        config: context.config,
        today: context.today,
        allowRemote: options.allowRemote === true,
      });
      const elapsed = Math.round(performance.now() - started);
      context.logger.verbose(
        `linted ${files.length} spec(s) in ${elapsed} ms: ${report.findings.length} problem(s)`,
      );
      warnExpired(context.logger, report.expiredWaivers);
      await render(context.targets, environment, {
        command: 'lint',
        findings: report.findings,
        failLevel: 'error',
        json: () => lintToJson(report),
      });
      setExit(
        report.findings.some((finding) => !finding.waived && finding.level === 'error') ? 1 : 0,
      );
    });

  withCommonOptions(
    program
      .command('diff')
      .argument('<base>', 'the older spec')
      .argument('<revision>', 'the newer spec'),
  )
    .description('Report the changes between two versions of a spec, breaking ones first.')
    .addOption(failOnOption())
    .action(
      async (
        basePath: string,
        revisionPath: string,
        options: CommonOptions & { failOn?: Level },
      ) => {
        const context = await prepare(options, environment);
        const started = performance.now();
        const report = await runDiff(basePath, revisionPath, {
          cwd: environment.cwd,
          config: context.config,
          today: context.today,
          allowRemote: options.allowRemote === true,
        });
        const elapsed = Math.round(performance.now() - started);
        context.logger.verbose(
          `compared ${report.base.source} with ${report.revision.source} in ${elapsed} ms: ${report.changes.length} change(s)`,
        );
        warnExpired(context.logger, report.expiredWaivers);
        const failOn = options.failOn ?? context.config.diff.failOn;
        await render(context.targets, environment, {
          command: 'diff',
          findings: report.changes,
          failLevel: failOn,
          json: () => ({ ...diffToJson(report), expiredWaivers: report.expiredWaivers }),
        });
        setExit(diffFails(report, failOn) ? 1 : 0);
      },
    );

  withCommonOptions(program.command('check'))
    .description('The CI gate: lint every API and diff the changed ones against a base revision.')
    .option('--base <ref>', 'git revision to compare with', 'HEAD')
    .option('--all', 'diff every API, not only those whose files changed')
    .addOption(failOnOption())
    .action(async (options: CommonOptions & { base: string; all?: boolean; failOn?: Level }) => {
      const context = await prepare(options, environment);
      const failOn = options.failOn ?? context.config.diff.failOn;
      const report = await runCheck({
        cwd: environment.cwd,
        config: context.config,
        base: options.base,
        all: options.all === true,
        today: context.today,
        allowRemote: options.allowRemote === true,
        failOn,
        logger: context.logger,
      });
      warnExpired(context.logger, report.expiredWaivers);
      for (const api of report.apis) context.logger.verbose(`${api.name}: ${api.status}`);
      await render(context.targets, environment, {
        command: 'check',
        findings: report.findings,
        failLevel: failOn,
        json: () => checkToJson(report, diffToJson),
        markdownSuffix: () => changelogFragment(report.apis),
      });
      setExit(report.summary.failed ? 1 : 0);
    });
  return program;
}

function withCommonOptions(command: Command): Command {
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

function failOnOption(): Option {
  return new Option('--fail-on <level>', 'lowest change level that fails the run').choices([
    'error',
    'warning',
    'info',
  ]);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function prepare(options: CommonOptions, environment: CliEnvironment) {
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
  const today = options.today ?? todayUtc();
  if (!isCalendarDate(today)) {
    throw new SpecgateError(
      'USAGE',
      `--today "${today}" is not a date. Use the YYYY-MM-DD form, e.g. --today 2026-12-04.`,
    );
  }
  checkLevelIds(config.diff.levels, config.file);
  return { logger, targets, config, today };
}

/** Rejects a `diff.levels` key that names no change, which would otherwise do nothing. */
function checkLevelIds(levels: Record<string, unknown>, file: string | null): void {
  const known = new Set([...listChangeIds().map((entry) => entry.id), 'api-removed']);
  for (const id of Object.keys(levels)) {
    if (known.has(id)) continue;
    throw new SpecgateError(
      'CONFIG_INVALID',
      `${file ?? 'specgate.yaml'}: diff.levels names "${id}", which is not a change id. Fix its spelling; packages/diff/src/change-kinds.ts lists every id.`,
    );
  }
}

function warnExpired(
  logger: Logger,
  expired: readonly { fingerprint: string; owner: string; expires: string }[],
): void {
  for (const waiver of expired) {
    logger.warn(
      `waiver ${waiver.fingerprint} (owner ${waiver.owner}) expired on ${waiver.expires}; its finding counts again. Renew or remove it.`,
    );
  }
}

interface RenderInput {
  command: string;
  findings: Finding[];
  failLevel: Level;
  json: () => object;
  markdownSuffix?: () => string;
}

async function render(
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
