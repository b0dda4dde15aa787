// The traffic-scan benchmark. It generates a synthetic combined log in the temp folder (once per
// line count). Then it times `scanLogs` (parse + match + aggregate) on that log against GitHub's
// REST description in a separate process, and reports lines per second of wall and CPU time.
// Run alone with `node scripts/bench/scan.mjs [--lines N] [--runs N]`, or through run.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { median } from './measure.mjs';
import { writeScanLog } from './scan-log.mjs';
import { githubSpecPath, repoRoot } from './tools.mjs';

/** Upper bound on generated lines, so a typo cannot fill the disk (about 155 bytes a line). */
const MAX_LINES = 50_000_000;
export const DEFAULT_SCAN_LINES = 10_000_000;
const TODAY = '2026-12-04';

/** Writes the log unless a file with the same line count is already in the temp folder. */
async function ensureLog(lines, specFile, log) {
  const file = path.join(os.tmpdir(), `specgate-bench-scan-${lines}.log`);
  const marker = `${file}.done`;
  if (
    existsSync(file) &&
    existsSync(marker) &&
    readFileSync(marker, 'utf8') === String(statSync(file).size)
  ) {
    log(`Reusing ${file}`);
    return file;
  }
  log(`Writing ${lines} log lines to ${file} …`);
  const bytes = await writeScanLog(file, lines, specFile);
  writeFileSync(marker, String(bytes));
  return file;
}

/** Runs the scan benchmark and returns its measurements. */
export async function runScanBenchmark(context, lines = DEFAULT_SCAN_LINES) {
  if (!Number.isInteger(lines) || lines < 1 || lines > MAX_LINES) {
    throw new Error(`Invalid line count ${lines}: use 1 to ${MAX_LINES}.`);
  }
  const specFile = githubSpecPath('octokit-openapi-23');
  const logFile = await ensureLog(lines, specFile, context.log);
  const worker = path.join(path.dirname(fileURLToPath(import.meta.url)), 'scan-worker.mjs');
  const samples = [];
  for (let run = 0; run < context.runs; run += 1) {
    context.log(`scan run ${run + 1}/${context.runs} …`);
    const loadStart = os.loadavg()[0];
    const result = spawnSync(process.execPath, [worker, repoRoot, specFile, logFile, TODAY], {
      encoding: 'utf8',
      // A 10-million line scan takes minutes on a loaded machine, beyond the per-tool default.
      timeout: Math.max(context.timeoutMs, 1_800_000),
      maxBuffer: 1 << 20,
    });
    if (result.status !== 0) {
      throw new Error(`scan-worker failed (${result.signal ?? result.status}): ${result.stderr}`);
    }
    samples.push({ ...JSON.parse(result.stdout), loadStart, loadEnd: os.loadavg()[0] });
  }
  context.log('comparing the combined parser with a regular expression …');
  const compare = spawnSync(
    process.execPath,
    [path.join(path.dirname(worker), 'parse-compare.mjs'), repoRoot, logFile, '1000000'],
    { encoding: 'utf8', timeout: Math.max(context.timeoutMs, 600_000) },
  );
  if (compare.status !== 0) throw new Error(`parse-compare failed: ${compare.stderr}`);
  const parsers = JSON.parse(compare.stdout);
  context.log('timing the baseline pipeline …');
  const baselineRun = spawnSync(
    process.execPath,
    [path.join(path.dirname(worker), 'scan-baseline.mjs'), repoRoot, specFile, logFile, '1000000'],
    { encoding: 'utf8', timeout: Math.max(context.timeoutMs, 600_000) },
  );
  if (baselineRun.status !== 0) throw new Error(`scan-baseline failed: ${baselineRun.stderr}`);
  const baseline = JSON.parse(baselineRun.stdout);
  const pick = (key) => median(samples.map((sample) => sample[key]));
  return {
    lines,
    logBytes: statSync(logFile).size,
    runs: samples.length,
    operations: samples[0].operations,
    operationsWithTraffic: samples[0].operationsWithTraffic,
    requests: samples[0].requests,
    unmatched: samples[0].unmatched,
    malformed: samples[0].malformed,
    setupMs: pick('setupMs'),
    scanMs: pick('scanMs'),
    cpuMs: pick('cpuMs'),
    maxRssMiB: pick('maxRssMiB'),
    load: samples.map((sample) => `${sample.loadStart.toFixed(1)}→${sample.loadEnd.toFixed(1)}`),
    baseline,
    parsers: {
      lines: parsers.lines,
      handWrittenMs: median(parsers.handWritten),
      regexMs: median(parsers.regex),
    },
  };
}

