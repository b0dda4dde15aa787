import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
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

import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { generateFlask } from '@specgate/codegen-flask';
import { generateTs } from '@specgate/codegen-ts';

import { runPython } from '../../packages/codegen-flask/src/test-support/python.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus');
const TS_OUTPUT = path.join(REPO_ROOT, 'packages/codegen-ts/.test-output');
/**
 * Specs of 1 MB or more (Stripe, Discord, OpenAI's full spec) take minutes under tsc together,
 * so this test checks them only with SPECGATE_CODEGEN_FULL_CORPUS=1; the codegen benchmark
 * (`node scripts/bench/run.mjs --only codegen`) type-checks each large corpus spec's client.
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
    const names = allSpecs.map((_, index) => packageName(index));
    // Compiling and importing share one interpreter, which saves a Python start.
    const output = runPython(
      `import compileall, contextlib, importlib, json, sys
with contextlib.redirect_stdout(sys.stderr):
    if not compileall.compile_dir(${JSON.stringify(flaskDir)}, quiet=1):
        raise SystemExit("compileall failed")
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

/** Each spec's client, and the fixture clients whose probes check the generated types. */
const TS_FIXTURES = [
  {
    spec: 'test/codegen/fixtures/read-write.yaml',
    probe: 'test/codegen/fixtures/read-write-probe.ts',
  },
  { spec: 'test/codegen/fixtures/query-styles.yaml' },
];

/** tsc's diagnostics grouped by the file they name, relative to the program's folder. */
interface TypecheckRun {
  status: number;
  byFile: Map<string, string[]>;
}

/**
 * Type-checks every file in one tsc program, because each program pays several CPU seconds
 * to load and check the DOM lib and openapi-fetch's declarations before it reaches our files.
 * `skipDefaultLibCheck` skips only TypeScript's own lib files; openapi-fetch's `.d.ts` and
 * the generated `.ts` files are still checked.
 */
function typecheck(directory: string, files: string[]): TypecheckRun {
  writeFileSync(
    path.join(directory, 'tsconfig.json'),
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
        skipDefaultLibCheck: true,
        noEmit: true,
        types: [],
      },
      files,
    }),
  );
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  let status = 0;
  let output = '';
  try {
    output = execFileSync(process.execPath, [tsc, '-p', '.', '--pretty', 'false'], {
      cwd: directory,
      encoding: 'utf8',
    });
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    status = failed.status;
    output = failed.stdout;
  }
  const byFile = new Map<string, string[]>();
  for (const line of output.split('\n').filter((entry) => entry.trim() !== '')) {
    // Continuation lines of a message belong to the file of the line before them.
    const file = /^(\S[^(]*)\(\d+,\d+\): /.exec(line)?.[1] ?? [...byFile.keys()].at(-1) ?? '';
    byFile.set(file, [...(byFile.get(file) ?? []), line]);
  }
  return { status, byFile };
}

describe('TypeScript code for every spec', () => {
  const included: string[] = [];
  const probes: string[] = [];
  let run: TypecheckRun = { status: -1, byFile: new Map() };

  beforeAll(async () => {
    for (const [index, spec] of allSpecs.entries()) {
      if (statSync(spec).size >= TS_SIZE_LIMIT) continue;
      const out = path.join(tsDir, packageName(index));
      await generateTs(spec, out, { cwd: REPO_ROOT });
      included.push(`${packageName(index)}/client.ts`);
    }
    for (const fixture of TS_FIXTURES) {
      const name = path.basename(fixture.spec, '.yaml');
      await generateTs(fixture.spec, path.join(tsDir, name), { cwd: REPO_ROOT });
      included.push(`${name}/client.ts`);
      if (fixture.probe === undefined) continue;
      const probe = `${name}/${path.basename(fixture.probe)}`;
      copyFileSync(path.join(REPO_ROOT, fixture.probe), path.join(tsDir, probe));
      probes.push(probe);
    }
    run = typecheck(tsDir, [...included, ...probes]);
  }, 300_000);

  test('generates clients that pass strict tsc', () => {
    expect(included.length).toBeGreaterThanOrEqual(24);
    const unexpected = [...run.byFile].filter(([file]) => !probes.includes(file));
    expect(unexpected).toEqual([]);
  });

  test('client types ignore readOnly in requests and writeOnly in responses', () => {
    expect(probes).toContain('read-write/read-write-probe.ts');
    expect(run.byFile.get('read-write/read-write-probe.ts') ?? []).toEqual([]);
    expect(run.status).toBe(0);
  });
});
