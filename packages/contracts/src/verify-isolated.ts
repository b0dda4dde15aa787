import { fork } from 'node:child_process';
import { createRequire } from 'node:module';

import { SpecgateError, type SpecgateErrorCode } from '@specgate/core';

import type { VerifyOptions, VerifyResult } from './verify.js';
import type { WorkerReply } from './verify-worker.js';

/**
 * Runs {@link verifyProvider} in a child process and passes the text Pact's native verifier
 * prints to `onOutput`. The native core writes its progress straight to file descriptor 1,
 * so this is the way to keep a JSON document on stdout clean. The state handlers module is
 * loaded in the child.
 */
export async function verifyProviderIsolated(
  options: VerifyOptions,
  onOutput: (text: string) => void,
): Promise<VerifyResult> {
  // Resolved through the package's exports, so it is the compiled worker wherever this runs.
  const worker = createRequire(import.meta.url).resolve('@specgate/contracts/verify-worker');
  const child = fork(worker, [], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (text: string) => onOutput(text));
  const reply = await new Promise<WorkerReply | null>((resolve, reject) => {
    let received: WorkerReply | null = null;
    child.once('message', (message) => {
      received = message as WorkerReply;
    });
    child.once('error', reject);
    child.once('close', () => resolve(received));
    child.send(options);
  });
  if (reply === null) {
    throw new Error(
      `the Pact verifier process exited with code ${child.exitCode} before sending a result. Rerun with --debug to see its log.`,
    );
  }
  if ('result' in reply) return reply.result;
  const { message, code, file } = reply.error;
  if (code === null) throw new Error(message);
  throw new SpecgateError(code as SpecgateErrorCode, message, file === null ? {} : { file });
}
