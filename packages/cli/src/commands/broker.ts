import path from 'node:path';

import { Command } from 'commander';
import { startBroker } from '@specgate/contracts';

import type { CommandContext } from '../command-kit.js';
import { wholeNumber } from './broker-options.js';

/** `specgate broker serve`: the embedded contract store on 127.0.0.1, until stopped. */
export function registerBrokerCommand(program: Command, context: CommandContext): void {
  program
    .command('broker')
    .description('The embedded contract store.')
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
