import { describeSystemError } from '@specgate/core';

import { main } from './main.js';

// A reader that stops early (`specgate ... | head`) is not an error of ours. Any other failed
// write (a full disk, for example) ends the run with one line and exit code 2, as bad input does.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(
    `specgate: error: cannot write to stdout (${describeSystemError(error)}). Send the output to a file or device with free space.\n`,
  );
  process.exit(2);
});

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

// No top-level await: the bundle in bundle/ is a CommonJS file (see scripts/bundle.mjs).
void main(process.argv.slice(2), {
  cwd: workingDirectory(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: process.stdout.isTTY === true,
  noColor: process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '',
}).then((exitCode) => {
  process.exitCode = exitCode;
});
