import { statSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';

/**
 * Total size of spec files, in bytes, below which a run starts without V8's optimizing
 * compiler. Parsing is linear in the size, so below this it takes a few tens of ms.
 */
const SMALL_INPUT_BYTES = 1_000_000;

/** Time after which a run that started without the optimizing compiler turns it on. */
const SHORT_RUN_MS = 100;

/**
 * Turns TurboFan, V8's optimizing compiler, off for a run on small spec files, and returns a
 * checkpoint that turns it back on once the run has lasted 100 ms. The caller calls it after
 * loading and after each operation. In a short run, TurboFan's background compiles of the hot
 * functions (about 30 ms each here) end after the output is written, and Node waits for them
 * at exit. A comparison of small specs with many shared schemas can take seconds, so it gets
 * TurboFan back. A path that is not a local file (a URL, a missing file) leaves it on.
 */
export function optimizeOnlyLongRuns(
  cwd: string,
  files: readonly string[],
  setFlags: (flags: string) => void = setFlagsFromString,
  now: () => number = Date.now,
): () => void {
  let total = 0;
  for (const file of files) {
    const size = fileSize(path.resolve(cwd, file));
    if (size === undefined) return () => {};
    total += size;
  }
  if (total >= SMALL_INPUT_BYTES) return () => {};
  setFlags('--no-turbofan');
  const started = now();
  let off = true;
  return () => {
    if (!off || now() - started < SHORT_RUN_MS) return;
    setFlags('--turbofan');
    off = false;
  };
}

function fileSize(file: string): number | undefined {
  try {
    const stats = statSync(file, { throwIfNoEntry: false });
    return stats?.isFile() === true ? stats.size : undefined;
  } catch {
    return undefined;
  }
}
