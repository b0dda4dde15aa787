import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The interpreter with Flask, jsonschema and pytest: Debian's /usr/bin/python3 when it has
 * them (a pyenv `python3` on PATH may not), else `python3` from PATH.
 */
export const PYTHON = pickPython();

function pickPython(): string {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    if (candidate.startsWith('/') && !existsSync(candidate)) continue;
    const probe = spawnSync(candidate, ['-c', 'import flask, jsonschema, pytest'], {
      stdio: 'ignore',
    });
    if (probe.status === 0) return candidate;
  }
  throw new Error(
    'No python3 with flask, jsonschema and pytest: apt-get install python3-flask python3-jsonschema python3-pytest.',
  );
}

/** Runs Python code with `cwd` on sys.path and returns its stdout. */
export function runPython(code: string, cwd: string): string {
  return execFileSync(PYTHON, ['-c', code], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: cwd, PYTHONDONTWRITEBYTECODE: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Runs pytest on a folder and returns its exit code and summary output. */
export function runPytest(target: string, cwd: string): { status: number | null; output: string } {
  const run = spawnSync(PYTHON, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', target], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: cwd, PYTHONDONTWRITEBYTECODE: '1' },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/**
 * Runs several Python scripts in one process, each with its own globals, and returns each
 * script's stdout by name. One interpreter start and one Flask import serve the whole batch.
 * A script that raises reports its traceback as its output, and the others still run.
 */
export function runPythonBatch(
  scripts: Record<string, string>,
  cwd: string,
): Record<string, string> {
  const harness = `import contextlib, io, json, sys, traceback
scripts = json.loads(sys.stdin.read())
outputs = {}
for name, code in scripts.items():
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        try:
            exec(compile(code, name, "exec"), {"__name__": name})
        except Exception:
            print(traceback.format_exc())
    outputs[name] = buffer.getvalue()
print(json.dumps(outputs))
`;
  const output = execFileSync(PYTHON, ['-c', harness], {
    cwd,
    input: JSON.stringify(scripts),
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: cwd, PYTHONDONTWRITEBYTECODE: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output) as Record<string, string>;
}
