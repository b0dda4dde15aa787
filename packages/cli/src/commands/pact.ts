import path from 'node:path';

import { Command } from 'commander';
import { SpecgateError } from '@specgate/core';
import {
  publishPacts,
  readPacts,
  verifyProvider,
  verifyProviderIsolated,
  type VerifyOptions,
  type ConsumerVersionSelector,
  type VerifyResult,
} from '@specgate/contracts';

import type { CommandContext } from '../command-kit.js';
import {
  brokerConnection,
  gitBranch,
  gitCommit,
  requireBroker,
  withBrokerOptions,
  type BrokerOptions,
} from './broker-options.js';

interface PublishFlags extends BrokerOptions {
  consumerAppVersion?: string;
  branch?: string;
  buildUrl?: string;
  tag: string[];
}

interface VerifyFlags extends BrokerOptions {
  provider: string;
  providerBaseUrl?: string;
  baseUrl?: string;
  providerVersion?: string;
  providerAppVersion?: string;
  branch?: string;
  providerVersionBranch?: string;
  consumerVersionSelectors: string[];
  enablePending?: boolean;
  includeWipPactsSince?: string;
  stateHandlers?: string;
  providerStatesSetupUrl?: string;
  publishVerificationResults?: boolean;
  buildUrl?: string;
  logLevel?: string;
}

/** `specgate pact publish DIR` and `specgate pact verify`. */
export function registerPactCommand(program: Command, context: CommandContext): void {
  const pact = program.command('pact').description('Publish and verify Pact contracts.');

  withBrokerOptions(
    pact.command('publish').argument('<pacts...>', 'pact files or folders, e.g. contracts/pacts'),
  )
    .description('Publish pacts to a Pact Broker or the specgate store.')
    .option(
      '-a, --consumer-app-version <version>',
      'consumer version (default: the git commit SHA)',
    )
    .option('--branch <name>', 'consumer branch (default: the current git branch)')
    .option('--build-url <url>', 'URL of the CI build that made the pacts')
    .option('-t, --tag <tag>', 'version tag; repeat for several', collect, [])
    .action(async (sources: string[], options: PublishFlags) => {
      const { environment } = context;
      const broker = requireBroker(options, 'specgate pact publish');
      const pacts = sources.flatMap((source) => readPacts(path.resolve(environment.cwd, source)));
      if (pacts.length === 0) {
        throw new SpecgateError(
          'USAGE',
          `no pact files (*.json) in ${sources.join(', ')}. Run the consumer tests first.`,
        );
      }
      const version =
        options.consumerAppVersion ?? (await gitCommit(environment.cwd, '--consumer-app-version'));
      const branch = options.branch ?? (await gitBranch(environment.cwd));
      const results = await publishPacts(pacts, {
        broker,
        consumerAppVersion: version,
        branch,
        buildUrl: options.buildUrl,
        tags: options.tag,
      });
      if (options.output === 'json') {
        environment.stdout(
          `${JSON.stringify({ schemaVersion: 1, published: results }, null, 2)}\n`,
        );
      } else {
        for (const result of results) {
          environment.stdout(
            `published ${result.consumer} version ${result.version}${branch ? ` (branch ${branch})` : ''}: pacts with ${result.providers.join(', ')}\n`,
          );
        }
      }
      context.setExit(0);
    });

  withBrokerOptions(
    pact
      .command('verify')
      .argument('[pacts...]', 'local pact files or folders, instead of a broker'),
  )
    .description("Verify a running provider against its consumers' pacts.")
    .requiredOption('--provider <name>', "the provider's pacticipant name")
    .option('--provider-base-url <url>', 'where the provider listens, e.g. http://127.0.0.1:5000')
    .option('--base-url <url>', 'same as --provider-base-url')
    .option('--provider-app-version <version>', 'provider version (default: the git commit SHA)')
    .option('--provider-version <version>', 'same as --provider-app-version')
    .option('--provider-version-branch <name>', 'provider branch (default: the current git branch)')
    .option('--branch <name>', 'same as --provider-version-branch')
    .option(
      '--consumer-version-selectors <json>',
      'a selector as JSON, e.g. \'{"mainBranch":true}\'; repeat for several (default: main branch, deployed or released, matching branch)',
      collect,
      [],
    )
    .option(
      '--enable-pending',
      'failures of pacts not yet verified by this branch do not fail the run',
    )
    .option(
      '--include-wip-pacts-since <date>',
      'also verify work-in-progress pacts published since this date',
    )
    .option(
      '--state-handlers <module>',
      'JS module exporting stateHandlers keyed by provider state',
    )
    .option(
      '--provider-states-setup-url <url>',
      "the provider's state change endpoint, instead of --state-handlers",
    )
    .option('--publish-verification-results', 'publish the results to the broker (in CI)')
    .option('--build-url <url>', 'URL of the CI build, sent with the results')
    .action(async (sources: string[], options: VerifyFlags) => {
      const { environment } = context;
      const baseUrl = options.providerBaseUrl ?? options.baseUrl;
      if (!baseUrl)
        throw new SpecgateError(
          'USAGE',
          'specgate pact verify needs --provider-base-url (or --base-url): where the provider listens.',
        );
      const broker = sources.length > 0 ? null : brokerConnection(options);
      const verifyOptions: VerifyOptions = {
        provider: options.provider,
        providerBaseUrl: baseUrl,
        providerVersion:
          options.providerAppVersion ??
          options.providerVersion ??
          (await gitCommit(environment.cwd, '--provider-app-version')),
        providerBranch:
          options.providerVersionBranch ?? options.branch ?? (await gitBranch(environment.cwd)),
        broker: broker ?? undefined,
        pactSources: sources.map((source) => path.resolve(environment.cwd, source)),
        selectors: parseSelectors(options.consumerVersionSelectors),
        enablePending: options.enablePending === true,
        includeWipPactsSince: options.includeWipPactsSince,
        stateHandlersModule: options.stateHandlers
          ? path.resolve(environment.cwd, options.stateHandlers)
          : undefined,
        stateChangeUrl: options.providerStatesSetupUrl,
        publishVerificationResults: options.publishVerificationResults === true,
        buildUrl: options.buildUrl,
        logLevel: options.debug ? 'debug' : 'error',
      };
      // Pact's native verifier prints its progress, in colour, to file descriptor 1. For JSON it
      // runs in a child process whose output goes to stderr. For text without colour (not a
      // terminal, or NO_COLOR) it runs there too, and its output reaches stdout without escapes.
      const color = environment.isTty && !environment.noColor;
      let result: VerifyResult;
      if (options.output === 'json') {
        result = await verifyProviderIsolated(verifyOptions, environment.stderr);
      } else if (color) {
        result = await verifyProvider(verifyOptions);
      } else {
        const plain = ansiStripper(environment.stdout);
        result = await verifyProviderIsolated(verifyOptions, plain.write);
        plain.end();
      }
      if (options.output === 'json')
        environment.stdout(`${JSON.stringify({ schemaVersion: 1, ...result }, null, 2)}\n`);
      else environment.stdout(renderVerification(result, broker?.url ?? null));
      context.setExit(result.success ? 0 : 1);
    });
}

