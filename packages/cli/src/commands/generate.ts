import { Command } from 'commander';
import { SpecgateError } from '@specgate/core';
import { generateFlask, type FlaskGenerateResult } from '@specgate/codegen-flask';
import { generateTs, type TsGenerateResult } from '@specgate/codegen-ts';

import {
  prepare,
  withCommonOptions,
  type CliEnvironment,
  type CommandContext,
  type CommonOptions,
} from '../command-kit.js';
import type { Logger } from '../logger.js';
import { writeOutputs, type OutputTarget } from '../output.js';

interface GenerateOptions extends CommonOptions {
  output: string;
  check?: boolean;
}

/** Registers `specgate generate flask|ts SPEC -o DIR [--check]`. */
export function registerGenerateCommand(program: Command, context: CommandContext): void {
  const generate = program
    .command('generate')
    .description('Generate Flask route stubs or a TypeScript client from a spec.');
  addTarget(
    generate,
    'flask',
    'a Flask package: app factory, Blueprints, validation, handler stubs, contract tests',
    context,
  );
  addTarget(
    generate,
    'ts',
    'api-types.ts (openapi-typescript) and client.ts (openapi-fetch)',
    context,
  );
}

function addTarget(
  parent: Command,
  target: 'flask' | 'ts',
  summary: string,
  context: CommandContext,
): void {
  withCommonOptions(parent.command(target).argument('<spec>', 'the spec file'))
    .description(`Generate ${summary}.`)
    .requiredOption('-o, --output <dir>', 'folder to generate into (created when missing)')
    .option('--check', 'write nothing; exit 1 when the folder is stale, 0 when it is up to date')
    .action(async (spec: string, options: GenerateOptions) => {
      const { environment, setExit } = context;
      const prepared = await prepare(options, environment);
      checkFormats(prepared.targets);
      const run = {
        cwd: environment.cwd,
        allowRemote: options.allowRemote === true,
        check: options.check === true,
      };
      const started = performance.now();
      const result =
        target === 'flask'
          ? await generateFlask(spec, options.output, run)
          : await generateTs(spec, options.output, run);
      prepared.logger.verbose(`generated in ${Math.round(performance.now() - started)} ms`);
      const lines =
        'packageName' in result
          ? flaskSummary(result, run.check, prepared.logger)
          : tsSummary(result, run.check);
      await print(prepared.targets, environment, lines, result);
      setExit(run.check && result.stale ? 1 : 0);
    });
}

function checkFormats(targets: OutputTarget[]): void {
  for (const target of targets) {
    if (target.format === 'stylish' || target.format === 'json') continue;
    throw new SpecgateError(
      'USAGE',
      `--format ${target.format}: generate prints only stylish (the default) or json.`,
    );
  }
}

async function print(
  targets: OutputTarget[],
  environment: CliEnvironment,
  lines: string[],
  result: FlaskGenerateResult | TsGenerateResult,
): Promise<void> {
  const outputs = targets.map((target) => ({
    target,
    text: target.format === 'json' ? JSON.stringify(result, null, 2) : lines.join('\n'),
  }));
  await writeOutputs(outputs, environment.stdout);
}

function flaskSummary(result: FlaskGenerateResult, check: boolean, logger: Logger): string[] {
  for (const warning of result.warnings) logger.warn(warning);
  for (const orphan of result.orphanedHandlers) {
    logger.warn(
      `${orphan.file}: ${orphan.function} handles no operation any more. Delete it or rename it to the new handler name.`,
    );
  }
  for (const missing of result.missingHandlers) {
    logger.info(
      `${missing.file}: no function ${missing.function} yet, so ${missing.operationId} responds with 501. Add it to implement the operation.`,
    );
  }
  const { written, created, removed } = result.changes;
  const verb = check ? 'would write' : 'wrote';
  const lines = [
    `${result.outDir}: ${result.operations} operation(s) in ${result.tags.length} tag(s)`,
    ...written.map((file) => `  ${verb} ${file}`),
    ...created.map((file) => `  ${check ? 'would create' : 'created'} ${file}`),
    ...removed.map((file) => `  ${check ? 'would delete' : 'deleted'} ${file}`),
  ];
  if (check)
    lines.push(result.stale ? 'stale: run specgate generate flask to update it' : 'up to date');
  else if (!result.stale) lines.push('up to date, nothing written');
  return lines;
}

function tsSummary(result: TsGenerateResult, check: boolean): string[] {
  const verb = check ? 'would write' : 'wrote';
  const lines = [
    `${result.outDir}: ${result.operations} operation(s)`,
    ...result.changed.map((file) => `  ${verb} ${file}`),
  ];
  if (check)
    lines.push(result.stale ? 'stale: run specgate generate ts to update it' : 'up to date');
  else if (!result.stale) lines.push('up to date, nothing written');
  return lines;
}
