import { isSpecgateError } from '@specgate/core';

import { verifyProvider, type VerifyOptions } from './verify.js';

/** The reply of the worker: the result, or the error that ended the verification. */
export type WorkerReply =
  | { result: Awaited<ReturnType<typeof verifyProvider>> }
  | { error: { message: string; code: string | null; file: string | null } };

process.once('message', (options: VerifyOptions) => {
  verifyProvider(options)
    .then((result): WorkerReply => ({ result }))
    .catch((error: unknown): WorkerReply => ({
      error: {
        message: error instanceof Error ? error.message : String(error),
        code: isSpecgateError(error) ? error.code : null,
        file: isSpecgateError(error) ? (error.file ?? null) : null,
      },
    }))
    .then((reply) => process.send?.(reply, () => process.exit(0)));
});
