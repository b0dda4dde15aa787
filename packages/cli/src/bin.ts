import { main } from './main.js';

// A reader that stops early (`specgate ... | head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// No top-level await: the bundle in bundle/ is a CommonJS file (see scripts/bundle.mjs).
void main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: process.stdout.isTTY === true,
  noColor: process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '',
}).then((exitCode) => {
  process.exitCode = exitCode;
});
