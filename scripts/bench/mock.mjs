// The mock benchmark: `specgate mock` against the `prism mock` CLI on one small spec, side by
// side, loopback only. Each target is a real process started from its own CLI; autocannon
// drives it from this process with a fixed number of connections for a fixed time.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';

import { installedVersion, repoRoot } from './tools.mjs';

const requireFromRoot = createRequire(path.join(repoRoot, 'package.json'));
const autocannon = requireFromRoot('autocannon');
const prismBin = requireFromRoot.resolve('@stoplight/prism-cli/dist/index.js');
const specgateBin = path.join(repoRoot, 'packages/cli/bin/specgate.cjs');
const SPEC = path.join(repoRoot, 'packages/mock/test/fixtures/pets.yaml');

/** Throughput targets, as multiples of the Prism CLI and absolute budgets. */
export const MOCK_TARGETS = { ratio: 2.5, requestsPerSecond: 10_000, p99Ms: 5, startupMs: 300 };

const TARGETS = [
  {
    name: 'prism mock CLI (defaults)',
    command: (port) => [prismBin, 'mock', SPEC, '--port', String(port), '--host', '127.0.0.1'],
  },
  {
    name: 'bare node:http (ceiling, no mock)',
    command: (port) => [path.join(repoRoot, 'scripts/bench/bare-http.mjs'), String(port)],
  },
  {
    name: 'Prism embedded (prism-http-server, silent logger)',
    command: (port) => [
      path.join(repoRoot, 'scripts/bench/prism-embedded.mjs'),
      SPEC,
      String(port),
    ],
  },
  {
    name: 'specgate mock',
    command: (port) => [specgateBin, 'mock', SPEC, '--port', String(port), '--no-watch'],
  },
  {
    name: 'specgate mock --no-cache',
    command: (port) => [
      specgateBin,
      'mock',
      SPEC,
      '--port',
      String(port),
      '--no-watch',
      '--no-cache',
    ],
  },
];

const SCENARIOS = [
  { name: 'static GET /pets/1', method: 'GET', path: '/pets/1' },
  {
    name: 'validated POST /pets',
    method: 'POST',
    path: '/pets',
    headers: { 'content-type': 'application/json', 'x-api-key': 'bench' },
    body: JSON.stringify({ name: 'Rex', kind: { bark: 'loud' }, age: 3 }),
  },
  {
    name: 'dynamic GET /pets/1',
    method: 'GET',
    path: '/pets/1',
    headers: { prefer: 'dynamic=true' },
  },
];

/**
 * Runs the mock benchmark. `quick` shortens every load run to 2 s, takes one start-up
 * sample and soaks with 10,000 requests instead of 100,000.
 */
export async function runMockBenchmark(context) {
  const quick = context.runs === 1;
  const durationSeconds = quick ? 2 : 10;
  const startupSamples = quick ? 1 : 3;
  const soakRequests = quick ? 10_000 : 100_000;
  const results = { durationSeconds, soakRequests, targets: [] };

  for (const target of TARGETS) {
    context.log(`mock: ${target.name}`);
    const startups = [];
    for (let sample = 0; sample < startupSamples; sample += 1) {
      const server = await startTarget(target, context);
      startups.push(server.startupMs);
      await server.stop();
    }
    const server = await startTarget(target, context);
    try {
      const scenarios = [];
      for (const scenario of SCENARIOS) {
        scenarios.push({
          name: scenario.name,
          ...(await load(server.port, scenario, durationSeconds)),
        });
      }
      results.targets.push({ name: target.name, startupMs: median(startups), scenarios });
    } finally {
      await server.stop();
    }
  }

  // The soak measures the specgate process alone: RSS after a warm-up, then after the soak.
  for (const target of TARGETS.filter((entry) => entry.name.startsWith('specgate'))) {
    const server = await startTarget(target, context);
    try {
      // A warm-up first, so the heap and the JIT reach their working size before RSS is read.
      await load(server.port, SCENARIOS[0], undefined, WARM_UP_REQUESTS);
      const before = residentKb(server.pid);
      const soak = await load(server.port, SCENARIOS[0], undefined, soakRequests);
      const after = residentKb(server.pid);
      results.targets.find((entry) => entry.name === target.name).soak = { before, after, ...soak };
    } finally {
      await server.stop();
    }
  }
  return results;
}

