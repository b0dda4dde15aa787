import FindMyWay from 'find-my-way';
import { listOperations, type SpecDocument } from '@specgate/core';

import { readLifecycle, type LifecycleExtensions } from '../lifecycle.js';
import { ownCopy } from './log-record.js';

/** An operation that traffic is matched to. */
export interface MatchedOperation {
  index: number;
  api: string;
  method: string;
  path: string;
  operationId: string | null;
  deprecated: boolean;
  sunset: string | null;
  /** The API version label: the path's version segment (`v1`), else `info.version`. */
  apiVersion: string;
}

/** One spec whose operations traffic is matched against. */
export interface MatcherSpec {
  api: string;
  document: SpecDocument;
}

const CACHE_LIMIT = 100_000;
const NO_MATCH = -1;
const VERSION_SEGMENT = /(?:^|\/)(v[0-9]+(?:\.[0-9]+)?(?:alpha[0-9]*|beta[0-9]*)?)(?:\/|$)/;

/**
 * Matches request targets to operations with a radix-tree router (find-my-way):
 * static segments win over parameters, a trailing slash and doubled slashes are
 * ignored, the query is dropped, and `%2F` stays inside its segment. HEAD falls back
 * to GET when the spec has no HEAD. Results are cached per method and raw path.
 */
export class OperationMatcher {
  readonly operations: MatchedOperation[] = [];
  private readonly router = FindMyWay({
    ignoreTrailingSlash: true,
    ignoreDuplicateSlashes: true,
    maxParamLength: 500,
  });
  /** Results per method, keyed by the raw target (query included) and then by its path. */
  private readonly targetCache = new Map<string, Map<string, number>>();
  private readonly pathCache = new Map<string, Map<string, number>>();
  private cached = 0;

  constructor(specs: readonly MatcherSpec[], extensions: LifecycleExtensions) {
    for (const spec of specs) this.addSpec(spec, extensions);
  }

  /** Returns the index of the operation that `method target` matches, or -1. */
  match(method: string, target: string): number {
    const targets = cacheFor(this.targetCache, method);
    const hit = targets.get(target);
    if (hit !== undefined) return hit;
    const path = pathOf(target);
    const paths = cacheFor(this.pathCache, method);
    let found = paths.get(path);
    if (found === undefined) {
      found = this.matchPath(method, path);
      paths.set(ownCopy(path), found);
    }
    // Real logs repeat a few thousand targets; the bound keeps unique query strings from growing it.
    if ((this.cached += 1) > CACHE_LIMIT) this.clearCaches();
    targets.set(ownCopy(target), found);
    return found;
  }

  /** Returns the index of the operation that `method path` matches, or -1, without caching. */
  matchPath(method: string, path: string): number {
    const found = this.lookup(method, path);
    return found === NO_MATCH && method === 'HEAD' ? this.lookup('GET', path) : found;
  }

  private clearCaches(): void {
    this.targetCache.clear();
    this.pathCache.clear();
    this.cached = 0;
  }

  private lookup(method: string, path: string): number {
    const route = this.router.find(method as 'GET', path);
    return route ? (route.store as { index: number }).index : NO_MATCH;
  }

  private addSpec(spec: MatcherSpec, extensions: LifecycleExtensions): void {
    const basePath = serverBasePath(spec.document.root['servers']);
    for (const view of listOperations(spec.document)) {
      const lifecycle = readLifecycle(view.node.value as Record<string, unknown>, extensions);
      const operation: MatchedOperation = {
        index: this.operations.length,
        api: spec.api,
        method: view.method.toUpperCase(),
        path: view.path,
        operationId: view.operationId,
        deprecated: lifecycle.deprecated,
        sunset: lifecycle.sunset ?? null,
        apiVersion:
          VERSION_SEGMENT.exec(basePath + view.path)?.[1] ?? spec.document.apiVersion ?? '',
      };
      const templates = basePath === '' ? [view.path] : [view.path, basePath + view.path];
      let added = false;
      for (const template of templates) added = this.register(operation, template) || added;
      if (added) this.operations.push(operation);
    }
  }

  /** Registers one template; false when the router already has the same route. */
  private register(operation: MatchedOperation, template: string): boolean {
    try {
      this.router.on(operation.method as 'GET', toRoute(template), () => undefined, {
        index: operation.index,
      });
      return true;
    } catch {
      // The same route in two specs, or a template find-my-way cannot hold: the first wins.
      return false;
    }
  }
}

function cacheFor(caches: Map<string, Map<string, number>>, method: string): Map<string, number> {
  let cache = caches.get(method);
  if (!cache) {
    cache = new Map();
    caches.set(method, cache);
  }
  return cache;
}

/**
 * Turns an OpenAPI template into a find-my-way route: `{id}` becomes `:id`, and
 * characters find-my-way treats specially (`:` and `*` outside parameters) are escaped.
 */
export function toRoute(template: string): string {
  let index = 0;
  return template
    .replace(/:/g, '::')
    .replace(/\*/g, '%2A')
    .replace(/\{[^}]*\}/g, () => `:p${(index += 1)}`);
}

/** Returns the path of a request target without scheme, host, port, query and fragment. */
export function pathOf(target: string): string {
  let start = 0;
  if (target.charCodeAt(0) !== 47) {
    const scheme = target.indexOf('://');
    if (scheme > 0) {
      const slash = target.indexOf('/', scheme + 3);
      if (slash < 0) return '/';
      start = slash;
    }
  }
  let end = target.indexOf('?', start);
  if (end < 0) end = target.indexOf('#', start);
  if (end >= 0) return target.slice(start, end);
  return start === 0 ? target : target.slice(start);
}

function serverBasePath(servers: unknown): string {
  if (!Array.isArray(servers)) return '';
  const url = (servers[0] as { url?: unknown } | undefined)?.url;
  if (typeof url !== 'string') return '';
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/\/+$/, '');
}
