// Benchmarks specgate against its peers, side by side, and writes the results to
// docs/benchmarks.md. Run `node scripts/bench/run.mjs --help` for the options.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { runDiffBenchmark, runGithubBenchmark, runLintBenchmark } from './benchmarks.mjs';
import { runScanBenchmark, scanSection } from './scan.mjs';
import {
  codegenLargeSpecsFailed,
  codegenSection,
  codegenSummary,
  runCodegenBenchmark,
} from './codegen.mjs';
import { rssMethod } from './measure.mjs';
import { mockSection, mockVerdicts, runMockBenchmark } from './mock.mjs';
import { diffSection, githubSection, lintSection, summaryLines, writeSection } from './report.mjs';
import { installedVersion, repoRoot } from './tools.mjs';

const BENCHMARKS = ['lint', 'diff', 'github', 'scan', 'codegen', 'mock'];

const HELP = `Usage: node scripts/bench/run.mjs [options]

Options:
  --quick           1 run per tool and input, 2 s mock load runs (smoke check); writes to ${path.join(os.tmpdir(), 'specgate-benchmarks-quick.md')} unless --out is given
  --only NAMES      comma-separated subset of: ${BENCHMARKS.join(', ')} (default: all)
  --runs N          runs per tool and input, median reported (default: 3)
  --timeout SEC     timeout of each run in seconds (default: 120)
  --corpus DIR      corpus folder with large/ and pairs/ (default: $SPECGATE_BENCH_CORPUS or /work/shared/corpus)
  --scan-lines N    log lines the scan benchmark generates and reads (default: 10000000; --quick: 1000000)
  --out FILE        Markdown file to update (default: docs/benchmarks.md)
  --no-build        skip \`pnpm build\` (tsc -b packages/cli, the config validator, the Prism bundle) and use the existing build
  --keep            keep the scratch folder with every run's output
  -h, --help        show this help`;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      runs: { type: 'string' },
      timeout: { type: 'string', default: '120' },
      corpus: { type: 'string' },
      out: { type: 'string' },
      'scan-lines': { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const only =
    values.only === undefined ? BENCHMARKS : values.only.split(',').map((name) => name.trim());
  const unknown = only.filter((name) => !BENCHMARKS.includes(name));
  if (unknown.length > 0)
    throw new Error(
      `Unknown benchmark "${unknown.join(', ')}" in --only; use ${BENCHMARKS.join(', ')}.`,
    );
  const runs = values.quick ? 1 : Number(values.runs ?? 3);
  const timeoutSeconds = Number(values.timeout);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`Invalid --runs "${values.runs}": use a whole number ≥ 1.`);
  if (!(timeoutSeconds > 0))
    throw new Error(`Invalid --timeout "${values.timeout}": use a number of seconds > 0.`);
  const defaultOut = values.quick
    ? path.join(os.tmpdir(), 'specgate-benchmarks-quick.md')
    : path.join(repoRoot, 'docs/benchmarks.md');
  return {
    help: values.help,
    only,
    runs,
    timeoutMs: timeoutSeconds * 1000,
    corpusDir: path.resolve(
      values.corpus ?? process.env.SPECGATE_BENCH_CORPUS ?? '/work/shared/corpus',
    ),
    out: path.resolve(values.out ?? defaultOut),
    scanLines: Number(values['scan-lines'] ?? (values.quick ? 1_000_000 : 10_000_000)),
    build: !values['no-build'],
    keep: values.keep,
  };
}

function buildCli() {
  const tsc = createRequire(path.join(repoRoot, 'package.json')).resolve('typescript/bin/tsc');
  console.error('Building packages/cli with tsc -b …');
  const result = spawnSync(process.execPath, [tsc, '-b', 'packages/cli'], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (result.status !== 0) {
    throw new Error(
      `tsc -b packages/cli failed; fix the build or pass --no-build.\n${result.stdout}${result.stderr}`,
    );
  }
  for (const script of [
    'packages/cli/scripts/bundle.mjs',
    'packages/mock/scripts/build-prism.mjs',
  ]) {
    const step = spawnSync(process.execPath, [script], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 600_000,
    });
    if (step.status !== 0) {
      throw new Error(
        `${script} failed; fix the build or pass --no-build.\n${step.stdout}${step.stderr}`,
      );
    }
  }
}

const loadAverage = () =>
  os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' / ');

/**
 * Describes the variables that change how every Node process starts, for the report: each
 * benchmarked tool is a Node program and pays for them alike.
 */
