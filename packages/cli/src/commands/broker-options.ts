import { Command, Option } from 'commander';
import { git, SpecgateError } from '@specgate/core';
import type { BrokerConnection } from '@specgate/contracts';

/**
 * The broker options every contract command shares, named as the official
 * `pact-broker` CLI names them, with the same PACT_BROKER_* variables behind them.
 */
export interface BrokerOptions {
  brokerBaseUrl?: string;
  brokerUrl?: string;
  brokerToken?: string;
  brokerUsername?: string;
  brokerPassword?: string;
  output: 'text' | 'json';
  debug?: boolean;
}

export function withBrokerOptions(command: Command): Command {
  return command
    .option(
      '-b, --broker-base-url <url>',
      'base URL of the Pact Broker or specgate store (env PACT_BROKER_BASE_URL)',
    )
    .addOption(new Option('--broker-url <url>', 'same as --broker-base-url'))
    .option('-k, --broker-token <token>', 'bearer token (env PACT_BROKER_TOKEN)')
    .option('-u, --broker-username <name>', 'basic auth user name (env PACT_BROKER_USERNAME)')
    .option('-p, --broker-password <password>', 'basic auth password (env PACT_BROKER_PASSWORD)')
    .addOption(
      new Option('-o, --output <format>', 'output format')
        .choices(['text', 'json'])
        .default('text'),
    )
    .option('--debug', 'print stack traces of errors');
}

/** Builds the broker connection from the flags or PACT_BROKER_* variables, or returns null when none is set. */
export function brokerConnection(
  options: BrokerOptions,
  env = process.env,
): BrokerConnection | null {
  const url = options.brokerBaseUrl ?? options.brokerUrl ?? env['PACT_BROKER_BASE_URL'];
  if (url === undefined || url === '') return null;
  const token = options.brokerToken ?? env['PACT_BROKER_TOKEN'];
  const username = options.brokerUsername ?? env['PACT_BROKER_USERNAME'];
  const password = options.brokerPassword ?? env['PACT_BROKER_PASSWORD'];
  return {
    url,
    ...(token ? { token } : {}),
    ...(username !== undefined ? { username } : {}),
    ...(password !== undefined ? { password } : {}),
  };
}

/** Like {@link brokerConnection}, for commands that cannot run without a broker. */
export function requireBroker(options: BrokerOptions, flagUse: string): BrokerConnection {
  const connection = brokerConnection(options);
  if (!connection) {
    throw new SpecgateError(
      'USAGE',
      `${flagUse} needs a broker: pass --broker-base-url URL (or --broker-url) or set PACT_BROKER_BASE_URL; specgate broker serve starts a local one.`,
    );
  }
  return connection;
}

/** Reads the current commit SHA, the default version number when none is passed. */
export async function gitCommit(cwd: string, flag: string): Promise<string> {
  try {
    return (await git(cwd, ['rev-parse', 'HEAD'])).trim();
  } catch {
    throw new SpecgateError(
      'USAGE',
      `${flag} is required outside a git repository with commits; pass the version, e.g. the commit SHA.`,
    );
  }
}

/** Reads the current branch name, or returns undefined on a detached HEAD or outside git. */
export async function gitBranch(cwd: string): Promise<string | undefined> {
  try {
    const branch = (await git(cwd, ['rev-parse', '--abbrev-ref', 'HEAD'])).trim();
    return branch === 'HEAD' || branch === '' ? undefined : branch;
  } catch {
    return undefined;
  }
}

/** Reads a whole-number flag, refusing anything else. */
export function wholeNumber(flag: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) {
      throw new SpecgateError('USAGE', `${flag} "${value}" is not a whole number.`);
    }
    return Number(value);
  };
}
