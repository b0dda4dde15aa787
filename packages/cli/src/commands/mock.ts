import { appendFileSync } from 'node:fs';
import path from 'node:path';

import { Command, Option } from 'commander';
import { loadConfig, SpecgateError, type SpecgateConfig } from '@specgate/core';
import type { MockApiInput, MockEvent, RequestLogEntry, StartMockOptions } from '@specgate/mock';

import type { CommandContext } from '../command-kit.js';
import { discoverApis } from '../discover.js';
import { Logger, type Verbosity } from '../logger.js';

/** Options of `specgate mock` as commander parses them. */
interface MockOptions {
  port: string;
  host: string;
  singlePort?: boolean;
  prefix: string[];
  dynamic?: boolean;
  seed?: string;
  proxy?: string;
  log?: string | boolean;
  watch: boolean;
  cache: boolean;
  cors: boolean;
  config?: string;
  allowRemote?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  debug?: boolean;
}

/** Registers `specgate mock`: mock servers (or a validation proxy) for the given or configured APIs. */
export function registerMockCommand(program: Command, context: CommandContext): void {
  program
    .command('mock')
    .argument('[apis...]', 'API names from specgate.yaml or spec files; default: every API')
    .description('Serve mock APIs from their specs until interrupted, one port per API.')
    .option(
      '-p, --port <n>',
      'port of the first API; the next APIs take the next ports; 0 picks free ports',
      '4010',
    )
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--single-port', 'serve every API on one port, each under its path prefix')
    .option(
      '--prefix <name=path>',
      'with --single-port, the prefix of an API (default /NAME; empty for none)',
      collect,
      [],
    )
    .option('--dynamic', 'generate fake data from the schemas instead of serving examples')
    .option('--seed <text>', 'seed of the fake data, so --dynamic responses repeat across runs')
    .option('--proxy <url>', 'forward to this provider and report request and response mismatches')
    .option('--log [file]', 'write one JSON line per request to stderr, or append it to a file')
    .option('--no-watch', 'do not reload a spec when its files change')
    .option('--no-cache', 'run Prism for every request, even repeated static ones')
    .option('--no-cors', 'send no CORS headers and leave OPTIONS preflights to the spec')
    .option('-c, --config <file>', 'config file (default: specgate.yaml in the working directory)')
    .option('--allow-remote', 'follow http(s) $refs')
    .addOption(new Option('-q, --quiet', 'print only the URLs and errors').conflicts('verbose'))
    .option('-v, --verbose', 'print reloads and request details to stderr')
    .option('--debug', 'print stack traces of errors')
    .action(async (names: string[], options: MockOptions) => {
      await runMockCommand(names, options, context);
    });
}

async function runMockCommand(names: string[], options: MockOptions, context: CommandContext) {
  const { environment } = context;
  const logger = new Logger(verbosityOf(options), environment.stderr);
  const port = parsePort(options.port);
  const config = await loadConfig(environment.cwd, options.config);
  const apis = withPrefixes(await selectApis(names, config, environment.cwd), options.prefix);
  const { startMock } = await import('@specgate/mock');
  const mockOptions: StartMockOptions = {
    apis,
    cwd: environment.cwd,
    host: options.host,
    port,
    singlePort: options.singlePort === true,
    dynamic: options.dynamic === true,
    cache: options.cache,
    cors: options.cors,
    watch: options.watch,
    allowRemote: options.allowRemote === true,
    onEvent: (event) => reportEvent(event, logger),
  };
  if (options.seed !== undefined) mockOptions.seed = options.seed;
  if (options.proxy !== undefined) mockOptions.proxy = options.proxy;
  const writeLog = logWriter(options.log, environment);
  const reportMismatches = options.proxy !== undefined;
  if (writeLog || reportMismatches) {
    mockOptions.onRequest = (entry) => {
      writeLog?.(entry);
      if (reportMismatches) reportViolations(entry, logger);
    };
  }

  const server = await startMock(mockOptions);
  for (const api of server.apis) environment.stdout(`${api.name} ${api.url}\n`);
  const signal = await waitForSignal();
  logger.verbose(`${signal} received; stopping`);
  await server.close();
  context.setExit(0);
}

