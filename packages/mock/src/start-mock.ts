import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SpecgateError } from '@specgate/core';

import { ApiEngine, type MockOutcome } from './api-engine.js';
import {
  corsHeaders,
  flattenHeaders,
  isPreflight,
  isProblem,
  preflightResponse,
  problemResponse,
  readBody,
  send,
} from './http-io.js';
import { createProblem, type Violation } from './problems.js';
import type { SpecWarning } from './spec-warnings.js';
import { SpecWatcher } from './spec-watcher.js';

/** One API to mock. */
export interface MockApiInput {
  name: string;
  /** Spec file, relative to `cwd` or absolute. */
  spec: string;
  /** With `singlePort`, the path prefix the API is served under; default `/<name>`, `''` for none. */
  prefix?: string;
}

/** Options of `startMock`. */
export interface StartMockOptions {
  apis: readonly MockApiInput[];
  /** Directory relative spec paths are resolved from; default the process's working directory. */
  cwd?: string;
  /** Address to bind; default `127.0.0.1`. */
  host?: string;
  /** Port of the first (or only) server; the others take the next ports. 0 (default) picks free ports. */
  port?: number;
  /** Serve every API on one port, each under its prefix. */
  singlePort?: boolean;
  /** Generate responses from the schemas with fake data instead of serving examples. */
  dynamic?: boolean;
  /** Seed of the fake data, so dynamic responses repeat run after run. */
  seed?: string;
  /** Respond to CORS preflights and add CORS headers to every response (default true). */
  cors?: boolean;
  /** Memoise static responses (default true). */
  cache?: boolean;
  /** Reload a spec when one of its files changes (default false). */
  watch?: boolean;
  /** Forward every request to this provider and report mismatches instead of mocking. */
  proxy?: string;
  /** Follow http(s) `$ref`s. */
  allowRemote?: boolean;
  /** Receives one entry per request, after the response is sent. */
  onRequest?: (entry: RequestLogEntry) => void;
  /** Receives spec warnings, reloads, failed reloads and requests that failed inside the mock. */
  onEvent?: (event: MockEvent) => void;
}

/** One line of the request log. */
export interface RequestLogEntry {
  time: string;
  api: string;
  method: string;
  url: string;
  status: number;
  durationMs: number;
  operationId?: string;
  cached: boolean;
  violations: Violation[];
}

export type MockEvent =
  | { kind: 'warning'; api: string; warning: SpecWarning }
  | { kind: 'reloaded'; api: string }
  | { kind: 'reload-failed'; api: string; message: string }
  | { kind: 'request-failed'; api: string; message: string };

