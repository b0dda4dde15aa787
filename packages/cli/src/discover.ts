// fs.promises is read where it is used, so `diff`, which never discovers specs, never loads it.
import { promises as fs } from 'node:fs';
import path from 'node:path';

import {
  configPlace,
  displayPathOf,
  git,
  SpecgateError,
  type ApiConfig,
  type SpecgateConfig,
} from '@specgate/core';

const SPEC_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const ROOT_SPEC = /^\s*["']?(openapi|swagger)["']?\s*:/m;

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
  for (const file of files.sort()) {
    if (!(await isRootSpec(file))) continue;
    apis.push({ name: apiName(path.relative(directory, file)), spec: file });
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

async function listFiles(directory: string): Promise<string[]> {
  const entries = await fs.readdir(directory, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(full)));
    else if (SPEC_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) files.push(full);
  }
  return files;
}

async function isRootSpec(file: string): Promise<boolean> {
  const head = (await fs.readFile(file, 'utf8')).slice(0, 4096);
  return ROOT_SPEC.test(head);
}

/**
 * Root specs that were under `specs/` at the base revision and are gone from the
 * work tree. Only used when APIs are discovered rather than declared, because a
 * declared API whose file is missing is already an input error.
 */
export async function removedSpecs(
  config: SpecgateConfig,
  cwd: string,
  topLevel: string,
  base: string,
): Promise<{ name: string; file: string }[]> {
  if (config.apis.length > 0) return [];
  const directory = path.join(config.file ? config.directory : cwd, 'specs');
  const relative = path.relative(topLevel, directory).split(path.sep).join('/');
  const listing = await git(topLevel, [
    'ls-tree',
    '-r',
    '--name-only',
    base,
    '--',
    relative || '.',
  ]);
  const removed: { name: string; file: string }[] = [];
  for (const file of listing.split('\n')) {
    if (!SPEC_EXTENSIONS.has(path.extname(file).toLowerCase())) continue;
    if (await fs.stat(path.join(topLevel, file)).catch(() => null)) continue;
    const head = (await git(topLevel, ['show', `${base}:${file}`])).slice(0, 4096);
    if (!ROOT_SPEC.test(head)) continue;
    removed.push({ name: apiName(path.relative(relative, file)), file });
  }
  return removed;
}
