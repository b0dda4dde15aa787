import type { MockOutcome, MockRequest } from './api-engine.js';

/** Request bodies above this size are not cached, so the cache's memory stays bounded. */
const MAX_CACHED_BODY = 16 * 1024;

/**
 * Memoises static-mode outcomes. Prism's static answer depends only on the method,
 * path, query, body and the headers its checks read (Accept, Content-Type,
 * credentials and the header parameters the spec declares), so a request that
 * repeats those gets the stored outcome without running Prism again. Dynamic
 * responses, proxied ones and operations with callbacks are never cached. A Map
 * kept in insertion order evicts the least recently used entry.
 */
export class ResponseCache {
  private readonly entries = new Map<string, MockOutcome>();

  constructor(private readonly capacity: number) {}

  /** The cache key of a request, or undefined when its body is too large to cache. */
  key(request: MockRequest, headerNames: readonly string[]): string | undefined {
    const body =
      request.body === undefined || request.body === null
        ? ''
        : typeof request.body === 'string'
          ? request.body
          : JSON.stringify(request.body);
    if (body.length > MAX_CACHED_BODY) return undefined;
    let key = `${request.method} ${request.path}?${request.search}\n`;
    for (const name of headerNames) key += `${request.headers[name] ?? ''}\n`;
    return `${key}${body}`;
  }

  get(key: string): MockOutcome | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, outcome: MockOutcome): void {
    this.entries.delete(key);
    this.entries.set(key, outcome);
    if (this.entries.size <= this.capacity) return;
    const oldest = this.entries.keys().next().value;
    if (oldest !== undefined) this.entries.delete(oldest);
  }

  clear(): void {
    this.entries.clear();
  }
}
