import { Command } from 'commander';
import { recordDeployment } from '@specgate/contracts';

import type { CommandContext } from '../command-kit.js';
import { requireBroker, withBrokerOptions, type BrokerOptions } from './broker-options.js';

interface Flags extends BrokerOptions {
  pacticipant: string;
  version: string;
  environment: string;
  applicationInstance?: string;
}

/** `specgate record-deployment`: records in the broker that a version is deployed to an environment. */
export function registerRecordDeploymentCommand(program: Command, context: CommandContext): void {
  const command = withBrokerOptions(program.command('record-deployment'))
    .description('Record the deployment of a version to an environment.')
    .requiredOption('-a, --pacticipant <name>', 'the application')
    .requiredOption('-e, --version <version>', 'its version, e.g. the commit SHA')
    .requiredOption('--environment <name>', 'the environment')
    .option('--application-instance <name>', 'which instance, when several run side by side');
  command.action(async (options: Flags) => {
    const result = await recordDeployment({
      broker: requireBroker(options, 'specgate record-deployment'),
      pacticipant: options.pacticipant,
      version: options.version,
      environment: options.environment,
      applicationInstance: options.applicationInstance,
    });
    if (options.output === 'json') {
      context.environment.stdout(`${JSON.stringify({ schemaVersion: 1, ...result }, null, 2)}\n`);
    } else {
      context.environment.stdout(
        `recorded deployment of ${result.pacticipant} ${result.version} to ${result.environment}\n`,
      );
    }
    context.setExit(0);
  });
}
