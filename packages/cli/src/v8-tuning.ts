import { statSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';

/**
 * Total size of spec files, in bytes, below which a run turns V8's optimizing compiler off.
 * Measured on the benchmark pairs (docs/benchmarks.md): without it, diffs of 0.2 to 2 MB of
 * specs ended 10 to 15 ms sooner, and a diff of 6 MB took 75 ms longer.
 */
const SMALL_INPUT_BYTES = 1_000_000;

/**
 * Turns TurboFan, V8's optimizing compiler, off for the rest of a run whose spec files are
 * small. In such a run the parser's and the comparison's functions get hot only near the end,
 * and TurboFan compiles each of them for about 30 ms on a background thread. The output is
 * written before the optimized code is ready, and Node then waits for those compiles before it
 * exits. Without TurboFan they run as V8's baseline code. A path that is not a readable local
 * file (a URL, a missing file) leaves the compiler on, as a large input would.
 */
export function skipOptimizerForSmallInput(
  cwd: string,
  files: readonly string[],
  setFlags: (flags: string) => void = setFlagsFromString,
): void {
  let total = 0;
  for (const file of files) {
    const size = fileSize(path.resolve(cwd, file));
    if (size === undefined) return;
    total += size;
  }
  if (total < SMALL_INPUT_BYTES) setFlags('--no-turbofan');
}

function fileSize(file: string): number | undefined {
  try {
    const stats = statSync(file, { throwIfNoEntry: false });
    return stats?.isFile() === true ? stats.size : undefined;
  } catch {
    return undefined;
  }
}
