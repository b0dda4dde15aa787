import path from 'node:path';

import { Command, Option } from 'commander';
import { loadSpec, SpecgateError, type SpecDocument } from '@specgate/core';
import {
  buildSunsetReport,
  LOG_FORMATS,
  OperationMatcher,
  renderSunsetIcs,
  renderSunsetMarkdown,
  renderTrafficCsv,
  renderTrafficMarkdown,
  renderTrafficOpenMetrics,
  resolvePolicy,
  scanLogs,
  type FieldMap,
  type JsonField,
  type LogFormat,
  type TrafficReport,
} from '@specgate/policy';

import {
  prepare,
  type CliEnvironment,
  type CommandContext,
  type CommonOptions,
} from '../command-kit.js';
import { discoverApis } from '../discover.js';
import { parseOutputTargets, writeOutputs } from '../output.js';

const REPORT_FORMATS = ['markdown', 'json', 'ics'];
const SCAN_FORMATS = ['markdown', 'json', 'csv', 'openmetrics'];
const JSON_FIELDS: JsonField[] = [
  'method',
  'path',
  'request',
  'time',
  'apiKey',
  'clientId',
  'userAgent',
  'ip',
];

interface SunsetOptions extends CommonOptions {
  spec: string[];
}

interface ScanCommandOptions extends SunsetOptions {
  logFormat: LogFormat;
  field: string[];
}

/** Registers `specgate sunset report` and `specgate sunset scan`. */
export function registerSunsetCommand(program: Command, context: CommandContext): void {
  const sunset = program
    .command('sunset')
    .description('Deprecated elements, their sunset dates, and the clients still calling them.');
  withSunsetOptions(sunset.command('report'), REPORT_FORMATS, 'markdown')
    .description('List every deprecated element across the specs with its dates and replacement.')
    .action(async (options: SunsetOptions) => runReport(options, context.environment));
  withSunsetOptions(sunset.command('scan'), SCAN_FORMATS, 'markdown')
    .argument('<logs...>', 'access logs (plain or gzip) or pre-aggregated CSV row files')
    .description('Count requests per operation and client from access logs.')
    .addOption(
      new Option('--log-format <name>', 'log format; auto picks one per file from its first line')
        .choices([...LOG_FORMATS])
        .default('auto'),
    )
    .option(
      '--field <name=path>',
      `JSON field path for one record field (${JSON_FIELDS.join(', ')}), e.g. --field apiKey=consumer.id; repeatable`,
      collect,
      [],
    )
    .action(async (logs: string[], options: ScanCommandOptions) =>
      runScan(logs, options, context.environment),
    );
}

