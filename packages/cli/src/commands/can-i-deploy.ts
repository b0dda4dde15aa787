import { Command } from 'commander';
import { canIDeploy } from '@specgate/contracts';

import type { CommandContext } from '../command-kit.js';
import {
  requireBroker,
  wholeNumber,
  withBrokerOptions,
  type BrokerOptions,
} from './broker-options.js';

interface Flags extends BrokerOptions {
  pacticipant: string;
  version: string;
  toEnvironment: string;
  retryWhileUnknown?: number;
  retryInterval?: number;
  dryRun?: boolean;
}

/** `specgate can-i-deploy`: exit 0 when the version may go to the environment, 1 when not. */
export function registerCanIDeployCommand(program: Command, context: CommandContext): void {
  withBrokerOptions(program.command('can-i-deploy'))
    .description('Tell whether a version may be deployed to an environment (exit 0 yes, 1 no).')
    .requiredOption('-a, --pacticipant <name>', 'the application to deploy')
    .requiredOption('-e, --version <version>', 'its version, e.g. the commit SHA')
    .requiredOption('--to-environment <name>', 'the environment to deploy to')
    .option(
      '--retry-while-unknown <times>',
      'ask again this many times while results are missing',
      wholeNumber('--retry-while-unknown'),
    )
    .option(
      '--retry-interval <seconds>',
      'seconds between those tries (default 10)',
      wholeNumber('--retry-interval'),
    )
    .option('--dry-run', 'print the answer but always exit 0')
    .action(async (options: Flags) => {
      const result = await canIDeploy({
        broker: requireBroker(options, 'specgate can-i-deploy'),
        pacticipant: options.pacticipant,
        version: options.version,
        environment: options.toEnvironment,
        ...(options.retryWhileUnknown !== undefined
          ? { retryWhileUnknown: options.retryWhileUnknown }
          : {}),
        ...(options.retryInterval !== undefined ? { retryInterval: options.retryInterval } : {}),
      });
      const answer = answerOf(result.deployable);
      if (options.output === 'json') {
        context.environment.stdout(
          `${JSON.stringify({ schemaVersion: 1, answer, ...result }, null, 2)}\n`,
        );
      } else {
        const lines = result.matrix.map(
          (row) =>
            `  ${row.consumer.name} ${row.consumer.version?.number ?? '?'} -> ${row.provider.name} ${row.provider.version?.number ?? '(none)'}: ${
              row.verificationResult === null
                ? 'no result'
                : row.verificationResult.success
                  ? 'verified'
                  : 'failed'
            }`,
        );
        context.environment.stdout(
          `${[`can-i-deploy ${result.pacticipant} ${result.version} to ${result.environment}: ${answer}`, ...lines, result.reason].join('\n')}\n`,
        );
      }
      context.setExit(result.deployable === true || options.dryRun ? 0 : 1);
    });
}

/** Names the matrix verdict: null means a verification result is still missing. */
function answerOf(deployable: boolean | null): 'yes' | 'no' | 'unknown' {
  if (deployable === null) return 'unknown';
  return deployable ? 'yes' : 'no';
}
