import { Command, CommanderError } from 'commander';
import { isSpecgateError, SpecgateError, type Level } from '@specgate/core';

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
import type { CheckCommandOptions } from './commands/check.js';
import { discoverApis } from './discover.js';

export type { CliEnvironment } from './command-kit.js';

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], environment: CliEnvironment): Promise<number> {
  let exitCode = 0;
  let debug = argv.includes('--debug');
  try {
    const program = buildProgram(environment, (code) => {
      exitCode = code;
    });
    await registerModules(program, { environment, setExit: (code) => (exitCode = code) }, argv);
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
    // Program options only before the command, so commands may take --version as the
    // pact-broker CLI does (e.g. can-i-deploy --version SHA).
    .enablePositionalOptions()
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
      if (specs.includes('')) {
        throw new SpecgateError('USAGE', 'a spec path is empty. Pass the path of an OpenAPI file.');
      }
      // NOTE: lint reads local files only; `diff --allow-remote` fetches a spec at a URL.
      const url = specs.find((spec) => /^[a-z][a-z0-9+.-]*:\/\//i.test(spec));
      if (url !== undefined) {
        throw new SpecgateError(
          'USAGE',
          `${url}: lint reads local files only. Download the spec and pass its path.`,
          { file: url },
        );
      }
      const files =
        specs.length > 0
          ? specs
          : (await discoverApis(context.config, environment.cwd)).map((api) => api.spec);
      if (files.length === 0)
        throw new SpecgateError(
          'USAGE',
          'no spec given and none found: pass a spec file, declare APIs in specgate.yaml, or put specs under specs/.',
        );
      const started = Date.now();
      const { lintToJson, runLint } = await import('./commands/lint.js');
      const report = await runLint(files, {
        cwd: environment.cwd,
        config: context.config,
        today: context.today,
        allowRemote: options.allowRemote === true,
      });
      const elapsed = Math.round(Date.now() - started);
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
        const started = Date.now();
        const { diffFails, diffToJson, runDiff } = await import('./commands/diff.js');
        const report = await runDiff(basePath, revisionPath, {
          cwd: environment.cwd,
          config: context.config,
          today: context.today,
          allowRemote: options.allowRemote === true,
          checkpoint: environment.tuneForRun?.([basePath, revisionPath]),
        });
        const elapsed = Math.round(Date.now() - started);
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
    .option('--traffic <file>', 'traffic report JSON from specgate sunset scan, for removal checks')
    .addOption(failOnOption())
    .option('--broker-url <url>', 'record the pact check in this broker (env PACT_BROKER_BASE_URL)')
    .option('--provider-version <version>', 'the version the pact check is recorded for')
    .option('--branch <name>', 'the branch of that version')
    .action(async (options: CheckFlags) => {
      // Each command imports its own module when it runs, so no command loads another's libraries.
      const { checkToJson, readTraffic, runCheck } = await import('./commands/check.js');
      const { diffToJson } = await import('./commands/diff.js');
      const { brokerConnection } = await import('./commands/broker-options.js');
      const { contractRecording } = await import('./commands/check-contracts.js');
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
        traffic: options.traffic ? await readTraffic(options.traffic, environment.cwd) : null,
        contracts: contractRecording(
          brokerConnection({
            ...(options.brokerUrl ? { brokerUrl: options.brokerUrl } : {}),
            output: 'text',
          }),
          options.providerVersion,
          options.branch,
          { brokerFromFlag: options.brokerUrl !== undefined, logger: context.logger },
        ),
      });
      warnExpired(context.logger, report.expiredWaivers);
      for (const api of report.apis) context.logger.verbose(`${api.name}: ${api.status}`);
      // The changelog renderer is loaded only for a Markdown report, the one that shows it.
      const fragment = context.targets.some((target) => target.format === 'markdown')
        ? (await import('./changelog-fragment.js')).changelogFragment
        : undefined;
      await render(context.targets, environment, {
        command: 'check',
        findings: report.findings,
        failLevel: failOn,
        json: () => checkToJson(report, diffToJson),
        ...(fragment ? { markdownSuffix: () => fragment(report.apis) } : {}),
      });
      setExit(report.summary.failed ? 1 : 0);
    });
  return program;
}

type CheckFlags = CheckCommandOptions & {
  brokerUrl?: string;
  providerVersion?: string;
  branch?: string;
};

/** Registers a command on the program; each one's module exports one of these. */
type RegisterCommand = (program: Command, context: CommandContext) => void;

/**
 * Command modules, with the command names each registers. A module is imported only when
 * one of its commands runs, or for help, so no command pays for another's libraries.
 */
const COMMAND_MODULES: { names: string[]; load: () => Promise<RegisterCommand> }[] = [
  {
    names: ['changelog'],
    load: async () => (await import('./commands/changelog.js')).registerChangelogCommand,
  },
  {
    names: ['portal'],
    load: async () => (await import('./commands/portal.js')).registerPortalCommand,
  },
  {
    names: ['generate'],
    load: async () => (await import('./commands/generate.js')).registerGenerateCommand,
  },
  {
    names: ['mock'],
    load: async () => (await import('./commands/mock.js')).registerMockCommand,
  },
  {
    names: ['pact'],
    load: async () => (await import('./commands/pact.js')).registerPactCommand,
  },
  {
    names: ['broker'],
    load: async () => (await import('./commands/broker.js')).registerBrokerCommand,
  },
  {
    names: ['can-i-deploy'],
    load: async () => (await import('./commands/can-i-deploy.js')).registerCanIDeployCommand,
  },
  {
    names: ['record-deployment'],
    load: async () =>
      (await import('./commands/record-deployment.js')).registerRecordDeploymentCommand,
  },
  {
    names: ['record-release'],
    load: async () => (await import('./commands/record-release.js')).registerRecordReleaseCommand,
  },
  {
    names: ['sunset'],
    load: async () => (await import('./commands/sunset.js')).registerSunsetCommand,
  },
];

async function registerModules(
  program: Command,
  context: CommandContext,
  argv: readonly string[],
): Promise<void> {
  const name = argv.find((argument) => !argument.startsWith('-'));
  // --version needs no command at all.
  if (name === undefined && (argv.includes('--version') || argv.includes('-V'))) return;
  const own = COMMAND_MODULES.filter((module) => name !== undefined && module.names.includes(name));
  const isBuiltIn =
    name !== undefined && program.commands.some((command) => command.name() === name);
  // Help, an unknown command or none at all needs every command, to list or suggest them.
  const modules = own.length > 0 || isBuiltIn ? own : COMMAND_MODULES;
  for (const module of modules) (await module.load())(program, context);
}
