// Bare openapi-typescript through its Node API, the baseline of the codegen benchmark:
// `node openapi-typescript-run.mjs SPEC OUT` writes the types of SPEC to OUT.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [spec, out] = process.argv.slice(2);
// The ESM build, the same one packages/codegen-ts imports.
const packageJson = createRequire(import.meta.url).resolve(
  '../../packages/codegen-ts/node_modules/openapi-typescript/package.json',
);
const { default: openapiTS, astToString } = await import(
  pathToFileURL(path.join(path.dirname(packageJson), 'dist/index.mjs')).href
);
const ast = await openapiTS(pathToFileURL(path.resolve(spec)), { silent: true });
writeFileSync(out, astToString(ast));
