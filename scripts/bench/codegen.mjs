// Code generation benchmark: `specgate generate ts` and `specgate generate flask` on GitHub's
// REST description, against bare openapi-typescript (Node API, default options) on the same
// file, then `specgate generate ts` and strict tsc on each large corpus spec, which the test
// suite leaves out for time. Each command runs in a fresh Node process, measured by measure.mjs.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { lintInputs } from './benchmarks.mjs';
import { firstLine, measureNode, median } from './measure.mjs';
import { githubSpecPath, installedVersion, repoRoot } from './tools.mjs';

/** specgate generate ts may take at most this multiple of bare openapi-typescript's time. */
export const CODEGEN_TARGET = 1.3;

const specgateBin = path.join(repoRoot, 'packages/cli/bin/specgate.cjs');
const bareRunner = path.join(repoRoot, 'scripts/bench/openapi-typescript-run.mjs');

async function timeRuns(name, argsOf, context) {
  const runs = [];
  let outDir = '';
  for (let index = 0; index < context.runs; index += 1) {
    const id = context.nextRunId();
    outDir = path.join(context.scratchDir, `codegen-${id}`);
    mkdirSync(outDir, { recursive: true });
    const run = await measureNode(argsOf(outDir), {
      cwd: repoRoot,
      env: context.env,
      timeoutMs: context.timeoutMs,
      outPrefix: path.join(context.scratchDir, `codegen-${id}`),
    });
    context.log(
      `codegen ${name} run ${index + 1}: ${(run.wallMs / 1000).toFixed(2)} s, exit ${run.exitCode}`,
    );
    runs.push(run);
  }
  const failed = runs.find((run) => run.exitCode !== 0 || run.timedOut);
  return {
    name,
    outDir,
    wallMs: median(runs.map((run) => run.wallMs)),
    cpuMs: median(runs.map((run) => run.cpuMs)),
    rssKb: median(runs.map((run) => run.rssKb)),
    failure: failed
      ? {
          kind: failed.timedOut ? 'timeout' : `exit ${failed.exitCode}`,
          message: firstLine(failed.stderrFile),
        }
      : null,
  };
}

/** Runs the three commands `context.runs` times each and returns their medians. */
export async function runCodegenBenchmark(context) {
  const spec = githubSpecPath('octokit-openapi-23');
  const specgateTs = await timeRuns(
    'specgate generate ts',
    (outDir) => [specgateBin, 'generate', 'ts', spec, '-o', outDir, '--quiet'],
    context,
  );
  const bare = await timeRuns(
    'bare openapi-typescript',
    (outDir) => [bareRunner, spec, path.join(outDir, 'api-types.ts')],
    context,
  );
  const specgateFlask = await timeRuns(
    'specgate generate flask',
    (outDir) => [
      specgateBin,
      'generate',
      'flask',
      spec,
      '-o',
      path.join(outDir, 'github_api'),
      '--quiet',
    ],
    context,
  );
  const typecheck = await typecheckClient(specgateTs.outDir, context);
  return {
    spec: 'octokit-openapi-23/generated/api.github.com.json (@octokit/openapi 23.0.2)',
    tools: [specgateTs, bare, specgateFlask, typecheck],
    largeSpecs: await typecheckLargeSpecs(context),
  };
}

/** tsc on a client of a multi-megabyte spec takes minutes, more than the default run timeout. */
const LARGE_TYPECHECK_TIMEOUT_MS = 900_000;

/**
 * Generates a client for each large corpus spec of the lint benchmark (GitHub's is covered
 * above) and type-checks it once, recording pass or fail per spec. A spec that specgate
 * rejects as invalid (exit 2, as lint would) is recorded without a tsc run.
 */
async function typecheckLargeSpecs(context) {
  const inputs = lintInputs(context.corpusDir).filter((input) => !input.name.startsWith('GitHub'));
  const results = [];
  for (const input of inputs) {
    if (!existsSync(input.spec)) {
      results.push({ name: input.name, verdict: `skipped: ${input.spec} not found` });
      continue;
    }
    const generate = await timeRuns(
      `specgate generate ts on ${input.name}`,
      (outDir) => [specgateBin, 'generate', 'ts', input.spec, '-o', outDir, '--quiet'],
      { ...context, runs: 1 },
    );
    if (generate.failure) {
      results.push({
        name: input.name,
        generate,
        verdict: `generate failed: ${generate.failure.kind}`,
      });
      continue;
    }
    const typecheck = await typecheckClient(generate.outDir, {
      ...context,
      timeoutMs: Math.max(context.timeoutMs, LARGE_TYPECHECK_TIMEOUT_MS),
    });
    const verdict = typecheck.failure ? `tsc failed: ${typecheck.failure.kind}` : 'pass';
    results.push({ name: input.name, generate, typecheck, verdict });
  }
  return results;
}

/**
 * Type-checks the generated client once with strict settings and `skipLibCheck: false`;
 * `paths` points openapi-fetch at the copy packages/codegen-ts installs.
 */