function withSunsetOptions(command: Command, formats: string[], fallback: string): Command {
  return command
    .option(
      '-f, --format <name[=file]>',
      `output format: ${formats.join(', ')} (default ${fallback}); repeat to write several, e.g. --format json=out.json`,
      collect,
      [],
    )
    .option(
      '--spec <file>',
      'spec file; repeatable; default: every API in specgate.yaml or under specs/',
      collect,
      [],
    )
    .option('-c, --config <file>', 'config file (default: specgate.yaml in the working directory)')
    .option('--today <date>', 'the day days left are counted from (YYYY-MM-DD)')
    .option('--allow-remote', 'follow http(s) $refs')
    .addOption(new Option('-q, --quiet', 'print only results and errors').conflicts('verbose'))
    .option('-v, --verbose', 'print progress details to stderr')
    .option('--debug', 'print stack traces of errors');
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function loadApis(options: SunsetOptions, environment: CliEnvironment) {
  const context = await prepare({ ...options, format: [] }, environment);
  const apis =
    options.spec.length > 0
      ? options.spec.map((file) => ({
          name: path.basename(file).replace(/\.(ya?ml|json)$/, ''),
          spec: path.resolve(environment.cwd, file),
          owner: undefined,
          stability: undefined,
        }))
      : await discoverApis(context.config, environment.cwd);
  if (apis.length === 0) {
    throw new SpecgateError(
      'USAGE',
      'no spec given and none found: pass --spec FILE, declare APIs in specgate.yaml, or put specs under specs/.',
    );
  }
  const loaded: {
    name: string;
    owner?: string | undefined;
    stability?: string | undefined;
    document: SpecDocument;
  }[] = [];
  for (const api of apis) {
    const document = await loadSpec(api.spec, {
      cwd: environment.cwd,
      allowRemote: options.allowRemote === true,
    });
    loaded.push({ name: api.name, owner: api.owner, stability: api.stability, document });
  }
  return { context, apis: loaded, policy: resolvePolicy(context.config.policy) };
}

async function runReport(options: SunsetOptions, environment: CliEnvironment): Promise<void> {
  const targets = parseOutputTargets(options.format, environment.cwd, {
    names: REPORT_FORMATS,
    default: 'markdown',
  });
  const { context, apis, policy } = await loadApis(options, environment);
  const report = buildSunsetReport(apis, policy, context.today);
  context.logger.verbose(`${report.entries.length} deprecated element(s) in ${apis.length} API(s)`);
  const render = (format: string): string => {
    if (format === 'json') return JSON.stringify(report, null, 2);
    if (format === 'ics') return renderSunsetIcs(report);
    return renderSunsetMarkdown(report);
  };
  await writeOutputs(
    targets.map((target) => ({ target, text: render(target.format) })),
    environment.stdout,
  );
}

async function runScan(
  logs: string[],
  options: ScanCommandOptions,
  environment: CliEnvironment,
): Promise<void> {
  const targets = parseOutputTargets(options.format, environment.cwd, {
    names: SCAN_FORMATS,
    default: 'markdown',
  });
  const fields = parseFields(options.field);
  const { context, apis, policy } = await loadApis(options, environment);
  const matcher = new OperationMatcher(
    apis.map((api) => ({ api: api.name, document: api.document })),
    policy.extensions,
  );
  const started = performance.now();
  const report = await scanLogs(
    logs.map((file) => path.resolve(environment.cwd, file)),
    { matcher, format: options.logFormat, fields, today: context.today },
  );
  const seconds = (performance.now() - started) / 1000;
  context.logger.verbose(
    `scanned ${logs.length} file(s) in ${seconds.toFixed(2)} s: ${report.operations.length} operation(s) with traffic, ${report.malformed.lines} malformed line(s)`,
  );
  const parsed =
    report.unmatched.requests +
    report.operations.reduce((sum, operation) => sum + operation.requests, 0);
  // Lines that all fail to parse mean a wrong file or format, not a quiet day of traffic.
  if (parsed === 0 && report.malformed.lines > 0) {
    throw new SpecgateError(
      'USAGE',
      `${logs.join(', ')}: none of the ${report.malformed.lines} line(s) is a request in a known log format${options.logFormat ? ` (--log-format ${options.logFormat})` : ''}. Pass access logs, or name their format with --log-format.`,
    );
  }
  if (report.malformed.lines > 0 && !options.quiet) {
    environment.stderr(
      `specgate: warning: ${report.malformed.lines} malformed line(s) skipped; the report lists examples.\n`,
    );
  }
  await writeOutputs(
    targets.map((target) => ({ target, text: renderScan(report, target.format) })),
    environment.stdout,
  );
}

function renderScan(report: TrafficReport, format: string): string {
  if (format === 'json') return JSON.stringify(report, null, 2);
  if (format === 'csv') return renderTrafficCsv(report);
  if (format === 'openmetrics') return renderTrafficOpenMetrics(report);
  return renderTrafficMarkdown(report);
}

function parseFields(values: readonly string[]): Partial<FieldMap> {
  const fields: Partial<FieldMap> = {};
  for (const value of values) {
    const separator = value.indexOf('=');
    const name = value.slice(0, Math.max(separator, 0)) as JsonField;
    const fieldPath = value.slice(separator + 1);
    if (separator <= 0 || !JSON_FIELDS.includes(name) || fieldPath === '') {
      throw new SpecgateError(
        'USAGE',
        `--field ${value}: expected NAME=PATH with NAME one of ${JSON_FIELDS.join(', ')}, e.g. --field apiKey=consumer.id.`,
      );
    }
    fields[name] = [...(fields[name] ?? []), fieldPath];
  }
  return fields;
}
