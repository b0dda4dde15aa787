// Runs one scan in its own process and prints its measurements as JSON: the time to load the
// spec and build the router, the time and CPU of the scan itself, and the peak RSS.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [repoRoot, specFile, logFile, today] = process.argv.slice(2);
const load = (name) =>
  import(pathToFileURL(path.join(repoRoot, `packages/${name}/dist/index.js`)).href);
const { loadSpec } = await load('core');
const { DEFAULT_EXTENSIONS, OperationMatcher, scanLogs } = await load('policy');

const setupStart = performance.now();
const document = await loadSpec(specFile, { cwd: path.dirname(specFile) });
const matcher = new OperationMatcher([{ api: 'github', document }], DEFAULT_EXTENSIONS);
const setupMs = performance.now() - setupStart;

const cpuStart = process.cpuUsage();
const scanStart = performance.now();
const report = await scanLogs([logFile], { matcher, format: 'combined', today });
const scanMs = performance.now() - scanStart;
const cpu = process.cpuUsage(cpuStart);

const requests = report.operations.reduce((sum, operation) => sum + operation.requests, 0);
console.log(
  JSON.stringify({
    operations: matcher.operations.length,
    operationsWithTraffic: report.operations.length,
    requests,
    unmatched: report.unmatched.requests,
    malformed: report.malformed.lines,
    setupMs,
    scanMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  }),
);