async function typecheckClient(outDir, context) {
  const fromCodegen = createRequire(path.join(repoRoot, 'packages/codegen-ts/package.json'));
  const openapiFetch = path.dirname(fromCodegen.resolve('openapi-fetch/package.json'));
  writeFileSync(
    path.join(outDir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022', 'DOM'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        skipLibCheck: false,
        noEmit: true,
        types: [],
        paths: { 'openapi-fetch': [openapiFetch] },
      },
      files: ['client.ts'],
    }),
  );
  const tsc = fromCodegen.resolve('typescript/bin/tsc');
  return timeRuns('tsc --noEmit on the generated client', () => [tsc, '-p', outDir], {
    ...context,
    runs: 1,
  });
}

const seconds = (ms) => (ms === null ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
const mebibytes = (kb) => (kb === null ? 'n/a' : `${Math.round(kb / 1024)} MiB`);

/** The ratio of specgate generate ts to bare openapi-typescript, or null after a failure. */
export function codegenRatio({ tools }) {
  const [specgateTs, bare] = tools;
  if (specgateTs.failure || bare.failure || !bare.wallMs) return null;
  return specgateTs.wallMs / bare.wallMs;
}

/** The ratio of the two tools' CPU times, which a busy machine distorts less than wall time. */
function cpuRatio({ tools }) {
  const [specgateTs, bare] = tools;
  return specgateTs.cpuMs && bare.cpuMs ? specgateTs.cpuMs / bare.cpuMs : null;
}

/** The Markdown section of docs/benchmarks.md. */
export function codegenSection(result, meta) {
  const ratio = codegenRatio(result);
  const cpu = cpuRatio(result);
  const rows = result.tools.map(
    (tool) =>
      `| ${tool.name} | ${seconds(tool.wallMs)} | ${seconds(tool.cpuMs)} | ${mebibytes(tool.rssKb)} | ${tool.failure ? `${tool.failure.kind}: ${tool.failure.message}` : 'ok'} |`,
  );
  return `## Code generation: GitHub REST description

Input: \`${result.spec}\` (OpenAPI 3.0.3, about 13 MB, 1,200 operations). Each command runs in a
fresh Node process; the table shows the median of ${meta.runs} run(s), and tsc runs once. Measured ${meta.date} on
${meta.cpus} CPUs (${meta.cpuModel}), ${meta.memory}, Node ${meta.node}, load average
${meta.loadAverage.start} at the start and ${meta.loadAverage.end} at the end. Peak RSS and CPU:
${meta.rssMethod}.

| command | wall time | CPU time | peak RSS | result |
|---|---|---|---|---|
${rows.join('\n')}

\`specgate generate ts\` / bare openapi-typescript ${installedVersion('openapi-typescript', 'packages/codegen-ts/package.json')}:
**${ratio === null ? 'n/a' : `${ratio.toFixed(2)}×`}** in wall time (target ≤ ${CODEGEN_TARGET}×), ${cpu === null ? 'n/a' : `${cpu.toFixed(2)}×`} in CPU time. specgate also loads
the spec with its own loader and renders \`client.ts\`; bare openapi-typescript only writes the
types. Run it with \`node scripts/bench/run.mjs --only codegen\`.
${largeSpecsSection(result.largeSpecs ?? [])}`;
}

function largeSpecsSection(largeSpecs) {
  if (largeSpecs.length === 0) return '';
  const rows = largeSpecs.map((entry) => {
    const failure = entry.typecheck?.failure ?? entry.generate?.failure;
    const detail = failure ? ` (${failure.message})` : '';
    return `| ${entry.name} | ${seconds(entry.generate?.wallMs ?? null)} | ${seconds(entry.typecheck?.wallMs ?? null)} | ${mebibytes(entry.typecheck?.rssKb ?? null)} | ${entry.verdict}${detail} |`;
  });
  return `
### Strict tsc on the large corpus specs

The test suite type-checks clients of corpus specs under 1 MB only. Here each large corpus
spec gets one \`specgate generate ts\` run and one \`tsc --noEmit\` run with the settings above.

| spec | generate ts | tsc | tsc peak RSS | result |
|---|---|---|---|---|
${rows.join('\n')}`;
}

/** The summary line printed at the end of a run. */
export function codegenSummary(result) {
  const ratio = codegenRatio(result);
  const [specgateTs, bare, flask, typecheck] = result.tools;
  const large = (result.largeSpecs ?? []).map((entry) => `${entry.name}: ${entry.verdict}`);
  return `codegen github: ts ${seconds(specgateTs.wallMs)}, bare openapi-typescript ${seconds(bare.wallMs)}, ratio ${ratio === null ? 'n/a' : `${ratio.toFixed(2)}×`} (target ≤ ${CODEGEN_TARGET}×); flask ${seconds(flask.wallMs)}; tsc ${typecheck.failure ? typecheck.failure.kind : 'ok'} in ${seconds(typecheck.wallMs)}${large.length === 0 ? '' : `; large specs under tsc: ${large.join(', ')}`}`;
}

/** True when a large corpus spec failed to generate or to type-check. */
export function codegenLargeSpecsFailed(result) {
  return (result.largeSpecs ?? []).some(
    (entry) => entry.verdict !== 'pass' && !entry.verdict.startsWith('skipped'),
  );
}
