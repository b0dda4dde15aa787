// Compares the verdicts of specgate, openapi-diff and Optic on the repository's diff corpus
// (test/diff-corpus): for each case, is the change breaking for clients or not? The
// expected verdict comes from the case's hand-written expected.json (breaking when it lists
// a change at level error). Writes a table to docs/diff-comparison.md.
//
// Usage: node scripts/bench/verdicts.mjs [--limit N] [--out FILE]
// openapi-diff runs in-process through its JS API; Optic runs once per case as a process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { loadSpec } from '../../packages/core/dist/index.js';
import { diffSpecs } from '../../packages/diff/dist/index.js';
import { repoRoot } from './tools.mjs';

const { values } = parseArgs({
  options: {
    limit: { type: 'string', default: '120' },
    out: { type: 'string', default: path.join(repoRoot, 'docs/diff-comparison.md') },
  },
});
const limit = Number(values.limit);
if (!Number.isInteger(limit) || limit < 1) throw new Error(`Invalid --limit "${values.limit}".`);

const require = createRequire(path.join(repoRoot, 'package.json'));
const openapiDiff = require('openapi-diff');
const opticBin = require.resolve('@useoptic/optic');
const corpus = path.join(repoRoot, 'test/diff-corpus');

/** Every case folder, spread evenly over areas and versions when capped by --limit. */
function selectCases() {
  const all = [];
  for (const area of readdirSync(corpus, { withFileTypes: true })) {
    if (!area.isDirectory()) continue;
    for (const name of readdirSync(path.join(corpus, area.name)).sort())
      all.push({ area: area.name, name, dir: path.join(corpus, area.name, name) });
  }
  if (all.length <= limit) return all;
  const step = all.length / limit;
  return Array.from({ length: limit }, (_, index) => all[Math.floor(index * step)]);
}

function sideFile(dir, stem) {
  const file = readdirSync(dir).find((entry) => entry.startsWith(`${stem}.`));
  return path.join(dir, file);
}

async function specgateVerdict(base, revision) {
  const [left, right] = await Promise.all(
    [base, revision].map((file) => loadSpec(file, { cwd: path.dirname(file) })),
  );
  return diffSpecs(left, right, { today: '2026-12-04' }).summary.breaking ? 'breaking' : 'safe';
}

async function openapiDiffVerdict(base, revision) {
  try {
    const result = await openapiDiff.diffSpecs({
      sourceSpec: { content: readFileSync(base, 'utf8'), location: base, format: 'auto-detect' },
      destinationSpec: {
        content: readFileSync(revision, 'utf8'),
        location: revision,
        format: 'auto-detect',
      },
    });
    return (result.breakingDifferences?.length ?? 0) > 0 ? 'breaking' : 'safe';
  } catch {
    return 'error';
  }
}

const opticScratch = mkdtempSync(path.join(tmpdir(), 'specgate-optic-'));

function opticVerdict(base, revision) {
  const run = spawnSync(
    process.execPath,
    [opticBin, 'diff', base, revision, '--check', '--validation', 'loose'],
    {
      encoding: 'utf8',
      timeout: 60_000,
      // Optic writes ci-run-details.json into its working directory, so it runs in a scratch one.
      cwd: opticScratch,
      env: { ...process.env, CI: 'true', OPTIC_TELEMETRY_LEVEL: 'off', NO_UPDATE_NOTIFIER: '1' },
    },
  );
  const checks = /Checks: (\d+)\/(\d+) passed/.exec(run.stdout ?? '');
  if (checks) return checks[1] === checks[2] ? 'safe' : 'breaking';
  if (run.status === 0) return 'safe';
  return 'error';
}

const rows = [];
for (const testCase of selectCases()) {
  const base = sideFile(testCase.dir, 'base');
  const revision = sideFile(testCase.dir, 'revision');
  const expected = JSON.parse(readFileSync(path.join(testCase.dir, 'expected.json'), 'utf8'));
  const truth = expected.some((change) => change.level === 'error') ? 'breaking' : 'safe';
  const row = {
    case: `${testCase.area}/${testCase.name}`,
    truth,
    specgate: await specgateVerdict(base, revision),
    openapiDiff: await openapiDiffVerdict(base, revision),
    optic: opticVerdict(base, revision),
  };
  rows.push(row);
  console.error(`${row.case}: ${row.truth} | ${row.specgate} | ${row.openapiDiff} | ${row.optic}`);
}

const tools = [
  ['specgate', 'specgate'],
  ['openapi-diff 0.24.1', 'openapiDiff'],
  ['Optic 1.0.9', 'optic'],
];
const tally = (key) => {
  const count = { right: 0, missed: 0, false: 0, error: 0 };
  for (const row of rows) {
    const verdict = row[key];
    if (verdict === 'error') count.error += 1;
    else if (verdict === row.truth) count.right += 1;
    else if (row.truth === 'breaking') count.missed += 1;
    else count.false += 1;
  }
  return count;
};
const mark = (row, key) =>
  row[key] === 'error' ? 'error' : `${row[key]}${row[key] === row.truth ? '' : ' ✗'}`;
const lines = [
  '# Verdicts against openapi-diff and Optic',
  '',
  '<!-- Written by `node scripts/bench/verdicts.mjs`; rerun it after changing the engine. -->',
  '',
  `Each row is a case of the diff corpus (test/diff-corpus), ${rows.length} of them spread over`,
  'every area and OpenAPI version. "breaking" means the tool fails the change; the expected',
  "verdict is the case's hand-written one: breaking when it lists a change at level error.",
  '✗ marks a wrong verdict, "error" a tool that crashed or rejected the input.',
  "The verdicts were written for specgate's own corpus, so specgate's column shows that it",
  "implements them; the peers' columns show where they disagree with those verdicts.",
  '',
  '| tool | right | missed breaking | false alarm | error |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...tools.map(([label, key]) => {
    const count = tally(key);
    return `| ${label} | ${count.right} | ${count.missed} | ${count.false} | ${count.error} |`;
  }),
  '',
  '| case | expected | specgate | openapi-diff | Optic |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map(
    (row) =>
      `| ${row.case} | ${row.truth} | ${mark(row, 'specgate')} | ${mark(row, 'openapiDiff')} | ${mark(row, 'optic')} |`,
  ),
  '',
];
writeFileSync(values.out, lines.join('\n'));
console.log(`wrote ${path.relative(repoRoot, values.out)}`);
