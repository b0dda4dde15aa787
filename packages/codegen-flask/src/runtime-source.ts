import { readFileSync } from 'node:fs';

/**
 * The text of `python/runtime.py`, copied into every generated package. The file sits in
 * `src/python/`, one folder up from both `src/` (tests) and `dist/` (the build).
 */
export const RUNTIME_SOURCE = readFileSync(
  new URL('../src/python/runtime.py', import.meta.url),
  'utf8',
);
