import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';

/** A CommonJS file run through `node:vm`, so V8's code cache for it can be read and written. */
export interface CompiledScript {
  exports: unknown;
  /** False when the cache file was missing or V8 refused it (another Node version or flags). */
  cacheUsed: boolean;
  /** Writes V8's code cache, including every function compiled so far, to `cacheFile`. */
  writeCache(): void;
}

/**
 * Runs the CommonJS file `file` as `require` would, passing V8 the code cache in
 * `cacheFile` when there is one. With the cache V8 skips parsing and compiling the
 * functions it holds, which is most of the cost of loading a large bundle.
 */
export function runCompiledScript(file: string, cacheFile: string): CompiledScript {
  const source = readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapped, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const module = { exports: {} as unknown };
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return {
    exports: module.exports,
    cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
    writeCache: () => writeFileSync(cacheFile, script.createCachedData()),
  };
}
