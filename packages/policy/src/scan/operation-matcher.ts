import FindMyWay from 'find-my-way';
import { listOperations, type SpecDocument } from '@specgate/core';

import { readLifecycle, type LifecycleExtensions } from '../lifecycle.js';

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
  private readonly cache = new Map<string, number>();
  private readonly heads = new Set<string>();

  constructor(specs: readonly MatcherSpec[], extensions: LifecycleExtensions) {
    for (const spec of specs) this.addSpec(spec, extensions);
  }

  /** The index of the operation `method target` matches, or -1. */
  match(method: string, target: string): number {
    const path = pathOf(target);
    const key = `${method} ${path}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    let found = this.lookup(method, path);
    if (found === NO_MATCH && method === 'HEAD') found = this.lookup('GET', path);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, found);
    return found;
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

/** The path of a request target: scheme, host and port removed, query and fragment dropped. */
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
  return end < 0 ? (start === 0 ? target : target.slice(start)) : target.slice(start, end);
}

function serverBasePath(servers: unknown): string {
  if (!Array.isArray(servers)) return '';
  const url = (servers[0] as { url?: unknown } | undefined)?.url;
  if (typeof url !== 'string') return '';
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/\/+$/, '');
}
