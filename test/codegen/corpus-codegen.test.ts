import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, describe, expect, test } from 'vitest';

import { generateFlask } from '@specgate/codegen-flask';
import { generateTs } from '@specgate/codegen-ts';

import { PYTHON, runPython } from '../../packages/codegen-flask/src/test-support/python.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus');
const TS_OUTPUT = path.join(REPO_ROOT, 'packages/codegen-ts/.test-output');
/**
 * NOTE: specs of 1 MB or more (Stripe, Discord, OpenAI's full spec) take minutes under tsc
 * together, so the TypeScript half checks them only with SPECGATE_CODEGEN_FULL_CORPUS=1.
 */
const TS_SIZE_LIMIT = process.env['SPECGATE_CODEGEN_FULL_CORPUS'] === '1' ? Infinity : 1_000_000;

/** Root documents in the corpus; 3.2 is not supported by lint and is left out. */
function listSpecs(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) return listSpecs(full);
    if (!/\.(ya?ml|json)$/.test(name)) return [];
    const text = readFileSync(full, 'utf8');
    const version = /^\s{0,2}["']?(?:openapi|swagger)["']?\s*:\s*["']?([\d.]+)/m.exec(text)?.[1];
    return version === undefined || version.startsWith('3.2') ? [] : [full];
  });
}

const specs = existsSync(CORPUS) ? listSpecs(CORPUS).sort() : [];
const repoSpecs = ['specs/orders/openapi.yaml', 'specs/customers/openapi.yaml'].map((spec) =>
  path.join(REPO_ROOT, spec),
);
const allSpecs = [...repoSpecs, ...specs];
const packageName = (index: number) => `spec_${index}`;

const flaskDir = mkdtempSync(path.join(tmpdir(), 'specgate-corpus-flask-'));
mkdirSync(TS_OUTPUT, { recursive: true });
const tsDir = mkdtempSync(path.join(TS_OUTPUT, 'corpus-'));
afterAll(() => {
  rmSync(flaskDir, { recursive: true, force: true });
  rmSync(tsDir, { recursive: true, force: true });
});

test('corpus has the expected root specs', () => {
  expect(specs.length).toBe(35);
});

describe('Flask code for every spec', () => {
  test('generates, compiles, imports and creates two apps', async () => {
    for (const [index, spec] of allSpecs.entries()) {
      await generateFlask(spec, path.join(flaskDir, packageName(index)), { cwd: REPO_ROOT });
    }
    execFileSync(PYTHON, ['-m', 'compileall', '-q', flaskDir], { stdio: 'pipe' });
    const names = allSpecs.map((_, index) => packageName(index));
    const output = runPython(
      `import importlib, json
results = {}
for name in ${JSON.stringify(names)}:
    module = importlib.import_module(name)
    first, second = module.create_app(), module.create_app()
    rules = [sorted(rule.rule for rule in app.url_map.iter_rules()) for app in (first, second)]
    results[name] = [first is not second, rules[0] == rules[1], len(rules[0])]
print(json.dumps(results))
`,
      flaskDir,
    );
    const results = JSON.parse(output) as Record<string, [boolean, boolean, number]>;
    for (const [index, spec] of allSpecs.entries()) {
      const [distinct, same, count] = results[packageName(index)] ?? [false, false, 0];
      expect(distinct, spec).toBe(true);
      expect(same, spec).toBe(true);
      expect(count, spec).toBeGreaterThanOrEqual(3);
    }
  }, 300_000);
});

describe('TypeScript code for every spec', () => {
  test('generates clients that pass strict tsc', async () => {
    const included: string[] = [];
    for (const [index, spec] of allSpecs.entries()) {
      if (statSync(spec).size >= TS_SIZE_LIMIT) continue;
      const out = path.join(tsDir, packageName(index));
      await generateTs(spec, out, { cwd: REPO_ROOT });
      included.push(`${packageName(index)}/client.ts`);
    }
    expect(included.length).toBeGreaterThanOrEqual(24);
    writeFileSync(
      path.join(tsDir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2022', 'DOM'],
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noUncheckedIndexedAccess: true,
          exactOptionalPropertyTypes: true,
          skipLibCheck: false,
          noEmit: true,
          types: [],
        },
        files: included,
      }),
    );
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const run = (() => {
      try {
        return {
          status: 0,
          output: execFileSync(process.execPath, [tsc, '-p', tsDir], { encoding: 'utf8' }),
        };
      } catch (error) {
        const failed = error as { status: number; stdout: string };
        return { status: failed.status, output: failed.stdout };
      }
    })();
    expect(run.output).toBe('');
    expect(run.status).toBe(0);
  }, 300_000);
});
