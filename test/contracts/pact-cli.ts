import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type { Verifier } from '@pact-foundation/pact';

/**
 * The official Pact clients as @specgate/contracts depends on them (the repository
 * root does not): the `pact-broker` CLI from @pact-foundation/pact-cli, a Rust binary
 * shipped inside the npm package, and Pact JS.
 */
const contractsPackage = fileURLToPath(
  new URL('../../packages/contracts/package.json', import.meta.url),
);
const requireFromContracts = createRequire(contractsPackage);
const cliPackage = requireFromContracts.resolve('@pact-foundation/pact-cli/package.json');
const PACT_BROKER_BIN = path.join(path.dirname(cliPackage), 'bin', 'pact-broker.js');

export interface PactCliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `pact-broker ARGS` as users run it, with Pact's usage reporting off. */
export function pactBroker(args: string[], cwd: string): Promise<PactCliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [PACT_BROKER_BIN, ...args],
      { cwd, timeout: 30_000, env: { ...process.env, PACT_DO_NOT_TRACK: 'true', NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        let code = 0;
        if (error) code = typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Loads Pact JS's Verifier. */
export async function loadPactJs(): Promise<{ Verifier: typeof Verifier }> {
  const entry = pathToFileURL(requireFromContracts.resolve('@pact-foundation/pact')).href;
  const loaded = (await import(entry)) as { default?: { Verifier: typeof Verifier } };
  return loaded.default ?? (loaded as { Verifier: typeof Verifier });
}
