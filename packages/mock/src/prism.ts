import { createRequire } from 'node:module';

import type { IHttpOperation } from '@stoplight/types';

/**
 * Loads Prism's CommonJS modules on first use. Requiring them takes most of the
 * start-up time, so a process that never mocks never pays for it.
 */
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

let loaded: PrismModules | undefined;

export function loadPrism(): PrismModules {
  if (loaded) return loaded;
  // NOTE: these requires are most of `specgate mock`'s start-up, well over the 300 ms it aims
  // for; docs/benchmarks.md has the measured start-up next to the Prism CLI's.
  const http = require('@stoplight/prism-http') as PrismHttp;
  const core = require('@stoplight/prism-core') as PrismCore;
  const mocker = require('@stoplight/prism-http/dist/mocker') as { default: PrismMock };
  const forwarder = require('@stoplight/prism-http/dist/forwarder') as { default: PrismForward };
  loaded = { http, core, mock: mocker.default, forward: forwarder.default };
  return loaded;
}