function nodeStartupSettings() {
  const settings = [];
  const certificates = process.env.NODE_EXTRA_CA_CERTS;
  if (certificates) {
    let count = 'the';
    try {
      count = String(
        readFileSync(certificates, 'latin1').split('-----BEGIN CERTIFICATE-----').length - 1,
      );
    } catch {
      // An unreadable file: Node warns at start and goes on, and the report names the file only.
    }
    settings.push(
      `\`NODE_EXTRA_CA_CERTS\` names ${certificates}, so every Node process parses ${count} certificates from it before it runs any code`,
    );
  }
  if (process.env.NODE_OPTIONS)
    settings.push(`\`NODE_OPTIONS\` is \`${process.env.NODE_OPTIONS}\``);
  return settings;
}

function machineInfo(options, loadAtStart) {
  const cpus = os.cpus();
  return {
    date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    cpus: os.availableParallelism(),
    cpuModel: cpus[0]?.model.trim() ?? 'unknown CPU',
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    nodeStartup: nodeStartupSettings(),
    loadAverage: { start: loadAtStart, end: loadAverage() },
    runs: options.runs,
    timeoutMs: options.timeoutMs,
    rssMethod,
    versions: {
      specgate: `specgate ${installedVersion('@specgate/cli')}`,
      'specgate recommended-only': `specgate ${installedVersion('@specgate/cli')}, recommended only`,
      'bare openapi-core': `@redocly/openapi-core ${installedVersion('@redocly/openapi-core', 'packages/lint/package.json')}`,
      'openapi-diff': `openapi-diff ${installedVersion('openapi-diff')}`,
      Optic: `@useoptic/optic ${installedVersion('@useoptic/optic')}`,
    },
  };
}

function childEnvironment() {
  const env = { ...process.env, NO_COLOR: '1', REDOCLY_TELEMETRY: 'off' };
  // Without these two variables Optic sends usage events and checks npm for a newer version.
  env.OPTIC_TELEMETRY_LEVEL = 'off';
  env.NO_UPDATE_NOTIFIER = '1';
  delete env.FORCE_COLOR;
  return env;
}

async function runSelected(options, context) {
  const results = {};
  const plan = [
    ['lint', runLintBenchmark, lintSection],
    ['diff', runDiffBenchmark, diffSection],
    ['github', runGithubBenchmark, githubSection],
    ['scan', (context) => runScanBenchmark(context, context.scanLines), scanSection],
    ['codegen', runCodegenBenchmark, codegenSection],
    ['mock', runMockBenchmark, mockSection],
  ];
  for (const [key, runBenchmark, renderSection] of plan) {
    if (!options.only.includes(key)) continue;
    const loadAtStart = loadAverage();
    results[key] = await runBenchmark(context);
    writeSection(options.out, key, renderSection(results[key], machineInfo(options, loadAtStart)));
  }
  return results;
}

function specgateFailed(results) {
  const specgateRuns = [
    ...(results.lint ?? []).map((result) => result.tools[0]),
    ...(results.diff ?? []).map((result) => result.tools[0]),
    ...(results.github ? [results.github.tool] : []),
    ...(results.codegen ? [results.codegen.tools[0], results.codegen.tools[2]] : []),
  ];
  const largeSpecsFailed = results.codegen ? codegenLargeSpecsFailed(results.codegen) : false;
  return largeSpecsFailed || specgateRuns.some((tool) => tool.failure !== null);
}

async function main() {
  const options = parseOptions();
  if (options.help) {
    console.log(HELP);
    return 0;
  }
  if (options.build) buildCli();

  const scratchDir = mkdtempSync(path.join(os.tmpdir(), 'specgate-bench-'));
  let runId = 0;
  const context = {
    corpusDir: options.corpusDir,
    scratchDir,
    runs: options.runs,
    timeoutMs: options.timeoutMs,
    env: childEnvironment(),
    scanLines: options.scanLines,
    nextRunId: () => ++runId,
    log: (line) => console.error(line),
  };

  try {
    const results = await runSelected(options, context);
    console.log(`Results written to ${options.out}`);
    for (const line of summaryLines(results, options)) console.log(line);
    if (results.scan) {
      const { lines, cpuMs, scanMs, maxRssMiB } = results.scan;
      console.log(
        `scan: ${lines} lines, ${Math.round(lines / (cpuMs / 1000))} lines per CPU second, ` +
          `${Math.round(lines / (scanMs / 1000))} per wall second, ${Math.round(maxRssMiB)} MiB peak RSS`,
      );
    }
    if (results.codegen) console.log(codegenSummary(results.codegen));
    if (results.mock) for (const line of mockVerdicts(results.mock)) console.log(`mock: ${line}`);
    return specgateFailed(results) ? 1 : 0;
  } finally {
    if (options.keep) console.error(`Run output kept in ${scratchDir}`);
    else rmSync(scratchDir, { recursive: true, force: true });
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
}