/** A running mock: the URL of each API and how to stop it. */
export interface MockServer {
  apis: { name: string; url: string; spec: string }[];
  /** URL by API name. */
  urls: Record<string, string>;
  /** Reloads every spec now, as a file change would. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

interface Mount {
  prefix: string;
  engine: ApiEngine;
}

/**
 * Starts mock servers for `apis` in this process: one port per API, or one port for
 * all with `singlePort`. Resolves once every server accepts requests; rejects with a
 * SpecgateError for a missing or invalid spec, a port in use or a bad proxy URL.
 */
export async function startMock(options: StartMockOptions): Promise<MockServer> {
  const cwd = options.cwd ?? process.cwd();
  const host = options.host ?? '127.0.0.1';
  const upstream = options.proxy === undefined ? undefined : parseUpstream(options.proxy);
  if (options.apis.length === 0) {
    throw new SpecgateError(
      'USAGE',
      'no API to mock: pass a spec file or declare APIs in specgate.yaml.',
    );
  }
  checkDistinct(
    options.apis,
    (api) => api.name,
    (key) =>
      `are both named "${key}". Give the APIs different names in specgate.yaml, or rename one of the files.`,
  );
  if (options.singlePort) {
    checkDistinct(
      options.apis,
      prefixOf,
      (key) =>
        `would share the path prefix "${key}" on one port. Give one of them another prefix with --prefix NAME=/PATH.`,
    );
  }
  const engines = options.apis.map(
    (api) =>
      new ApiEngine(api.name, api.spec, {
        cwd,
        dynamic: options.dynamic === true,
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        cache: options.cache !== false,
        ...(upstream ? { upstream } : {}),
        allowRemote: options.allowRemote === true,
      }),
  );
  for (const engine of engines) {
    const warnings = await engine.load();
    for (const warning of warnings)
      options.onEvent?.({ kind: 'warning', api: engine.name, warning });
  }

  if (options.singlePort) checkShadowedPaths(options.apis, engines);
  const groups: Mount[][] = options.singlePort
    ? [engines.map((engine, index) => ({ prefix: prefixOf(options.apis[index]), engine }))]
    : engines.map((engine) => [{ prefix: '', engine }]);
  const servers: Server[] = [];
  const apis: MockServer['apis'] = [];
  try {
    for (const [index, mounts] of groups.entries()) {
      const port = options.port === undefined || options.port === 0 ? 0 : options.port + index;
      const cors = options.cors !== false;
      const fastPath = options.onRequest === undefined;
      const server = createServer((request, reply) => {
        if (fastPath && answerFromCache(mounts, request, reply, cors)) return;
        void serve(mounts, request, reply, options);
      });
      server.keepAliveTimeout = 5_000;
      const address = await listen(server, port, host);
      servers.push(server);
      for (const mount of mounts) {
        apis.push({
          name: mount.engine.name,
          url: `http://${urlHost(address.address)}:${address.port}${mount.prefix}`,
          spec: mount.engine.specFile,
        });
      }
    }
  } catch (error) {
    await Promise.all(servers.map(closeServer));
    throw error;
  }

  const watchers = options.watch ? engines.map((engine) => watchEngine(engine, options)) : [];
  return {
    apis,
    urls: Object.fromEntries(apis.map((api) => [api.name, api.url])),
    reload: async () => {
      for (const engine of engines) await reloadEngine(engine, options);
    },
    close: async () => {
      for (const watcher of watchers) watcher.close();
      await Promise.all(servers.map(closeServer));
    },
  };
}

async function serve(
  mounts: readonly Mount[],
  request: IncomingMessage,
  reply: ServerResponse,
  options: StartMockOptions,
): Promise<void> {
  const started = performance.now();
  const url = request.url ?? '/';
  const queryStart = url.indexOf('?');
  const fullPath = queryStart === -1 ? url : url.slice(0, queryStart);
  const search = queryStart === -1 ? '' : url.slice(queryStart + 1);
  const method = request.method ?? 'GET';
  const mount = findMount(mounts, fullPath);

  const cors = options.cors !== false;
  if (cors && isPreflight(request)) {
    request.resume();
    send(reply, preflightResponse(request), false);
    return;
  }

  let outcome: MockOutcome;
  try {
    const body = await readBody(request);
    if (isProblem(body)) {
      outcome = { response: problemResponse(body), violations: [], cached: false };
    } else if (!mount) {
      const problem = createProblem('route-not-found', `No mocked API serves ${fullPath}.`);
      outcome = { response: problemResponse(problem), violations: [], cached: false };
    } else {
      const path = fullPath.slice(mount.prefix.length) || '/';
      const headers = flattenHeaders(request);
      outcome = await mount.engine.handle({ method, path, search, headers, body });
    }
  } catch (error) {
    const message = `${method} ${fullPath}: ${(error as Error).message}`;
    options.onEvent?.({ kind: 'request-failed', api: mount?.engine.name ?? '', message });
    const problem = createProblem('mock-failed', message);
    outcome = { response: problemResponse(problem), violations: [], cached: false };
  }
  send(
    reply,
    outcome.response,
    method === 'HEAD',
    cors ? corsHeaders(request.headers['origin']) : {},
  );

  if (!options.onRequest) return;
  const entry: RequestLogEntry = {
    time: new Date().toISOString(),
    api: mount?.engine.name ?? '',
    method,
    url,
    status: outcome.response.status,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
    cached: outcome.cached,
    violations: outcome.violations,
  };
  if (outcome.operationId !== undefined) entry.operationId = outcome.operationId;
  options.onRequest(entry);
}

/**
 * Sends the cached response to a repeated GET or HEAD without a body. It creates no
 * promise, no URL object and no copy of the headers, and the response headers were laid
 * out when the response was stored.
 * Returns false when the request needs the full path: a cache miss, a Prefer header
 * (it may ask for dynamic data), or an Origin with CORS on (the headers echo it).
 */
function answerFromCache(
  mounts: readonly Mount[],
  request: IncomingMessage,
  reply: ServerResponse,
  cors: boolean,
): boolean {
  const method = request.method;
  if (method !== 'GET' && method !== 'HEAD') return false;
  const headers = request.headers;
  const length = headers['content-length'];
  if (length !== undefined && length !== '0') return false;
  if (headers['transfer-encoding'] !== undefined || headers['prefer'] !== undefined) return false;
  if (cors && headers['origin'] !== undefined) return false;

  const url = request.url ?? '/';
  const queryStart = url.indexOf('?');
  const fullPath = queryStart === -1 ? url : url.slice(0, queryStart);
  const mount = findMount(mounts, fullPath);
  if (!mount) return false;
  const path = fullPath.slice(mount.prefix.length) || '/';
  const search = queryStart === -1 ? '' : url.slice(queryStart + 1);
  const hit = mount.engine.cachedOutcome(method, path, search, headers);
  if (!hit) return false;

  request.resume();
  reply.writeHead(hit.response.status, cors ? hit.corsHeaderList : hit.plainHeaderList);
  reply.end(method === 'HEAD' ? undefined : hit.response.body);
  return true;
}

/** Finds the mount with the longest prefix that `requestPath` starts with; prefix-less mounts match by path template. */
function findMount(mounts: readonly Mount[], requestPath: string): Mount | undefined {
  if (mounts.length === 1 && mounts[0]?.prefix === '') return mounts[0];
  let best: Mount | undefined;
  for (const mount of mounts) {
    if (mount.prefix === '') continue;
    const inside = requestPath === mount.prefix || requestPath.startsWith(`${mount.prefix}/`);
    if (inside && (!best || mount.prefix.length > best.prefix.length)) best = mount;
  }
  return best ?? mounts.find((mount) => mount.prefix === '' && mount.engine.hasPath(requestPath));
}

/**
 * Rejects two APIs with the same name or, on one port, the same prefix: the second would be
 * listed with a URL that serves the first.
 */
function checkDistinct(
  apis: readonly MockApiInput[],
  keyOf: (api: MockApiInput) => string,
  clash: (key: string) => string,
): void {
  const seen = new Map<string, MockApiInput>();
  for (const api of apis) {
    const key = keyOf(api);
    const first = seen.get(key);
    if (first !== undefined) {
      throw new SpecgateError('USAGE', `${first.spec} and ${api.spec} ${clash(key)}`);
    }
    seen.set(key, api);
  }
}

/**
 * Rejects, on one port, an API without a prefix whose path starts with another API's prefix:
 * requests to that path go to the other API, so the first never receives them.
 */
function checkShadowedPaths(apis: readonly MockApiInput[], engines: readonly ApiEngine[]): void {
  apis.forEach((api, index) => {
    if (prefixOf(api) !== '') return;
    for (const other of apis) {
      const prefix = prefixOf(other);
      if (prefix === '') continue;
      const shadowed = (engines[index] as ApiEngine)
        .pathTemplates()
        .find((template) => template === prefix || template.startsWith(`${prefix}/`));
      if (shadowed === undefined) continue;
      throw new SpecgateError(
        'USAGE',
        `${api.spec} serves ${shadowed}, but on one port the prefix "${prefix}" of API "${other.name}" takes those requests. Give "${other.name}" another prefix with --prefix ${other.name}=/PATH.`,
      );
    }
  });
}

function prefixOf(api: MockApiInput | undefined): string {
  const prefix = api?.prefix ?? `/${api?.name ?? ''}`;
  if (prefix === '' || prefix === '/') return '';
  return `/${prefix.replace(/^\/+|\/+$/g, '')}`;
}

function parseUpstream(proxy: string): URL {
  let url: URL;
  try {
    url = new URL(proxy);
  } catch {
    throw new SpecgateError(
      'USAGE',
      `--proxy "${proxy}" is not a URL. Give the provider's base URL, e.g. --proxy http://127.0.0.1:8080.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SpecgateError(
      'USAGE',
      `--proxy "${proxy}" is not an http or https URL. Give the provider's base URL, e.g. --proxy http://127.0.0.1:8080.`,
    );
  }
  return url;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new SpecgateError(
            'USAGE',
            `port ${port} on ${host} is already in use. Pick another with --port, or --port 0 for free ports.`,
          ),
        );
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(
          new SpecgateError(
            'USAGE',
            `cannot listen on host "${host}": ${error.code}. Give a local address with --host, e.g. 127.0.0.1.`,
          ),
        );
      } else {
        reject(
          new SpecgateError('USAGE', `cannot listen on ${host}:${port}: ${error.message}.`, {
            cause: error,
          }),
        );
      }
    });
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}

function urlHost(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function watchEngine(engine: ApiEngine, options: StartMockOptions): SpecWatcher {
  const watcher: SpecWatcher = new SpecWatcher(() => {
    void reloadEngine(engine, options).then(() => watcher.watch(engine.files));
  });
  watcher.watch(engine.files);
  return watcher;
}

async function reloadEngine(engine: ApiEngine, options: StartMockOptions): Promise<void> {
  try {
    const warnings = await engine.load();
    options.onEvent?.({ kind: 'reloaded', api: engine.name });
    for (const warning of warnings)
      options.onEvent?.({ kind: 'warning', api: engine.name, warning });
  } catch (error) {
    options.onEvent?.({
      kind: 'reload-failed',
      api: engine.name,
      message: (error as Error).message,
    });
  }
}
