import type { Finding, Level } from '../finding.js';

/** Everything a reporter needs to render one run's findings. */
export interface ReportInput {
  /** 'lint' | 'diff' | 'check' — the command that produced the findings. */
  command: string;
  /**
   * Findings to render, already sorted. Waived findings have `waived` set and are displayed as
   * waived, never as failures.
   */
  findings: readonly Finding[];
  /** Level at or above which a finding fails the run. */
  failLevel: Level;
  /** Returns the text of a file named in a location, or undefined when it is not available. */
  readSource?: (file: string) => string | undefined;
  /** ANSI colour in the output (stylish only). Default false. */
  color?: boolean;
  /** Tool version written to SARIF's `tool.driver.version`. */
  toolVersion?: string;
}

/** Renders findings as the text of one output format. Pure: it never prints. */
export type Reporter = (input: ReportInput) => string;