function parseSelectors(values: string[]): ConsumerVersionSelector[] | undefined {
  if (values.length === 0) return undefined;
  return values.map((value) => {
    try {
      const parsed = JSON.parse(value) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('not an object');
      return parsed as ConsumerVersionSelector;
    } catch {
      throw new SpecgateError(
        'USAGE',
        `--consumer-version-selectors '${value}' is not a JSON object. Write one like '{"mainBranch":true}'.`,
      );
    }
  });
}

/** Renders the verification as text: each failed interaction, with one entry per differing field. */
export function renderVerification(result: VerifyResult, brokerUrl: string | null): string {
  const lines: string[] = [];
  for (const pact of result.pacts) {
    lines.push(
      `pact ${pact.consumer} -> ${result.provider}${pact.pending ? ' (pending)' : ''}${pact.wip ? ' (work in progress)' : ''}`,
    );
  }
  for (const state of result.missingStates) {
    lines.push(
      `missing state handler: "${state}" (its interactions fail; add it to the state handlers module)`,
    );
  }
  for (const failure of result.failures) {
    lines.push('');
    lines.push(
      `FAIL${failure.pending ? ' (pending, not failing the run)' : ''} ${failure.consumer}: ${failure.interaction}${failure.state ? ` [given ${failure.state}]` : ''}`,
    );
    for (const mismatch of failure.mismatches) {
      const values =
        mismatch.expected !== null || mismatch.actual !== null
          ? `\n      expected: ${mismatch.expected ?? '(nothing)'}\n      actual:   ${mismatch.actual ?? '(nothing)'}`
          : '';
      lines.push(`  ${mismatch.path || '(interaction)'}: ${mismatch.message}${values}`);
    }
  }
  lines.push('');
  const counted = `${result.interactions.length} interaction(s), ${result.failures.length} failed`;
  if (result.published === false) {
    lines.push(
      `FAILED: verification results of ${result.provider} ${result.providerVersion} were not published to ${brokerUrl ?? 'the broker'}.`,
    );
  }
  lines.push(
    `${result.success ? 'verified' : 'verification failed'}: ${result.provider} ${result.providerVersion}: ${counted}${result.published ? '; results published' : ''}`,
  );
  return `${lines.join('\n')}\n`;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** ANSI escape sequences: CSI (colours, cursor moves) and two-character escapes. */
const ANSI_ESCAPE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])/g;

/**
 * Returns a writer that removes ANSI escape sequences before passing text on. Text is passed
 * on line by line, so a sequence split between two chunks is still removed; `end` passes on
 * the last unfinished line.
 */
function ansiStripper(write: (text: string) => void): {
  write: (text: string) => void;
  end: () => void;
} {
  let pending = '';
  return {
    write: (text: string) => {
      pending += text;
      const lastNewline = pending.lastIndexOf('\n');
      if (lastNewline === -1) return;
      write(pending.slice(0, lastNewline + 1).replace(ANSI_ESCAPE, ''));
      pending = pending.slice(lastNewline + 1);
    },
    end: () => {
      if (pending !== '') write(pending.replace(ANSI_ESCAPE, ''));
      pending = '';
    },
  };
}
