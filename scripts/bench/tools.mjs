// The benchmarked tools: how to start each one on an input, how it is shown in the report, and
// how to read its result. Every command is a Node program so that measure.mjs can time it the
// same way.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const requireFromRoot = createRequire(path.join(repoRoot, 'package.json'));
const specgateBin = path.join(repoRoot, 'packages/cli/bin/specgate.cjs');
const benchDir = path.join(repoRoot, 'scripts/bench');
const opticBin = requireFromRoot.resolve('@useoptic/optic');

/** Absolute path of GitHub's REST description in the given aliased @octokit/openapi package. */
export function githubSpecPath(aliasName) {
  const packageJson = requireFromRoot.resolve(`${aliasName}/package.json`);
  return path.join(path.dirname(packageJson), 'generated/api.github.com.json');
}

/** Returns the version of a package installed in `node_modules` next to `fromPackage`. */
export function installedVersion(name, fromPackage = 'package.json') {
  const packageDir = path.dirname(path.join(repoRoot, fromPackage));
  const manifest = path.join(packageDir, 'node_modules', name, 'package.json');
  return JSON.parse(readFileSync(manifest, 'utf8')).version;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** specgate lint: exit 0 (clean) and 1 (problems found) are both successful runs. */
export const specgateLint = {
  name: 'specgate',
  command: 'node packages/cli/bin/specgate.cjs lint SPEC --format json',
  args: (spec) => [specgateBin, 'lint', spec, '--format', 'json'],
  read(run) {
    const report = readJson(run.stdoutFile);
    if (run.exitCode > 1 || report?.summary === undefined) return null;
    const { error, warning } = report.summary;
    return `${error} errors, ${warning} warnings`;
  },
};

/** specgate lint limited to Redocly's `recommended` rules, to isolate specgate's own overhead. */
export const specgateLintRecommended = {
  name: 'specgate recommended-only',
  command:
    'node packages/cli/bin/specgate.cjs lint SPEC --format json --config scripts/bench/specgate-recommended.yaml',
  args: (spec) => [
    specgateBin,
    'lint',
    spec,
    '--format',
    'json',
    '--config',
    path.join(benchDir, 'specgate-recommended.yaml'),
  ],
  read: (run) => specgateLint.read(run),
};

/** @redocly/openapi-core `lint()` with the `recommended` ruleset and nothing else. */
export const bareLint = {
  name: 'bare openapi-core',
  command: 'node scripts/bench/redocly-lint.mjs SPEC',
  args: (spec) => [path.join(benchDir, 'redocly-lint.mjs'), spec],
  read(run) {
    const counts = readJson(run.stdoutFile);
    if (run.exitCode !== 0 || counts === null) return null;
    return `${counts.error} errors, ${counts.warn} warnings`;
  },
};

/** specgate diff: exit 1 means breaking changes were found, which is a successful run. */
export const specgateDiff = {
  name: 'specgate',
  command: 'node packages/cli/bin/specgate.cjs diff OLD NEW --format json',
  args: ([base, revision]) => [specgateBin, 'diff', base, revision, '--format', 'json'],
  read(run) {
    const report = readJson(run.stdoutFile);
    if (run.exitCode > 1 || report?.summary === undefined) return null;
    const { error, warning, info } = report.summary;
    return `${error} error, ${warning} warning, ${info} info`;
  },
};

/** Atlassian openapi-diff through its JS API. The wrapper exits 3 when the library throws. */
export const openapiDiff = {
  name: 'openapi-diff',
  command: 'node scripts/bench/openapi-diff-run.mjs OLD NEW',
  args: ([base, revision]) => [path.join(benchDir, 'openapi-diff-run.mjs'), base, revision],
  read(run) {
    const counts = readJson(run.stdoutFile);
    if (run.exitCode !== 0 || counts === null) return null;
    return `${counts.breaking} breaking, ${counts.nonBreaking} non-breaking, ${counts.unclassified} unclassified`;
  },
};

// Optic's default `--validation strict` rejects two of the corpus pairs outright (OpenAI
// 2024-04 for `required` next to `type: array`, Discord 2025-09 for an empty `oneOf`), so the
// benchmark uses `loose` to give it the chance to diff them.
/** Optic `diff --check`: exit 1 with a "Checks: N/M passed" line means failed checks, not a crash. */
export const opticDiff = {
  name: 'Optic',
  command:
    'node node_modules/@useoptic/optic/build/index.js diff OLD NEW --check --validation loose',
  args: ([base, revision]) => [
    opticBin,
    'diff',
    base,
    revision,
    '--check',
    '--validation',
    'loose',
  ],
  read(run) {
    if (run.exitCode > 1) return null;
    const stdout = readFileSync(run.stdoutFile, 'utf8');
    const checks = stdout.match(/Checks: (\d+)\/(\d+) passed/);
    if (checks) return `${Number(checks[2]) - Number(checks[1])} of ${checks[2]} checks failed`;
    const operations = stdout.match(/Operations: ([^\n]*)/);
    if (run.exitCode === 0 && operations) return operations[1].trim();
    return null;
  },
};