/** Renders the Markdown section of docs/benchmarks.md. */
export function scanSection(result, meta) {
  const perSecond = (ms, lines = result.lines) =>
    Math.round(lines / (ms / 1000)).toLocaleString('en-US');
  return [
    '## Traffic scan: parse + match + aggregate a combined log against GitHub’s REST description',
    '',
    `Measured ${meta.date} on ${meta.cpus} × ${meta.cpuModel}, ${meta.memory}, Node ${meta.node}; ` +
      `median of ${result.runs} run(s); 1-minute load average at start → end of each run: ${result.load.join(', ')}.`,
    '',
    `Input: ${result.lines.toLocaleString('en-US')} NGINX combined lines (${(result.logBytes / 2 ** 30).toFixed(2)} GiB, written by ` +
      '`scripts/bench/scan-log.mjs` to the temp folder) against `@octokit/openapi` 23.0.2 ' +
      `(${result.operations} operations, ${result.operationsWithTraffic} of them called). ` +
      `${result.requests.toLocaleString('en-US')} requests matched, ${result.unmatched.toLocaleString('en-US')} unmatched, ` +
      `${result.malformed.toLocaleString('en-US')} malformed lines.`,
    '',
    '| step | time | lines / s |',
    '|---|---:|---:|',
    `| load the spec and build the router | ${(result.setupMs / 1000).toFixed(2)} s | |`,
    `| scan, wall time | ${(result.scanMs / 1000).toFixed(2)} s | ${perSecond(result.scanMs)} |`,
    `| scan, CPU time (user + system, one thread) | ${(result.cpuMs / 1000).toFixed(2)} s | ${perSecond(result.cpuMs)} |`,
    '',
    `Peak RSS of the scanning process: ${Math.round(result.maxRssMiB)} MiB. The scan runs on one thread, ` +
      'so lines per CPU second is the per-core rate; on a loaded machine the wall time also counts the time the ' +
      'process waited for a core.',
    '',
    `Baseline on the same machine (\`scripts/bench/scan-baseline.mjs\`): a regular expression, an uncached ` +
      `find-my-way lookup and a Map per line over the first ${result.baseline.lines.toLocaleString('en-US')} lines ` +
      `took ${(result.baseline.cpuMs / 1000).toFixed(2)} s of CPU (${perSecond(result.baseline.cpuMs, result.baseline.lines)} lines per CPU second), ` +
      'which puts the rates above in proportion to what this machine gives a single thread.',
    '',
    `Parsing alone, first ${result.parsers.lines.toLocaleString('en-US')} lines, median CPU time of 5 alternating rounds ` +
      '(`scripts/bench/parse-compare.mjs`): the hand-written combined parser ' +
      `${Math.round(result.parsers.handWrittenMs)} ms, a regular expression filling the same record ` +
      `${Math.round(result.parsers.regexMs)} ms.`,
  ].join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      lines: { type: 'string', default: String(DEFAULT_SCAN_LINES) },
      runs: { type: 'string', default: '1' },
    },
  });
  const result = await runScanBenchmark(
    { runs: Number(values.runs), timeoutMs: 1_800_000, log: (line) => console.error(line) },
    Number(values.lines),
  );
  console.log(JSON.stringify(result, null, 2));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
