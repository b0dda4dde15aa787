import type { MockOutcome } from './api-engine.js';
import { corsHeaders } from './http-io.js';

/** Request bodies above this size are not cached, so the cache's memory stays bounded. */
const MAX_CACHED_BODY = 16 * 1024;

/** Header values by lower-case name, as node:http gives them or after flattening. */
export type HeaderValues = Readonly<Record<string, string | string[] | undefined>>;

/** A stored outcome with its response headers laid out for `writeHead`, content length included. */
export interface CachedOutcome extends MockOutcome {
  /** Name, value, name, value… with the CORS headers of a request that sends no Origin. */
  corsHeaderList: (string | number)[];
  /** The same without CORS headers. */
  plainHeaderList: (string | number)[];
}

/**
 * Memoises static-mode outcomes. Prism's static answer depends only on the method,
 * path, query, body and the headers its checks read (Accept, Content-Type,
 * credentials and the header parameters the spec declares), so a request that
 * repeats those gets the stored outcome without running Prism again. Dynamic
 * responses, proxied ones and operations with callbacks are never cached. A Map
 * kept in insertion order evicts the least recently used entry.
 */
export class ResponseCache {
  private readonly entries = new Map<string, CachedOutcome>();

  constructor(private readonly capacity: number) {}

  /**
   * The cache key of a request, or undefined when it cannot be cached: a body too large
   * to keep, or a header sent more than once (node:http gives those as arrays).
   */
  key(
    method: string,
    path: string,
    search: string,
    headers: HeaderValues,
    headerNames: readonly string[],
    body: unknown,
  ): string | undefined {
    const bodyText =
      body === undefined || body === null
        ? ''
        : typeof body === 'string'
          ? body
          : JSON.stringify(body);
    if (bodyText.length > MAX_CACHED_BODY) return undefined;
    let key = `${method} ${path}?${search}\n`;
    for (const name of headerNames) {
      const value = headers[name];
      if (typeof value === 'object') return undefined;
      key += value === undefined ? '\n' : `${value}\n`;
    }
    return key + bodyText;
  }

  get(key: string): CachedOutcome | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, outcome: MockOutcome): void {
    const { headers, body } = outcome.response;
    const entry: CachedOutcome = {
      ...outcome,
      corsHeaderList: headerList({ ...corsHeaders(undefined), ...headers }, body.length),
      plainHeaderList: headerList(headers, body.length),
    };
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size <= this.capacity) return;
    const oldest = this.entries.keys().next().value;
    if (oldest !== undefined) this.entries.delete(oldest);
  }

  clear(): void {
    this.entries.clear();
  }
}

function headerList(headers: Record<string, string>, length: number): (string | number)[] {
  const list: (string | number)[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (name !== 'content-length') list.push(name, value);
  }
  list.push('content-length', length);
  return list;
}
