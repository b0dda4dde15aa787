// fs.promises is read where it is used, so `diff`, which never discovers specs, never loads it.
import { promises as fs } from 'node:fs';
import path from 'node:path';

import {
  configPlace,
  describeSystemError,
  displayPathOf,
  git,
  SpecgateError,
  withoutBom,
  type ApiConfig,
  type SpecgateConfig,
} from '@specgate/core';

const SPEC_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const TOP_LEVEL_YAML_KEY = /^["']?(openapi|swagger)["']?[ \t]*:/m;
const FIRST_JSON_KEY = /^\s*\{\s*"(openapi|swagger)"\s*:/;
const JSON_KEY = /"(openapi|swagger)"\s*:/;

/**
 * The APIs a command works on: those declared in the config, else every root spec
 * found under `specs/` (a YAML or JSON file whose top level has `openapi` or
 * `swagger`; files that only hold `$ref` targets are left out). A declared API whose spec
 * file is missing is an error naming its key in the config, unless `checkFiles` is false.
 */
export async function discoverApis(
  config: SpecgateConfig,
  cwd: string,
  options: { checkFiles?: boolean } = {},
): Promise<ApiConfig[]> {
  if (config.apis.length > 0) {
    if (options.checkFiles !== false) await checkDeclaredSpecs(config, cwd);
    return config.apis;
  }
  const directory = path.join(config.file ? config.directory : cwd, 'specs');
  const files = await listFiles(directory);
  const apis: ApiConfig[] = [];
  const named = new Map<string, string>();
  for (const file of files.sort()) {
    if (!(await isRootSpec(file, cwd))) continue;
    const name = apiName(path.relative(directory, file));
    const earlier = named.get(name);
    if (earlier !== undefined) {
      throw new SpecgateError(
        'USAGE',
        `${displayPathOf(earlier, cwd)} and ${displayPathOf(file, cwd)} both give the API name "${name}". Rename one, or declare the APIs in specgate.yaml.`,
        { file: displayPathOf(file, cwd) },
      );
    }
    named.set(name, file);
    apis.push({ name, spec: file });
  }
  return apis;
}

async function checkDeclaredSpecs(config: SpecgateConfig, cwd: string): Promise<void> {
  for (const [index, api] of config.apis.entries()) {
    const info = await fs.stat(api.spec).catch(() => null);
    if (info !== null) continue;
    const place = await configPlace(config, `/apis/${index}/spec`, cwd);
    const specPath = displayPathOf(api.spec, cwd);
    throw new SpecgateError(
      'FILE_NOT_FOUND',
      `${place}: apis[${index}].spec: ${specPath}: file not found. Fix the path in the config, or create the file.`,
      { file: specPath },
    );
  }
}

/** Names a discovered API after its path under `specs/`: `orders/openapi.yaml` → `orders`. */
function apiName(relativePath: string): string {
  const name = relativePath
    .replace(/\.(ya?ml|json)$/, '')
    .split(/[\\/]/)
    .filter((part) => part !== 'openapi')
    .join('-');
  return name || path.basename(relativePath);
}

/** Returns true for hidden folders and `node_modules`, which contain no API of the repository. */
function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

async function listFiles(directory: string): Promise<string[]> {
  const entries = await fs.readdir(directory, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory() && isSkippedFolder(entry.name)) continue;
    if (entry.isDirectory()) files.push(...(await listFiles(full)));
    else if (SPEC_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) files.push(full);
  }
  return files;
}

/**
 * True when `file` is a root spec. Only regular files are read, because a FIFO would block the
 * run and a device may never end. A file that fails to read stops the run, so that its API is
 * not left out of the gate unseen.
 */
async function isRootSpec(file: string, cwd: string): Promise<boolean> {
  const info = await fs.stat(file).catch(() => null);
  if (info === null || !info.isFile()) return false;
  try {
    return isRootSpecText(await fs.readFile(file, 'utf8'));
  } catch (error) {
    const shownPath = displayPathOf(file, cwd);
    throw new SpecgateError(
      'NOT_A_FILE',
      `${shownPath}: read failed (${describeSystemError(error)}). Fix its permissions, or move it out of specs/.`,
      { file: shownPath, cause: error },
    );
  }
}

/**
 * True when a file's text has `openapi` or `swagger` at its top level, not only nested (in a
 * schema's properties, an example). Text that starts with `{` is JSON: its first key settles
 * most files, and the others are parsed. JSON that fails to parse but names the key counts, so
 * that lint reports its error. In block YAML, top-level keys are the ones at column 0.
 */
export function isRootSpecText(text: string): boolean {
  const body = withoutBom(text);
  if (!body.trimStart().startsWith('{')) return TOP_LEVEL_YAML_KEY.test(body);
  if (FIRST_JSON_KEY.test(body)) return true;
  if (!JSON_KEY.test(body)) return false;
  try {
    const value = JSON.parse(body) as unknown;
    return (
      typeof value === 'object' &&
      value !== null &&
      (Object.hasOwn(value, 'openapi') || Object.hasOwn(value, 'swagger'))
    );
  } catch {
    return true;
  }
}

/**
 * Returns the root specs that were under `specs/` at the base revision and are not among the
 * `discovered` APIs now. `removed` lists those whose file is gone from the work tree, and
 * `unreadable` those whose file no longer reads as a root spec (emptied, or its `openapi` key
 * deleted), so that loading it stops the gate with its error. Used only when APIs are
 * discovered, because a declared API's file is always loaded.
 */
export async function lostSpecs(
  config: SpecgateConfig,
  cwd: string,
  topLevel: string,
  base: string,
  discovered: readonly ApiConfig[],
): Promise<{ removed: { name: string; file: string }[]; unreadable: ApiConfig[] }> {
  const lost = { removed: [] as { name: string; file: string }[], unreadable: [] as ApiConfig[] };
  if (config.apis.length > 0) return lost;
  const directory = path.join(config.file ? config.directory : cwd, 'specs');
  const relative = path.relative(topLevel, directory).split(path.sep).join('/');
  const listing = await git(topLevel, [
    'ls-tree',
    '-r',
    '--name-only',
    '-z',
    base,
    '--',
    relative || '.',
  ]);
  const known = new Set(await Promise.all(discovered.map((api) => realPath(api.spec))));
  // -z: paths end with NUL and are not quoted, whatever characters they have.
  for (const file of listing.split('\0')) {
    if (!SPEC_EXTENSIONS.has(path.extname(file).toLowerCase())) continue;
    const folders = path.posix.relative(relative, file).split('/').slice(0, -1);
    if (folders.some(isSkippedFolder)) continue;
    const current = path.join(topLevel, file);
    const info = await fs.stat(current).catch(() => null);
    const exists = info !== null;
    if (info !== null && !info.isFile() && !info.isDirectory()) {
      throw new SpecgateError(
        'NOT_A_FILE',
        `${file}: is not a regular file. Put the spec's file back, or remove it with git rm.`,
        { file },
      );
    }
    if (exists && known.has(await realPath(current))) continue;
    if (!isRootSpecText(await git(topLevel, ['show', `${base}:${file}`]))) continue;
    const name = apiName(path.relative(relative, file));
    if (exists) lost.unreadable.push({ name, spec: current });
    else lost.removed.push({ name, file });
  }
  return lost;
}

async function realPath(file: string): Promise<string> {
  return fs.realpath(file).catch(() => path.resolve(file));
}
