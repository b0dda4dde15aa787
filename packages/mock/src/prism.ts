import { existsSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { fileURLToPath } from 'node:url';

import type { IHttpOperation } from '@stoplight/types';

import { runCompiledScript, type CompiledScript } from './compiled-script.js';

const require = createRequire(import.meta.url);

export type PrismHttp = typeof import('@stoplight/prism-http');
export type PrismCore = typeof import('@stoplight/prism-core');
export type PrismInstance = ReturnType<PrismHttp['createInstance']>;
export type PrismComponents = Parameters<PrismHttp['createInstance']>[1];
export type PrismMock = NonNullable<PrismComponents['mock']>;
export type PrismForward = NonNullable<PrismComponents['forward']>;
export type { IHttpOperation };

export interface PrismModules {
  http: PrismHttp;
  core: PrismCore;
  /** Prism's own mocker, which specgate wraps to add lifecycle headers and its own errors. */
  mock: PrismMock;
  /** Prism's own forwarder, used by the validation proxy. */
  forward: PrismForward;
}

/**
 * The Prism modules the mock runs, bundled with their dependencies into one file by
 * `scripts/build-prism.mjs` at build time, and V8's code cache for that file. The same
 * path serves `src/` (tests) and `dist/`.
 */
export const PRISM_BUNDLE = fileURLToPath(new URL('../dist/prism.bundle.cjs', import.meta.url));
export const PRISM_CODE_CACHE = `${PRISM_BUNDLE}.v8-cache`;

let loaded: PrismModules | undefined;
let bundle: CompiledScript | undefined;

/**
 * Loads Prism on first use, so a process that never mocks never pays for it. The bundle
 * is used when the build made one; otherwise Prism's own modules are required one by one,
 * which takes several times longer.
 */
export function loadPrism(): PrismModules {
  if (loaded) return loaded;
  // NOTE: with the bundle and its code cache, loading Prism is about a fifth of the CPU
  // `specgate mock` spends up to its first response (about 0.11 of 0.55 s on the shared
  // 2-CPU machine at load 9, where a bare node:http server needs 0.15 s). The first
  // request costs more: Prism's ajv instances compile the JSON Schema meta-schema and
  // the operation's validators then, and that code is generated at run time, so no
  // cache holds it. Start-up stays above 300 ms on that machine.
  if (existsSync(PRISM_BUNDLE)) {
    bundle = runCompiledScript(PRISM_BUNDLE, PRISM_CODE_CACHE);
    loaded = bundle.exports as PrismModules;
    return loaded;
  }
  deferRarelyUsedModules();
  const http = require('@stoplight/prism-http') as PrismHttp;
  const core = require('@stoplight/prism-core') as PrismCore;
  const mocker = require('@stoplight/prism-http/dist/mocker') as { default: PrismMock };
  const forwarder = require('@stoplight/prism-http/dist/forwarder') as { default: PrismForward };
  loaded = { http, core, mock: mocker.default, forward: forwarder.default };
  return loaded;
}

/** Returns the loaded bundle, for the build script that writes its code cache after a warm-up run. */
export function loadedPrismBundle(): CompiledScript | undefined {
  return bundle;
}

/**
 * Puts stand-ins for two modules in the require cache before Prism loads, because Prism
 * requires them at the top of files that need them only in rare cases. `@faker-js/faker` 6
 * loads every locale, but Prism calls it only for the `x-faker` schema keyword. The Postman
 * transformer of `@stoplight/http-spec` loads faker 5, but Prism uses it only for Postman
 * collections. Together they were most of Prism's load time in our measurement.
 * json-schema-faker reads `faker.default` when Prism registers it, so that export is a
 * stand-in too. The first other property read loads the real module.
 */
function deferRarelyUsedModules(): void {
  const requireFromPrism = createRequire(require.resolve('@stoplight/prism-http'));
  deferModule(requireFromPrism, '@faker-js/faker', ['default', 'faker']);
  deferModule(requireFromPrism, '@stoplight/http-spec/postman/operation', []);
}

function deferModule(
  requireFrom: NodeJS.Require,
  specifier: string,
  nestedExports: readonly string[],
): void {
  const resolved = requireFrom.resolve(specifier);
  if (require.cache[resolved]) return;
  let real: Record<string | symbol, unknown> | undefined;
  const loadReal = (): Record<string | symbol, unknown> => {
    if (!real) {
      delete require.cache[resolved];
      real = requireFrom(specifier) as Record<string | symbol, unknown>;
    }
    return real;
  };
  const nested = new Map(
    nestedExports.map((name) => [
      name,
      lazyObject(() => loadReal()[name] as Record<string | symbol, unknown>),
    ]),
  );
  const exports = lazyObject(loadReal, (key) => {
    if (key === '__esModule') return { value: true };
    const stand = typeof key === 'string' ? nested.get(key) : undefined;
    return stand ? { value: stand } : undefined;
  });
  const standIn = new Module(resolved);
  standIn.filename = resolved;
  standIn.loaded = true;
  standIn.exports = exports;
  require.cache[resolved] = standIn;
}

/** A proxy that forwards every read to the object `load` returns, calling it on first use. */
function lazyObject(
  load: () => Record<string | symbol, unknown>,
  early: (key: string | symbol) => { value: unknown } | undefined = () => undefined,
): object {
  return new Proxy(
    {},
    {
      get: (_target, key) => {
        const known = early(key);
        return known ? known.value : load()[key];
      },
      has: (_target, key) => key in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_target, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
        return descriptor ? { ...descriptor, configurable: true } : undefined;
      },
    },
  );
}