function verbosityOf(options: MockOptions): Verbosity {
  if (options.debug) return 'debug';
  if (options.verbose) return 'verbose';
  if (options.quiet) return 'quiet';
  return 'normal';
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new SpecgateError(
      'USAGE',
      `--port "${value}" is not a port number. Give 0 to 65535, e.g. --port 4010.`,
    );
  }
  return port;
}

/** Selects the APIs to mock: those named (by API name or spec file), else every configured or discovered one. */
async function selectApis(
  names: readonly string[],
  config: SpecgateConfig,
  cwd: string,
): Promise<MockApiInput[]> {
  // Named specs need not be declared, so a missing declared file is an error only when all run.
  const known = await discoverApis(config, cwd, { checkFiles: names.length === 0 });
  if (names.length === 0) {
    if (known.length === 0) {
      throw new SpecgateError(
        'USAGE',
        'no spec given and none found: pass a spec file, declare APIs in specgate.yaml, or put specs under specs/.',
      );
    }
    return known.map((api) => ({ name: api.name, spec: api.spec }));
  }
  return names.map((name) => {
    const api = known.find((candidate) => candidate.name === name);
    return api ? { name: api.name, spec: api.spec } : { name: nameOfSpec(name), spec: name };
  });
}

/** Names a spec given by path after its file, or its folder when the file is `openapi.*`. */
function nameOfSpec(file: string): string {
  const base = path.basename(file).replace(/\.(ya?ml|json)$/i, '');
  return base === 'openapi' || base === 'swagger'
    ? path.basename(path.dirname(path.resolve(file)))
    : base;
}

function withPrefixes(apis: MockApiInput[], prefixes: readonly string[]): MockApiInput[] {
  const byName = new Map<string, string>();
  for (const entry of prefixes) {
    const separator = entry.indexOf('=');
    const name = separator === -1 ? '' : entry.slice(0, separator);
    if (!apis.some((api) => api.name === name)) {
      throw new SpecgateError(
        'USAGE',
        `--prefix "${entry}" names no mocked API. Use NAME=/path with one of: ${apis.map((api) => api.name).join(', ')}.`,
      );
    }
    if (byName.has(name)) {
      throw new SpecgateError(
        'USAGE',
        `--prefix gives API "${name}" two prefixes. Keep one --prefix ${name}=/path.`,
      );
    }
    const prefix = entry.slice(separator + 1);
    if (/[?#%]/.test(prefix) || prefix.split('/').some((part) => part === '.' || part === '..')) {
      throw new SpecgateError(
        'USAGE',
        `--prefix "${entry}" is not a plain path. Leave out ?, #, % and the segments . and .., e.g. --prefix NAME=/v1.`,
      );
    }
    byName.set(name, prefix);
  }
  return apis.map((api) => {
    const prefix = byName.get(api.name);
    return prefix === undefined ? api : { ...api, prefix };
  });
}

function logWriter(
  target: string | boolean | undefined,
  environment: CommandContext['environment'],
): ((entry: RequestLogEntry) => void) | undefined {
  if (target === undefined || target === false) return undefined;
  if (target === true) return (entry) => environment.stderr(`${JSON.stringify(entry)}\n`);
  const file = path.resolve(environment.cwd, target);
  return (entry) => appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

/** Prints each mismatch the validation proxy found, one line per violation. */
function reportViolations(entry: RequestLogEntry, logger: Logger): void {
  for (const violation of entry.violations) {
    const where = violation.location.join('.') || 'request';
    logger.warn(
      `${entry.api}: ${entry.method} ${entry.url} -> ${entry.status}: ${where}: ${violation.message}`,
    );
  }
}

function reportEvent(event: MockEvent, logger: Logger): void {
  if (event.kind === 'warning') {
    const { file, line, message } = event.warning;
    logger.warn(`${event.api}: ${file}:${line}: ${message}`);
  } else if (event.kind === 'request-failed') {
    logger.warn(`${event.api}: ${event.message}`);
  } else if (event.kind === 'reloaded') {
    logger.info(`${event.api}: spec reloaded`);
  } else {
    logger.warn(`${event.api}: reload failed, still serving the previous spec: ${event.message}`);
  }
}

function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
