// A baseline for the scan benchmark on the same machine: a regular expression per line, a
// find-my-way lookup per line (no cache) and a Map keyed by operation and user agent, over the
// first lines of the log. It prints its CPU and wall milliseconds as JSON.
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';

const [repoRoot, specFile, logFile, count = '1000000'] = process.argv.slice(2);
const FindMyWay = createRequire(path.join(repoRoot, 'packages/policy/package.json'))('find-my-way');

const router = FindMyWay({ ignoreTrailingSlash: true });
const spec = JSON.parse(readFileSync(specFile, 'utf8'));
let index = 0;
for (const [template, item] of Object.entries(spec.paths)) {
  for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options']) {
    if (!item[method]) continue;
    let parameter = 0;
    const route = template.replace(/\{[^}]*\}/g, () => `:p${(parameter += 1)}`);
    try {
      router.on(method.toUpperCase(), route, () => undefined, { index: (index += 1) });
    } catch {
      // A route find-my-way cannot hold is left out, as in the scan.
    }
  }
}

const lines = [];
const reader = createInterface({ input: createReadStream(logFile) });
for await (const line of reader) {
  lines.push(line);
  if (lines.length >= Number(count)) break;
}
reader.close();

const COMBINED = /^(\S+) \S+ (\S+) \[([^\]]+)\] "(\S+) (\S+)[^"]*" (\d{3}) \S+ "[^"]*" "([^"]*)"/;
const counts = new Map();
const cpuStart = process.cpuUsage();
const wallStart = performance.now();
for (const line of lines) {
  const match = COMBINED.exec(line);
  if (!match) continue;
  const route = router.find(match[4], match[5]);
  const key = `${route ? route.store.index : -1}\0${match[7]}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
const cpu = process.cpuUsage(cpuStart);
console.log(
  JSON.stringify({
    lines: lines.length,
    cpuMs: (cpu.user + cpu.system) / 1000,
    wallMs: performance.now() - wallStart,
  }),
);
