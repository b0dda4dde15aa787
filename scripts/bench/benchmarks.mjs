// The three benchmarks. Each one runs its tools in rounds (one run of every tool per round, so
// load changes on a shared machine hit all tools alike) and returns plain result objects that
// report.mjs turns into tables.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { firstLine, measureNode, median } from './measure.mjs';
import {
  bareLint,
  githubSpecPath,
  opticDiff,
  openapiDiff,
  repoRoot,
  specgateDiff,
  specgateLint,
  specgateLintRecommended,
} from './tools.mjs';

/** Lists the large single specs for the lint benchmark, with the names used in the report. */
export function lintInputs(corpusDir) {
  return [
    { name: 'Stripe spec3.yaml', spec: path.join(corpusDir, 'large/stripe/spec3.yaml') },
    { name: 'OpenAI openapi.yaml', spec: path.join(corpusDir, 'large/openai/openapi.yaml') },
    { name: 'Discord openapi.json', spec: path.join(corpusDir, 'large/discord/openapi.json') },
    { name: 'GitHub api.github.com.json 23.0.2', spec: githubSpecPath('octokit-openapi-23') },
  ];
}

/** Lists every `pairs/NAME/` folder of the corpus that contains one `old.*` and one `new.*` file. */
export function diffInputs(corpusDir) {
  const pairsDir = path.join(corpusDir, 'pairs');
  return readdirSync(pairsDir)
    .sort()
    .map((name) => {
      const files = readdirSync(path.join(pairsDir, name));
      const base = files.find((file) => file.startsWith('old.'));
      const revision = files.find((file) => file.startsWith('new.'));
      if (!base || !revision) return null;
      return { name, pair: [path.join(pairsDir, name, base), path.join(pairsDir, name, revision)] };
    })
    .filter((input) => input !== null);
}

/** Runs `specgate lint` (default and recommended-only) and the bare lint on each large spec. */
export async function runLintBenchmark(context) {
  const results = [];
  for (const { name, spec } of lintInputs(context.corpusDir)) {
    const lintTools = [specgateLint, specgateLintRecommended, bareLint];
    const tools = await runRounds(lintTools, spec, `lint ${name}`, context);
    results.push({ name, bytes: statSync(spec).size, tools });
  }
  return results;
}

/** Runs `specgate diff`, openapi-diff and Optic on each corpus pair. */
export async function runDiffBenchmark(context) {
  const results = [];
  for (const { name, pair } of diffInputs(context.corpusDir)) {
    const tools = await runRounds(
      [specgateDiff, openapiDiff, opticDiff],
      pair,
      `diff ${name}`,
      context,
    );
    results.push({ name, bytes: statSync(pair[0]).size + statSync(pair[1]).size, tools });
  }
  return results;
}

/** Runs `specgate diff` on GitHub's description, @octokit/openapi 22.0.0 to 23.0.2. */
export async function runGithubBenchmark(context) {
  const pair = [githubSpecPath('octokit-openapi-22'), githubSpecPath('octokit-openapi-23')];
  const [tool] = await runRounds([specgateDiff], pair, 'github 22.0.0 -> 23.0.2', context);
  const report =
    tool.failure === null ? JSON.parse(readFileSync(tool.lastStdoutFile, 'utf8')) : null;
  const bytes = pair.map((file) => statSync(file).size);
  return { pair, bytes, tool, changes: report === null ? null : countChanges(report) };
}

// Counts the changes of a `specgate diff --format json` report by level and by change id.
function countChanges(report) {
  const byLevel = { error: 0, warning: 0, info: 0 };
  const byId = new Map();
  for (const change of report.changes) {
    byLevel[change.level] = (byLevel[change.level] ?? 0) + 1;
    byId.set(change.id, (byId.get(change.id) ?? 0) + 1);
  }
  const topIds = [...byId].sort((a, b) => b[1] - a[1]).slice(0, 8);
  return { total: report.changes.length, byLevel, topIds, breaking: report.summary.breaking };
}

// A tool that fails or times out is not run again on the same input, because the failure
// repeats and a timed-out peer would otherwise cost `runs` times the timeout.
async function runRounds(tools, input, label, context) {
  const states = tools.map((tool) => ({ tool, runs: [], summary: null, failure: null }));
  for (let round = 1; round <= context.runs; round++) {
    for (const state of states) {
      if (state.failure !== null) continue;
      await runOnce(
        state,
        input,
        `${label} | ${state.tool.name} run ${round}/${context.runs}`,
        context,
      );
    }
  }
  return states.map(summarizeState);
}

async function runOnce(state, input, label, context) {
  const outPrefix = path.join(context.scratchDir, `run-${context.nextRunId()}`);
  const run = await measureNode(state.tool.args(input), {
    cwd: context.scratchDir,
    env: context.env,
    timeoutMs: context.timeoutMs,
    outPrefix,
  });
  const summary = run.timedOut ? null : state.tool.read(run);
  state.runs.push(run);

  if (run.timedOut) {
    state.failure = { kind: 'timeout', message: `timed out after ${context.timeoutMs / 1000} s` };
  } else if (summary === null) {
    const message = firstLine(run.stderrFile) || firstLine(run.stdoutFile) || '(no output)';
    state.failure = {
      kind: 'error',
      message: `exit ${run.exitCode}: ${shortenPaths(message, context)}`,
    };
  } else {
    state.summary = summary;
  }
  context.log(`${label}: ${formatRun(run, state.failure)}`);
}

// Writes corpus and repository paths in error messages relative to their folder, and names the
// scratch folder (the working directory of every run) instead of giving its random path.
function shortenPaths(message, context) {
  return message
    .replaceAll(`${context.corpusDir}/`, '')
    .replaceAll(`${repoRoot}/`, '')
    .replaceAll(context.scratchDir, '<scratch dir>');
}

function formatRun(run, failure) {
  const wall = `${(run.wallMs / 1000).toFixed(2)} s`;
  const rss = run.rssKb === null ? '' : `, ${Math.round(run.rssKb / 1024)} MiB`;
  return failure === null ? `${wall}${rss}` : `${wall}${rss}, ${failure.message}`;
}

function summarizeState({ tool, runs, summary, failure }) {
  const succeeded = failure === null ? runs : runs.slice(0, -1);
  const failedRun = failure === null ? null : runs[runs.length - 1];
  return {
    name: tool.name,
    command: tool.command,
    runs: succeeded.length,
    wallMs: median(succeeded.map((run) => run.wallMs)),
    cpuMs: median(succeeded.map((run) => run.cpuMs)),
    rssKb: median(succeeded.map((run) => run.rssKb)),
    summary,
    lastStdoutFile: runs.length > 0 ? runs[runs.length - 1].stdoutFile : null,
    failure: failure === null ? null : { ...failure, wallMs: failedRun.wallMs },
  };
}
