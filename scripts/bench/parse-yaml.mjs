// Measures cold YAML parsing. Each run is a fresh Node process that parses the given files
// once, in order, with js-yaml or with core's fast parser, which falls back to js-yaml when it
// gives up. A one-shot CLI run parses each spec once, before V8 has compiled the parser, so
// a warmed-up loop in one process would measure the wrong thing. Parse times exclude Node's
// start and the module import, which the end-to-end CLI timing covers.
//
//   node scripts/bench/parse-yaml.mjs [--runs N] FILE...
//
// Needs `tsc -b packages/core` first. Prints the median wall and CPU milliseconds per file and
// per run for each parser, then the same as JSON.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PARSERS = ['js-yaml', 'fast'];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '15' },
    child: { type: 'string' },
  },
});

if (values.child !== undefined) {
  process.stdout.write(JSON.stringify(await parseOnce(values.child, positionals)));
} else {
  main();
}

/** Parses each file once in this process and returns the time each parse took. */
async function parseOnce(parser, files) {
  const coreRequire = createRequire(path.join(REPO, 'packages/core/package.json'));
  const jsYaml = await import(pathToFileURL(coreRequire.resolve('js-yaml')).href);
  const { parseYamlFast } = await import(
    pathToFileURL(path.join(REPO, 'packages/core/dist/yaml-fast.js')).href
  );
  const texts = files.map((file) => readFileSync(file, 'utf8'));

  return texts.map((text) => {
    const wallStart = performance.now();
    const cpuStart = process.cpuUsage();
    let fast = false;
    if (parser === 'fast') fast = parseYamlFast(text) !== undefined;
    if (!fast) jsYaml.load(text);
    const cpu = process.cpuUsage(cpuStart);
    return {
      wall: performance.now() - wallStart,
      cpu: (cpu.user + cpu.system) / 1000,
      fast,
    };
  });
}

function median(numbers) {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function main() {
  const runs = Number(values.runs);
  if (positionals.length === 0 || !Number.isInteger(runs) || runs < 1) {
    console.error('usage: node scripts/bench/parse-yaml.mjs [--runs N] FILE...');
    process.exit(2);
  }
  const samples = Object.fromEntries(PARSERS.map((parser) => [parser, []]));
  // Alternate the parsers run by run, so a change in machine load hits both alike.
  for (let run = 0; run < runs; run += 1) {
    for (const parser of PARSERS) {
      const output = execFileSync(
        process.execPath,
        [fileURLToPath(import.meta.url), '--child', parser, ...positionals],
        { encoding: 'utf8' },
      );
      samples[parser].push(JSON.parse(output));
    }
  }

  const results = PARSERS.map((parser) => {
    const perRun = samples[parser];
    const files = positionals.map((file, index) => ({
      file: path.relative(process.cwd(), file),
      wallMs: median(perRun.map((run) => run[index].wall)),
      cpuMs: median(perRun.map((run) => run[index].cpu)),
      fastPath: perRun[0][index].fast,
    }));
    const total = (key) => median(perRun.map((run) => run.reduce((sum, one) => sum + one[key], 0)));
    return { parser, runs, files, totalWallMs: total('wall'), totalCpuMs: total('cpu') };
  });

  for (const result of results) {
    console.log(`${result.parser} (median of ${runs} cold runs)`);
    for (const file of result.files) {
      const note = result.parser === 'fast' && !file.fastPath ? '  (fell back to js-yaml)' : '';
      console.log(
        `  ${file.file}: ${file.wallMs.toFixed(1)} ms wall, ${file.cpuMs.toFixed(1)} ms CPU${note}`,
      );
    }
    console.log(
      `  all files: ${result.totalWallMs.toFixed(1)} ms wall, ${result.totalCpuMs.toFixed(1)} ms CPU`,
    );
  }
  console.log(JSON.stringify(results));
}
