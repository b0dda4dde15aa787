import { rename, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

import { parseFormatOption, SpecgateError } from '@specgate/core';

/** One requested output: a format name and where it goes (stdout when no file). */
export interface OutputTarget {
  format: string;
  file: string | undefined;
}

/**
 * Parses the repeated `--format` option. At most one format may go to stdout; the
 * default is `stylish`.
 */
export function parseOutputTargets(values: readonly string[], cwd: string): OutputTarget[] {
  const targets = (values.length > 0 ? values : ['stylish']).map((value) => {
    const parsed = parseFormatOption(value);
    return {
      format: parsed.name,
      file: parsed.outFile === undefined ? undefined : path.resolve(cwd, parsed.outFile),
    };
  });
  const toStdout = targets.filter((target) => target.file === undefined);
  if (toStdout.length > 1) {
    throw new SpecgateError(
      'USAGE',
      `--format: ${toStdout.map((target) => target.format).join(' and ')} would both print to stdout. Send all but one to a file, e.g. --format sarif=report.sarif.`,
    );
  }
  return targets;
}

/**
 * Writes every rendered output. Files are written to a temporary name and renamed,
 * so a failed run never leaves a half-written report behind.
 */
export async function writeOutputs(
  outputs: { target: OutputTarget; text: string }[],
  stdout: (text: string) => void,
): Promise<void> {
  for (const { target, text } of outputs) {
    const body = text.endsWith('\n') || text === '' ? text : `${text}\n`;
    if (target.file === undefined) {
      stdout(body);
      continue;
    }
    await mkdir(path.dirname(target.file), { recursive: true });
    const temporary = `${target.file}.${process.pid}.tmp`;
    await writeFile(temporary, body, 'utf8');
    await rename(temporary, target.file);
  }
}
