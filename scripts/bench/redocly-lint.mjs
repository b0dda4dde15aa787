// Bare baseline for the lint benchmark: @redocly/openapi-core's `recommended` ruleset with no
// specgate rules on top. Uses the copy that packages/lint depends on, so both sides run the
// same engine version. Prints one JSON line with problem counts by severity.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const specPath = process.argv[2];
if (!specPath) {
  console.error('Usage: node redocly-lint.mjs SPEC');
  process.exit(2);
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const requireFromLint = createRequire(path.join(repoRoot, 'packages/lint/package.json'));
const corePath = requireFromLint.resolve('@redocly/openapi-core');
const { createConfig, lint } = await import(pathToFileURL(corePath).href);

const config = await createConfig({ extends: ['recommended'] });
const problems = await lint({ ref: path.resolve(specPath), config });

const counts = { error: 0, warn: 0 };
for (const problem of problems) {
  counts[problem.severity] = (counts[problem.severity] ?? 0) + 1;
}
console.log(JSON.stringify({ problems: problems.length, ...counts }));
