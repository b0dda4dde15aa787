// Runs Atlassian openapi-diff through its JS API (`diffSpecs`) on two local files, so no URL
// loading is involved. Its CLI exits 1 both on breaking changes and on errors, so this wrapper
// keeps them apart. It exits 0 with one JSON line of counts, or 3 with the error on stderr.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const [basePath, revisionPath] = process.argv.slice(2);
if (!basePath || !revisionPath) {
  console.error('Usage: node openapi-diff-run.mjs BASE REVISION');
  process.exit(2);
}

const require = createRequire(import.meta.url);
const openapiDiff = require('openapi-diff');

try {
  const result = await openapiDiff.diffSpecs({
    sourceSpec: {
      content: await readFile(basePath, 'utf8'),
      location: basePath,
      format: 'auto-detect',
    },
    destinationSpec: {
      content: await readFile(revisionPath, 'utf8'),
      location: revisionPath,
      format: 'auto-detect',
    },
  });
  const counts = {
    breaking: result.breakingDifferences?.length ?? 0,
    nonBreaking: result.nonBreakingDifferences.length,
    unclassified: result.unclassifiedDifferences.length,
  };
  console.log(JSON.stringify(counts));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(3);
}
