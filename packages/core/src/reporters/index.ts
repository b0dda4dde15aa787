import { SpecgateError } from '../errors.js';

import { renderGithub } from './github.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderStylish } from './stylish.js';
import type { Reporter } from './types.js';

export type { ReportInput, Reporter } from './types.js';
export { renderGithub } from './github.js';
export { renderJunit } from './junit.js';
export { renderMarkdown } from './markdown.js';
export { renderSarif, SARIF_SCHEMA_URI } from './sarif.js';
export { renderStylish } from './stylish.js';

/** Name of an output format rendered from a finding list alone. */
export type ReporterName = 'stylish' | 'sarif' | 'github' | 'junit' | 'markdown';

/** Name of any output format `--format` accepts; each command renders `json` itself. */
export type FormatName = ReporterName | 'json';

/** Reporters by format name. */
export const reporters: Record<ReporterName, Reporter> = {
  stylish: renderStylish,
  sarif: renderSarif,
  github: renderGithub,
  junit: renderJunit,
  markdown: renderMarkdown,
};

/** Every name `--format` accepts, in the order help text lists them. */
export const formatNames: readonly FormatName[] = [
  'stylish',
  'json',
  'sarif',
  'github',
  'junit',
  'markdown',
];

/** One parsed `--format` value: the format, and the file to write when one is named. */
export interface FormatOption {
  name: FormatName;
  outFile?: string;
}

/**
 * Parses one `--format` value, `name` (write to stdout) or `name=path` (write to a file).
 * Raises a `USAGE` SpecgateError for an unknown name or an empty path.
 */
export function parseFormatOption(value: string): FormatOption {
  const separator = value.indexOf('=');
  const name = separator === -1 ? value : value.slice(0, separator);
  const outFile = separator === -1 ? undefined : value.slice(separator + 1);

  if (!isFormatName(name)) {
    throw new SpecgateError(
      'USAGE',
      `Unknown format "${name}" in --format ${value}. Use one of ${formatNames.join(', ')}, ` +
        'optionally followed by =FILE to write that format to a file.',
    );
  }
  if (outFile === undefined) return { name };
  if (outFile === '') {
    throw new SpecgateError(
      'USAGE',
      `Missing file name in --format ${value}. Give a path after "=", as in ${name}=report.out, ` +
        `or use --format ${name} to write to stdout.`,
    );
  }
  return { name, outFile };
}

function isFormatName(name: string): name is FormatName {
  return (formatNames as readonly string[]).includes(name);
}
