import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import type { ApiConfig, SpecgateConfig } from '@specgate/core';

const SPEC_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/**
 * The APIs a command works on: those declared in the config, else every root spec
 * found under `specs/` (a YAML or JSON file whose top level has `openapi` or
 * `swagger`; files that only hold `$ref` targets are left out).
 */
export async function discoverApis(config: SpecgateConfig, cwd: string): Promise<ApiConfig[]> {
  if (config.apis.length > 0) return config.apis;
  const directory = path.join(config.file ? config.directory : cwd, 'specs');
  const files = await listFiles(directory);
  const apis: ApiConfig[] = [];
  for (const file of files.sort()) {
    if (!(await isRootSpec(file))) continue;
    const relative = path.relative(directory, file);
    const name = relative
      .replace(/\.(ya?ml|json)$/, '')
      .split(path.sep)
      .filter((part) => part !== 'openapi')
      .join('-');
    apis.push({ name: name || path.basename(file), spec: file });
  }
  return apis;
}

async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(full)));
    else if (SPEC_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) files.push(full);
  }
  return files;
}

async function isRootSpec(file: string): Promise<boolean> {
  const head = (await readFile(file, 'utf8')).slice(0, 4096);
  return /^\s*["']?(openapi|swagger)["']?\s*:/m.test(head);
}
