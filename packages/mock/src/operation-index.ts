import type { SpecDocument } from '@specgate/core';
import { lifecycleHeaders, readLifecycle } from '@specgate/policy/lifecycle';

import type { IHttpOperation } from './prism.js';

/** The parts of an API that a reload replaces together. */
export interface LoadedSpec {
  document: SpecDocument;
  operations: IHttpOperation[];
  lifecycle: WeakMap<IHttpOperation, Record<string, string>>;
  pathPatterns: { pattern: RegExp; method: string }[];
  cacheableHeaders: string[];
}

/** Indexes a loaded spec's operations: lifecycle headers, path patterns and the headers a cache key needs. */
export function indexOperations(document: SpecDocument, operations: IHttpOperation[]): LoadedSpec {
  const lifecycle = new WeakMap<IHttpOperation, Record<string, string>>();
  const cacheableHeaders = new Set(['accept', 'content-type', 'authorization', 'cookie', 'prefer']);
  for (const operation of operations) {
    const node = { ...(operation.extensions ?? {}), deprecated: operation.deprecated === true };
    lifecycle.set(operation, lifecycleHeaders(readLifecycle(node)));
    for (const header of operation.request?.headers ?? []) {
      cacheableHeaders.add(header.name.toLowerCase());
    }
    for (const scheme of (operation.security ?? []).flat()) {
      if (scheme.type === 'apiKey' && scheme.in === 'header') {
        cacheableHeaders.add(scheme.name.toLowerCase());
      }
    }
  }
  return {
    document,
    operations,
    lifecycle,
    pathPatterns: operations.map((operation) => ({
      pattern: templatePattern(operation.path),
      method: operation.method,
    })),
    cacheableHeaders: [...cacheableHeaders].sort(),
  };
}

function templatePattern(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}/?$`);
}

/** Replaces Prism's `deprecation: true` with the lifecycle headers of the operation. */
export function withLifecycle(
  headers: Record<string, string> | undefined,
  lifecycle: Record<string, string>,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'deprecation') result[name] = value;
  }
  for (const [name, value] of Object.entries(lifecycle)) result[name.toLowerCase()] = value;
  return result;
}
