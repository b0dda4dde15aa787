// Runs one command as a child process and measures wall time, CPU time and peak RSS.
// Peak RSS and CPU come from GNU time (`/usr/bin/time -v`) when it is installed. Without it, a
// preloaded probe (rss-probe.mjs) reports `process.resourceUsage()` from every Node process the
// command starts, which works because every benchmarked command is a Node program.
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// SPECGATE_BENCH_TIME points at another GNU time binary, or at a missing path to force the probe.
const GNU_TIME = process.env.SPECGATE_BENCH_TIME ?? '/usr/bin/time';
const PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rss-probe.mjs');

/** Name of the method used for peak RSS and CPU time, for the report. */
export const rssMethod = existsSync(GNU_TIME)
  ? '`/usr/bin/time -v` (maximum resident set size, user + system time)'
  : '`process.resourceUsage()` of each Node process, recorded by a preloaded probe';

/**
 * Runs `node ...args` once and measures it.
 * Returns `{ wallMs, cpuMs, rssKb, exitCode, timedOut, stdoutFile, stderrFile }`;
 * `cpuMs` and `rssKb` are null when the process was killed before it could report them.
 */
export async function measureNode(args, { cwd, env, timeoutMs, outPrefix }) {
  const stdoutFile = `${outPrefix}.stdout`;
  const stderrFile = `${outPrefix}.stderr`;
  const usageFile = `${outPrefix}.usage`;
  rmSync(usageFile, { force: true });

  const { command, commandArgs, childEnv } = wrapCommand(args, env, usageFile);
  const stdout = openSync(stdoutFile, 'w');
  const stderr = openSync(stderrFile, 'w');
  const started = performance.now();
  const { exitCode, timedOut } = await spawnBounded(command, commandArgs, {
    cwd,
    env: childEnv,
    stdio: ['ignore', stdout, stderr],
    timeoutMs,
  });
  const wallMs = performance.now() - started;
  closeSync(stdout);
  closeSync(stderr);

  const usage = readUsage(usageFile);
  return { wallMs, ...usage, exitCode, timedOut, stdoutFile, stderrFile };
}

function wrapCommand(args, env, usageFile) {
  if (existsSync(GNU_TIME)) {
    return {
      command: GNU_TIME,
      commandArgs: ['-v', '-o', usageFile, process.execPath, ...args],
      childEnv: env,
    };
  }
  const nodeOptions = [env.NODE_OPTIONS, `--import=${PROBE}`].filter(Boolean).join(' ');
  return {
    command: process.execPath,
    commandArgs: args,
    childEnv: { ...env, NODE_OPTIONS: nodeOptions, SPECGATE_BENCH_USAGE_FILE: usageFile },
  };
}

// Starts the child in its own process group so that a timeout kills the whole tree
// (GNU time and the Node process under it), not only the direct child.
function spawnBounded(command, args, { cwd, env, stdio, timeoutMs }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio, detached: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid, 'SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? (signal ? 128 : 1), timedOut });
    });
  });
}

function readUsage(usageFile) {
  if (!existsSync(usageFile)) return { cpuMs: null, rssKb: null };
  const text = readFileSync(usageFile, 'utf8');
  return existsSync(GNU_TIME) ? parseGnuTime(text) : parseProbe(text);
}

function parseGnuTime(text) {
  const field = (label) => {
    const match = text.match(new RegExp(`${label}: ([0-9.]+)`));
    return match ? Number(match[1]) : null;
  };
  const user = field('User time \\(seconds\\)');
  const system = field('System time \\(seconds\\)');
  const cpuMs = user === null || system === null ? null : (user + system) * 1000;
  return { cpuMs, rssKb: field('Maximum resident set size \\(kbytes\\)') };
}

// The probe appends one JSON line per Node process. Peak RSS is the largest of them, because
// the processes of one command do not all peak at once and a sum would overstate it. CPU adds up.
function parseProbe(text) {
  const records = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
  if (records.length === 0) return { cpuMs: null, rssKb: null };
  return {
    cpuMs: records.reduce((sum, record) => sum + record.cpuMs, 0),
    rssKb: Math.max(...records.map((record) => record.rssKb)),
  };
}

/** Returns the median of the non-null numbers in `values`, or null when there are none. */
export function median(values) {
  const sorted = values.filter((value) => value !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Returns the first non-empty line of a file, cut to `maxLength` characters, or ''. */
export function firstLine(file, maxLength = 240) {
  if (!existsSync(file)) return '';
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .map((text) => text.trim())
    .find((text) => text !== '');
  if (line === undefined) return '';
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}
