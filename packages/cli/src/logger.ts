/** How much the CLI writes to stderr. */
export type Verbosity = 'quiet' | 'normal' | 'verbose' | 'debug';

/** Writes progress and diagnostics to stderr; results never go through it. */
export class Logger {
  readonly verbosity: Verbosity;
  private readonly write: (text: string) => void;

  constructor(
    verbosity: Verbosity,
    write: (text: string) => void = (text) => process.stderr.write(text),
  ) {
    this.verbosity = verbosity;
    this.write = write;
  }

  /** Writes a notice, unless --quiet. */
  info(message: string): void {
    if (this.verbosity !== 'quiet') this.write(`${message}\n`);
  }

  /** Writes a warning, even with --quiet. */
  warn(message: string): void {
    this.write(`specgate: warning: ${message}\n`);
  }

  /** Detail shown with --verbose or --debug. */
  verbose(message: string): void {
    if (this.verbosity === 'verbose' || this.verbosity === 'debug') this.write(`${message}\n`);
  }
}
