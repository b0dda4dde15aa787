// Bare openapi-typescript through its Node API, the baseline of the codegen benchmark:
// `node openapi-typescript-run.mjs SPEC OUT` writes the types of SPEC to OUT.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [spec, out] = process.argv.slice(2);
const fromCodegen = createRequire(
  path.resolve(
    path.dirname(new URL(import.meta.url).pathname),
    '../../packages/codegen-ts/package.json',
  ),
);
const { default: openapiTS, astToString } = await import(
  pathToFileURL(fromCodegen.resolve('openapi-typescript')).href
);
const ast = await openapiTS(pathToFileURL(path.resolve(spec)), { silent: true });
writeFileSync(out, astToString(ast));
