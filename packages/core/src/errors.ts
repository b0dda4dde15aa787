/** Stable codes of the input and usage errors every command reports with exit code 2. */
export type SpecgateErrorCode =
  | 'FILE_NOT_FOUND'
  | 'NOT_A_FILE'
  | 'EMPTY_FILE'
  | 'PARSE_ERROR'
  | 'NOT_OPENAPI'
  | 'UNSUPPORTED_VERSION'
  | 'INVALID_DOCUMENT'
  | 'REF_NOT_FOUND'
  | 'REMOTE_REF'
  | 'CONFIG_INVALID'
  | 'GIT_ERROR'
  | 'OUTPUT_ERROR'
  | 'PACT_INVALID'
  | 'BROKER_ERROR'
  | 'USAGE';

/**
 * A failure of the tool's input or usage: a file that cannot be read, a document that
 * is not OpenAPI, a bad flag. The message is one line naming the value and the fix.
 */
export class SpecgateError extends Error {
  readonly code: SpecgateErrorCode;
  readonly file: string | undefined;

  constructor(
    code: SpecgateErrorCode,
    message: string,
    options: { file?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SpecgateError';
    this.code = code;
    this.file = options.file;
  }
}

/** True for errors that mean bad input or usage (exit code 2) rather than a bug. */
export function isSpecgateError(error: unknown): error is SpecgateError {
  return error instanceof SpecgateError;
}

const SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: 'not found',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  ENXIO: 'no reader on the other end',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

/** Describes a failed file operation in words, with the system's code for searching. */
export function describeSystemError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined) return error instanceof Error ? error.message : String(error);
  const words = SYSTEM_ERRORS[code];
  return words === undefined ? code : `${words}, ${code}`;
}
