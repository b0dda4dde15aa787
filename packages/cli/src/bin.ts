import { main } from './main.js';

const exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: process.stdout.isTTY === true,
  noColor: process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '',
});
process.exitCode = exitCode;
