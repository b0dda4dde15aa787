// fs.promises is read where it is used, so runs that write no file never load it.
import { promises as fs, statSync } from 'node:fs';
import path from 'node:path';

import { describeSystemError, parseFormatOption, SpecgateError } from '@specgate/core';

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
  const fileInfo = statSync(file, { throwIfNoEntry: false });
  // The folder is looked at last on purpose: Node 20's realpathSync reads the file type of
  // the process's latest synchronous stat, so a last stat of a pipe (/dev/stdout) would make
  // later module loads skip resolving pnpm's symlinks and fail.
  const folderInfo = statSync(folder, { throwIfNoEntry: false });
  if (!folderInfo?.isDirectory()) {
    throw new SpecgateError(
      'USAGE',
      `--format: folder ${folder} does not exist. Create it, or write the report elsewhere.`,
    );
  }
  if (fileInfo?.isDirectory()) {
    throw new SpecgateError(
      'USAGE',
      `--format: ${file} is a directory. Name a file to write the report to.`,
    );
  }
}

/**
 * Writes every rendered output, all or nothing as far as files go. Regular files (or
 * symlinks to them) are first written to temporary files beside them, and pipes and
 * devices are written next. Only when all of that worked are the temporary files renamed
 * into place, so a failed run leaves every existing report as it was.
 */
export async function writeOutputs(
  outputs: { target: OutputTarget; text: string }[],
  stdout: (text: string) => void,
): Promise<void> {
  const staged: { file: string; temporary: string; real: string }[] = [];
  const direct: { file: string; body: string }[] = [];
  try {
    for (const { target, text } of outputs) {
      if (target.file === undefined || target.file === STDOUT) continue;
      const body = withNewline(text);
      const place = await placeOf(target.file);
      if (place.regular) {
        const temporary = path.join(
          path.dirname(place.real),
          `.${path.basename(place.real)}.${process.pid}.tmp`,
        );
        staged.push({ file: target.file, temporary, real: place.real });
        await attempt(target.file, () => fs.writeFile(temporary, body, 'utf8'));
      } else direct.push({ file: target.file, body });
    }
    // A pipe or device is opened by the path given: /dev/stdout resolves to no openable file.
    for (const { file, body } of direct)
      await attempt(file, () => fs.writeFile(file, body, 'utf8'));
    for (const { file, temporary, real } of staged)
      await attempt(file, () => fs.rename(temporary, real));
  } finally {
    for (const { temporary } of staged) await fs.rm(temporary, { force: true });
  }
  // /dev/stdout goes through the process's own stream: opening it fails when stdout is a socket.
  for (const { target, text } of outputs) {
    if (target.file === undefined || target.file === STDOUT) stdout(withNewline(text));
  }
}

const STDOUT = '/dev/stdout';

function withNewline(text: string): string {
  return text.endsWith('\n') || text === '' ? text : `${text}\n`;
}

/** Resolves where a report file goes: its real path, and whether it is a regular file (or new). */
async function placeOf(file: string): Promise<{ real: string; regular: boolean }> {
  const info = await fs.stat(file).catch(() => null);
  if (info && !info.isFile()) return { real: file, regular: false };
  const link = await fs.lstat(file).catch(() => null);
  const real = link?.isSymbolicLink() ? await attempt(file, () => fs.realpath(file)) : file;
  return { real, regular: true };
}

async function attempt<T>(file: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    const reason = describeSystemError(error);
    throw new SpecgateError(
      'OUTPUT_ERROR',
      `--format: cannot write ${file} (${reason}). Check the path and its permissions.`,
      { cause: error },
    );
  }
}
