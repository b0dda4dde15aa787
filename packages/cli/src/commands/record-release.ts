import { Command } from 'commander';
import { recordRelease } from '@specgate/contracts';

import type { CommandContext } from '../command-kit.js';
import { requireBroker, withBrokerOptions, type BrokerOptions } from './broker-options.js';

interface Flags extends BrokerOptions {
  pacticipant: string;
  version: string;
  environment: string;
}

/** `specgate record-release`: records in the broker that a version is released to an environment. */
export function registerRecordReleaseCommand(program: Command, context: CommandContext): void {
  const command = withBrokerOptions(program.command('record-release'))
    .description('Record the release of a version to an environment.')
    .requiredOption('-a, --pacticipant <name>', 'the application')
    .requiredOption('-e, --version <version>', 'its version, e.g. the commit SHA')
    .requiredOption('--environment <name>', 'the environment');
  command.action(async (options: Flags) => {
    const result = await recordRelease({
      broker: requireBroker(options, 'specgate record-release'),
      pacticipant: options.pacticipant,
      version: options.version,
      environment: options.environment,
    });
    if (options.output === 'json') {
      context.environment.stdout(`${JSON.stringify({ schemaVersion: 1, ...result }, null, 2)}\n`);
    } else {
      context.environment.stdout(
        `recorded release of ${result.pacticipant} ${result.version} to ${result.environment}\n`,
      );
    }
    context.setExit(0);
  });
}
