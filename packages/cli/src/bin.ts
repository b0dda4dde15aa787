import { describeSystemError } from '@specgate/core';

import { main } from './main.js';
import { optimizeOnlyLongRuns } from './v8-tuning.js';

// A reader that stops early (`specgate ... | head`) is not an error of ours. Any other failed
// write (a full disk, for example) ends the run with one line and exit code 2, as bad input does.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(
    `specgate: error: cannot write to stdout (${describeSystemError(error)}). Send the output to a file or device with free space.\n`,
  );
  process.exit(2);
});

// A failed write to stderr (a full device, a closed pipe) loses the message, but the exit code
// still gives the run's outcome: the code set so far, or 2 as for any output error.
process.stderr.on('error', () => process.exit(process.exitCode ?? 2));

/** Returns the working directory, or exits 2 with one line when it was deleted or is unreadable. */
function workingDirectory(): string {
  try {
    return process.cwd();
  } catch (error) {
    process.stderr.write(
      `specgate: error: cannot read the working directory (${describeSystemError(error)}). Change to an existing directory and run specgate again.\n`,
    );
    process.exit(2);
  }
}

/**
 * Exits as soon as the event loop has nothing left but the stdout and stderr handles: no server,
 * child process, timer or unfinished write. A normal exit first frees the heap and waits for
 * V8's queued background compiles, about 7 ms after a diff of two 100 KB specs, for output that
 * is already written. A command that still has work in the loop ends as Node ends it.
 */
function exitWhenIdle(exitCode: number): void {
  setImmediate(() => {
    const idle = process
      .getActiveResourcesInfo()
      .every((resource) => resource === 'PipeWrap' || resource === 'TTYWrap');
    if (idle) process.exit(exitCode);
  });
}

const cwd = workingDirectory();
// No top-level await: the bundle in bundle/ is a CommonJS file (see scripts/bundle.mjs).
void main(process.argv.slice(2), {
  cwd,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: process.stdout.isTTY === true,
  noColor: process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '',
  // A V8 flag set during a run changes the flags the code cache is written under, and V8 then
  // rejects that cache in every later run, so the build's warm-up runs keep the defaults.
  ...(process.env['SPECGATE_WRITE_CODE_CACHE'] === '1'
    ? {}
    : { tuneForRun: (files) => optimizeOnlyLongRuns(cwd, files) }),
}).then((exitCode) => {
  process.exitCode = exitCode;
  exitWhenIdle(exitCode);
});
