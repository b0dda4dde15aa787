import { Command, CommanderError } from 'commander';
import { isSpecgateError, SpecgateError, type Level } from '@specgate/core';
import { diffToJson } from '@specgate/diff';

import { changelogFragment } from './changelog-fragment.js';
import {
  failOnOption,
  prepare,
  render,
  VERSION,
  warnExpired,
  withCommonOptions,
  type CliEnvironment,
  type CommandContext,
  type CommonOptions,
} from './command-kit.js';
import { checkToJson, runCheck } from './commands/check.js';
import { diffFails, runDiff } from './commands/diff.js';
import { lintToJson, runLint } from './commands/lint.js';
import { registerMockCommand } from './commands/mock.js';
import { discoverApis } from './discover.js';

export type { CliEnvironment } from './command-kit.js';

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
  const context: CommandContext = { environment, setExit };
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
  // Commands that live in their own modules register here, one call each.
  for (const register of COMMANDS) register(program, context);
  return program;
}

/** Registers a command on the program; each one's module exports one of these. */
type RegisterCommand = (program: Command, context: CommandContext) => void;

const COMMANDS: RegisterCommand[] = [registerMockCommand];