/** Starts a target on a free port and waits for its first 200 response, timing the wait. */
async function startTarget(target, context) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, target.command(port), {
    cwd: repoRoot,
    env: context.env,
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = started + context.timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${target.name} exited with ${child.exitCode}`);
    if (await answers(port)) {
      const startupMs = performance.now() - started;
      const stop = async () => {
        child.kill('SIGTERM');
        await exited;
      };
      return { port, pid: child.pid, startupMs, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  child.kill('SIGKILL');
  throw new Error(`${target.name} did not respond within ${context.timeoutMs} ms`);
}

async function answers(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/pets/1`);
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Requests sent before the soak's first RSS reading. */
const WARM_UP_REQUESTS = 5_000;

/** Soaks stop after this long even when the request count is not reached yet. */
const SOAK_LIMIT_MS = 300_000;

function load(port, scenario, duration, amount) {
  const options = {
    url: `http://127.0.0.1:${port}${scenario.path}`,
    method: scenario.method,
    headers: scenario.headers ?? {},
    connections: 10,
  };
  if (scenario.body) options.body = scenario.body;
  if (amount === undefined) options.duration = duration;
  else options.amount = amount;
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => {
      clearTimeout(limit);
      if (error) return reject(error);
      resolve({
        requestsPerSecond: result.requests.average,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        maxMs: result.latency.max,
        requests: result.requests.total,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
      });
    });
    const limit = setTimeout(() => instance.stop(), SOAK_LIMIT_MS);
  });
}

function residentKb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Renders the docs/benchmarks.md section of a mock run. */
export function mockSection(results, meta) {
  const [prism] = results.targets;
  const specgate = results.targets.filter((target) => target.soak);
  const lines = [
    '## Mock: specgate mock vs the prism mock CLI',
    '',
    `Measured ${meta.date} on ${meta.cpus} CPUs (${meta.cpuModel}), ${meta.memory} RAM, Node ${meta.node}. Load average (1 / 5 / 15 min): ${meta.loadAverage.start} at the start, ${meta.loadAverage.end} at the end. autocannon ${installedVersion('autocannon')} ran in the benchmark process on the same CPUs as the server, with 10 connections for ${results.durationSeconds} s per row, so absolute numbers are a floor and the rows compare with each other.`,
    '',
    `Spec: packages/mock/test/fixtures/pets.yaml. Targets, each started from its own CLI on 127.0.0.1 with output discarded:`,
    '',
    `- @stoplight/prism-cli ${installedVersion('@stoplight/prism-cli')}: \`prism mock SPEC --port N --host 127.0.0.1\`, default log level`,
    '- bare node:http: `node scripts/bench/bare-http.mjs N`, the same small JSON for every request with no routing or checks, the ceiling of a Node server on the machine at that time',
    `- @stoplight/prism-http-server ${installedVersion('@stoplight/prism-http-server')} embedded: \`node scripts/bench/prism-embedded.mjs SPEC N\`, Prism's own server with a silent logger`,
    '- specgate 0.1.0: `specgate mock SPEC --port N --no-watch`, static responses memoised (the default)',
    '- specgate 0.1.0 with `--no-cache`: Prism runs for every request',
    '',
    `Targets: at least ${MOCK_TARGETS.ratio}× the Prism CLI's requests per second on static responses, toward ${MOCK_TARGETS.requestsPerSecond.toLocaleString('en')} req/s with p99 under ${MOCK_TARGETS.p99Ms} ms; start-up to the first answered request under the Prism CLI's, toward ${MOCK_TARGETS.startupMs} ms.`,
    '',
    '| target | scenario | req/s | vs Prism CLI | p50 ms | p99 ms | max ms | non-2xx | errors |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const target of results.targets) {
    target.scenarios.forEach((scenario, index) => {
      const base = prism.scenarios[index].requestsPerSecond;
      lines.push(
        `| ${target.name} | ${scenario.name} | ${Math.round(scenario.requestsPerSecond).toLocaleString('en')} | ${(scenario.requestsPerSecond / base).toFixed(2)}× | ${scenario.p50Ms} | ${scenario.p99Ms} | ${scenario.maxMs} | ${scenario.non2xx} | ${scenario.errors} |`,
      );
    });
  }
  lines.push('', '| target | start-up to first answer (median) |', '|---|---:|');
  for (const target of results.targets)
    lines.push(`| ${target.name} | ${Math.round(target.startupMs)} ms |`);
  lines.push(
    '',
    `Memory: RSS of the specgate process after ${WARM_UP_REQUESTS.toLocaleString('en')} warm-up requests and after ${results.soakRequests.toLocaleString('en')} static GET requests (10 connections; a soak stops after ${SOAK_LIMIT_MS / 1000} s, and the requests column says how many were sent).`,
    '',
    '| target | RSS before | RSS after | growth | requests | soak req/s | p99 ms |',
    '|---|---:|---:|---:|---:|---:|---:|',
  );
  for (const target of specgate) {
    const { before, after, requests, requestsPerSecond, p99Ms } = target.soak;
    lines.push(
      `| ${target.name} | ${mib(before)} | ${mib(after)} | ${(((after - before) / before) * 100).toFixed(1)} % | ${requests.toLocaleString('en')} | ${Math.round(requestsPerSecond).toLocaleString('en')} | ${p99Ms} |`,
    );
  }
  lines.push('', ...mockVerdicts(results).map((line) => `- ${line}`));
  return lines.join('\n');
}

