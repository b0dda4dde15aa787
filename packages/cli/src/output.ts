import { statSync } from 'node:fs';
import { lstat, realpath, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { parseFormatOption, SpecgateError } from '@specgate/core';

/** One requested output: a format name and where it goes (stdout when no file). */
export interface OutputTarget {
  format: string;
  file: string | undefined;
}

/**
 * Parses the repeated `--format` option and checks every target before any work is
 * done: at most one format goes to stdout (the default is `stylish`), no two
 * formats share a file, and each file's folder exists.
 */
export function parseOutputTargets(
  values: readonly string[],
  cwd: string,
  formats?: { names: readonly string[]; default: string },
): OutputTarget[] {
  const defaultFormat = formats?.default ?? 'stylish';
  const targets = (values.length > 0 ? values : [defaultFormat]).map((value) => {
    const parsed = formats ? parseNamedFormat(value, formats.names) : parseFormatOption(value);
    const file = parsed.outFile === undefined ? undefined : path.resolve(cwd, parsed.outFile);
    return { format: parsed.name, file };
  });
  const toStdout = targets.filter((target) => target.file === undefined);
  if (toStdout.length > 1) {
    throw new SpecgateError(
      'USAGE',
      `--format: ${toStdout.map((target) => target.format).join(' and ')} would both print to stdout. Send all but one to a file, e.g. --format sarif=report.sarif.`,
    );
  }
  const seen = new Set<string>();
  for (const target of targets) {
    if (target.file === undefined) continue;
    if (seen.has(target.file)) {
      throw new SpecgateError(
        'USAGE',
        `--format: two formats would write ${target.file}. Give each format its own file.`,
      );
    }
    seen.add(target.file);
    checkTargetPath(target.file);
  }
  return targets;
}

/** Parses `name[=file]` for a command with its own format names (not the finding reporters). */
function parseNamedFormat(
  value: string,
  names: readonly string[],
): { name: string; outFile?: string } {
  const separator = value.indexOf('=');
  const name = separator === -1 ? value : value.slice(0, separator);
  if (!names.includes(name)) {
    throw new SpecgateError(
      'USAGE',
      `Unknown format "${name}" in --format ${value}. Use one of ${names.join(', ')}, optionally followed by =FILE.`,
    );
  }
  if (separator === -1) return { name };
  const outFile = value.slice(separator + 1);
  if (outFile === '') {
    throw new SpecgateError(
      'USAGE',
      `Missing file name in --format ${value}. Give a path after "=", or use --format ${name} to write to stdout.`,
    );
  }
  return { name, outFile };
}

function checkTargetPath(file: string): void {
  const folder = path.dirname(file);
  const folderInfo = statSync(folder, { throwIfNoEntry: false });
  if (!folderInfo?.isDirectory()) {
    throw new SpecgateError(
      'USAGE',
      `--format: folder ${folder} does not exist. Create it, or write the report elsewhere.`,
    );
  }
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
    throw new SpecgateError(
      'USAGE',
      `--format: ${file} is a directory. Name a file to write the report to.`,
    );
  }
}

/**
 * Writes every rendered output. A regular file (or a symlink to one) is written to a
 * temporary file beside it and renamed into place, so a failed run never leaves a
 * half-written report. Pipes and devices are written to directly.
 */
export async function writeOutputs(
  outputs: { target: OutputTarget; text: string }[],
  stdout: (text: string) => void,
): Promise<void> {
  for (const { target, text } of outputs) {
    const body = text.endsWith('\n') || text === '' ? text : `${text}\n`;
    if (target.file === undefined) stdout(body);
    else await writeReport(target.file, body);
  }
}

async function writeReport(file: string, body: string): Promise<void> {
  try {
    const info = await lstat(file).catch(() => null);
    const real = info?.isSymbolicLink() ? await realpath(file) : file;
    const realInfo = real === file ? info : await lstat(real);
    if (realInfo && !realInfo.isFile()) {
      await writeFile(real, body, 'utf8');
      return;
    }
    const temporary = path.join(path.dirname(real), `.${path.basename(real)}.${process.pid}.tmp`);
    try {
      await writeFile(temporary, body, 'utf8');
      await rename(temporary, real);
    } finally {
      await rm(temporary, { force: true });
    }
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new SpecgateError(
      'OUTPUT_ERROR',
      `--format: cannot write ${file} (${reason}). Check the path and its permissions.`,
      { cause: error },
    );
  }
}
