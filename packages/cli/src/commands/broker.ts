import path from 'node:path';

import { Command } from 'commander';
import { createEnvironment, startBroker } from '@specgate/contracts';

import type { CommandContext } from '../command-kit.js';
import {
  requireBroker,
  wholeNumber,
  withBrokerOptions,
  type BrokerOptions,
} from './broker-options.js';

/**
 * `specgate broker serve`: the embedded contract store on 127.0.0.1, until stopped.
 * `specgate broker create-environment`: creates an environment in any broker.
 */
export function registerBrokerCommand(program: Command, context: CommandContext): void {
  const broker = program.command('broker').description('The embedded contract store.');
  registerCreateEnvironment(broker, context);
  broker
    .command('serve')
    .description('Serve the Pact Broker API from a local SQLite store on 127.0.0.1 until stopped.')
    .option(
      '--port <n>',
      'port on 127.0.0.1 (default 9292; 0 picks a free one)',
      wholeNumber('--port'),
      9292,
    )
    .option('--data <dir>', 'folder of the SQLite file', '.specgate/broker')
    .option('-v, --verbose', 'log each request to stderr')
    .option('--debug', 'print stack traces of errors')
    .action(async (options: { port: number; data: string; verbose?: boolean }) => {
      const { environment } = context;
      const dataDir = path.resolve(environment.cwd, options.data);
      const broker = await startBroker({
        dataDir,
        port: options.port,
        ...(options.verbose
          ? {
              onRequest: (method, url, status) =>
                environment.stderr(`${method} ${url} ${status}\n`),
            }
          : {}),
      });
      environment.stdout(`contract store listening on ${broker.url} (data in ${dataDir})\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await broker.close();
      context.setExit(0);
    });
}

interface CreateEnvironmentFlags extends BrokerOptions {
  production?: boolean;
  displayName?: string;
}

function registerCreateEnvironment(broker: Command, context: CommandContext): void {
  withBrokerOptions(broker.command('create-environment'))
    .description('Create an environment that deployments and can-i-deploy can name.')
    .argument('<name>', 'the environment name, e.g. production')
    .option('--production', 'mark it as a production environment')
    .option('--display-name <text>', 'the name people see')
    .action(async (name: string, options: CreateEnvironmentFlags) => {
      const created = await createEnvironment({
        broker: requireBroker(options, 'specgate broker create-environment'),
        name,
        displayName: options.displayName,
        production: options.production === true,
      });
      if (options.output === 'json') {
        context.environment.stdout(
          `${JSON.stringify({ schemaVersion: 1, ...created }, null, 2)}\n`,
        );
      } else {
        context.environment.stdout(
          `created environment ${created.name}${created.production ? ' (production)' : ''}\n`,
        );
      }
      context.setExit(0);
    });
}