/** Returns one line per target: whether it was met, with the measured value. */
export function mockVerdicts(results) {
  const [prism] = results.targets;
  const cached = results.targets.find((target) => target.name === 'specgate mock');
  const uncached = results.targets.find((target) => target.name === 'specgate mock --no-cache');
  const staticRate = (target) => target.scenarios[0].requestsPerSecond;
  const ratio = (target) => staticRate(target) / staticRate(prism);
  const yes = (met) => (met ? 'met' : 'not met');
  return [
    `static req/s ≥ ${MOCK_TARGETS.ratio}× Prism CLI: ${yes(ratio(cached) >= MOCK_TARGETS.ratio)} with the cache (${ratio(cached).toFixed(2)}×), ${yes(ratio(uncached) >= MOCK_TARGETS.ratio)} without (${ratio(uncached).toFixed(2)}×)`,
    `static ${MOCK_TARGETS.requestsPerSecond.toLocaleString('en')} req/s and p99 < ${MOCK_TARGETS.p99Ms} ms: ${yes(staticRate(cached) >= MOCK_TARGETS.requestsPerSecond && cached.scenarios[0].p99Ms < MOCK_TARGETS.p99Ms)} (${Math.round(staticRate(cached)).toLocaleString('en')} req/s, p99 ${cached.scenarios[0].p99Ms} ms)`,
    `start-up below the Prism CLI: ${yes(cached.startupMs < prism.startupMs)} (${Math.round(cached.startupMs)} ms vs ${Math.round(prism.startupMs)} ms); under ${MOCK_TARGETS.startupMs} ms: ${yes(cached.startupMs < MOCK_TARGETS.startupMs)}`,
    ...[cached, uncached].map(
      (target) =>
        `RSS growth ≤ 10 % over the soak (${target.name}): ${yes(target.soak.after <= target.soak.before * 1.1)}`,
    ),
  ];
}

function mib(kb) {
  return `${(kb / 1024).toFixed(0)} MiB`;
}
