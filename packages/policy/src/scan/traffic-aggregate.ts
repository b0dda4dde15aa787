import { daysBetween } from '../dates.js';
import type { TrafficReport } from '../traffic-report.js';
import type { IdentitySource } from './identity.js';
import { fromByteString, ownCopy, type LogRecord } from './log-record.js';
import type { MatchedOperation, OperationMatcher } from './operation-matcher.js';

const MAX_EXAMPLES = 10;
const UNIDENTIFIED = '(unidentified)';
/** Identity sources by number, as stored per (operation, client) pair. */
const SOURCES: readonly IdentitySource[] = ['api-key', 'client-id', 'user-agent', 'ip', 'none'];
/** Numbers per entry of the pair table, and the bound on client numbers in a pair key. */
const PAIR_STRIDE = 4;
const CLIENT_RANGE = 2 ** 32;
const SOURCE_NUMBERS = new Map(SOURCES.map((source, index) => [source, index]));

/** Number of an identity source in the aggregate's pair arrays. */
export const SOURCE_API_KEY = 0;
export const SOURCE_USER_AGENT = 2;
export const SOURCE_IP = 3;

/**
 * Counts requests per operation and client. The identity of a request is the first
 * of: API key or principal, client-id header, User-Agent product token (`name/version`),
 * source IP. Requests with none count as unidentified.
 *
 * Clients are interned to numbers, and each (operation, client) pair gets a slot in
 * typed arrays found through an open-addressing table, so counting a request allocates
 * nothing and hashes no string.
 */
export class TrafficAggregate {
  lines = 0;
  private unmatched = 0;
  private readonly unmatchedExamples = new Set<string>();
  private unidentified = 0;
  private malformed = 0;
  private readonly malformedExamples: string[] = [];

  /** Client ids in one-byte-per-character form, by client number. */
  private readonly clientNames: string[] = [];
  private readonly clientNumbers = new Map<string, number>();

  /** Whether each operation received traffic (a row may count zero requests). */
  private readonly operationSeen: Uint8Array;
  private readonly operationRequests: Float64Array;
  /**
   * The (operation, client) pairs in an open-addressing table, PAIR_STRIDE numbers per
   * entry: key + 1 (0 when empty), requests, first and last time. Keeping a pair's
   * numbers side by side makes counting a request touch one cache line.
   */
  private pairs = new Float64Array(PAIR_STRIDE << 12);
  /** Per entry of `pairs`: the order in which the pair was first seen, and its source. */
  private pairOrder = new Int32Array(1 << 12);
  private pairSource = new Uint8Array(1 << 12);
  private pairMask = (1 << 12) - 1;
  private pairCount = 0;

  constructor(private readonly matcher: OperationMatcher) {
    this.operationSeen = new Uint8Array(matcher.operations.length);
    this.operationRequests = new Float64Array(matcher.operations.length);
  }

  /** Adds one parsed record. */
  add(record: LogRecord): void {
    const index = this.matcher.match(record.method, record.target);
    if (index < 0) {
      this.addUnmatched(record.count, record.method, record.target);
      return;
    }
    let id = record.client;
    if (record.clientSource === 'none') {
      this.unidentified += record.count;
      id = UNIDENTIFIED;
    }
    const first = Number.isNaN(record.firstTime) ? record.time : record.firstTime;
    record.firstTime = Number.NaN;
    const source = SOURCE_NUMBERS.get(record.clientSource) as number;
    this.addRequests(index, this.clientNumber(id), source, record.count, first, record.time);
  }

  /** Counts requests that match no operation, keeping the first few distinct ones as examples. */
  addUnmatched(count: number, method: string, target: string): void {
    this.unmatched += count;
    if (this.unmatchedExamples.size < MAX_EXAMPLES) {
      this.unmatchedExamples.add(ownCopy(`${method} ${target}`));
    }
  }

  /** True while unmatched examples are still being collected. */
  wantsUnmatchedExample(): boolean {
    return this.unmatchedExamples.size < MAX_EXAMPLES;
  }

  /** Returns the number of a client id (one byte per character), adding it when new. */
  clientNumber(id: string): number {
    let number = this.clientNumbers.get(id);
    if (number === undefined) {
      number = this.clientNames.length;
      const copy = ownCopy(id);
      this.clientNames.push(copy);
      this.clientNumbers.set(copy, number);
    }
    return number;
  }

  /**
   * Adds `count` requests of client number `client` to operation `index`. `first` and
   * `last` are epoch milliseconds (NaN when unknown); `source` is an index into SOURCES.
   */
  addRequests(
    index: number,
    client: number,
    source: number,
    count: number,
    first: number,
    last: number,
  ): void {
    this.operationRequests[index] = (this.operationRequests[index] as number) + count;
    const key = index * CLIENT_RANGE + client + 1;
    const pairs = this.pairs;
    let entry = pairHash(index, client) & this.pairMask;
    for (;;) {
      const offset = entry * PAIR_STRIDE;
      const found = pairs[offset] as number;
      if (found === key) {
        pairs[offset + 1] = (pairs[offset + 1] as number) + count;
        const knownFirst = pairs[offset + 2] as number;
        if (first < knownFirst || Number.isNaN(knownFirst)) pairs[offset + 2] = first;
        const knownLast = pairs[offset + 3] as number;
        if (last > knownLast || Number.isNaN(knownLast)) pairs[offset + 3] = last;
        return;
      }
      if (found === 0) break;
      entry = (entry + 1) & this.pairMask;
    }
    const offset = entry * PAIR_STRIDE;
    pairs[offset] = key;
    pairs[offset + 1] = count;
    pairs[offset + 2] = first;
    pairs[offset + 3] = last;
    this.pairOrder[entry] = this.pairCount;
    this.pairSource[entry] = source;
    this.operationSeen[index] = 1;
    this.pairCount += 1;
    if (this.pairCount * 2 > this.pairMask) this.growPairs();
  }

  /** Doubles the pair table, keeping the load factor at most 1/2. */
  private growPairs(): void {
    const old = { pairs: this.pairs, order: this.pairOrder, source: this.pairSource };
    const capacity = (this.pairMask + 1) * 2;
    this.pairs = new Float64Array(capacity * PAIR_STRIDE);
    this.pairOrder = new Int32Array(capacity);
    this.pairSource = new Uint8Array(capacity);
    this.pairMask = capacity - 1;
    for (let entry = 0; entry < old.order.length; entry += 1) {
      const key = old.pairs[entry * PAIR_STRIDE] as number;
      if (key === 0) continue;
      const index = Math.floor((key - 1) / CLIENT_RANGE);
      let moved = pairHash(index, key - 1 - index * CLIENT_RANGE) & this.pairMask;
      while (this.pairs[moved * PAIR_STRIDE] !== 0) moved = (moved + 1) & this.pairMask;
      this.pairs.set(
        old.pairs.subarray(entry * PAIR_STRIDE, (entry + 1) * PAIR_STRIDE),
        moved * PAIR_STRIDE,
      );
      this.pairOrder[moved] = old.order[entry] as number;
      this.pairSource[moved] = old.source[entry] as number;
    }
  }

  /** Counts a line no parser could read, keeping the first few as examples. */
  addMalformed(line: string): void {
    this.malformed += 1;
    if (this.malformedExamples.length < MAX_EXAMPLES) {
      this.malformedExamples.push(line.length > 200 ? `${line.slice(0, 200)}...` : line);
    }
  }

  /** Lists the clients of each operation in the order the pairs were first seen. */
  private clientsByOperation(
    ids: readonly string[],
    isoOf: (time: number) => string | null,
  ): ReportClient[][] {
    const entries: number[] = [];
    for (let entry = 0; entry <= this.pairMask; entry += 1) {
      if (this.pairs[entry * PAIR_STRIDE] !== 0) entries.push(entry);
    }
    entries.sort((a, b) => (this.pairOrder[a] as number) - (this.pairOrder[b] as number));
    const byOperation: ReportClient[][] = [];
    for (const entry of entries) {
      const offset = entry * PAIR_STRIDE;
      const key = (this.pairs[offset] as number) - 1;
      const index = Math.floor(key / CLIENT_RANGE);
      const client = {
        id: ids[key - index * CLIENT_RANGE] as string,
        source: SOURCES[this.pairSource[entry] as number] as IdentitySource,
        requests: this.pairs[offset + 1] as number,
        firstSeen: isoOf(this.pairs[offset + 2] as number),
        lastSeen: isoOf(this.pairs[offset + 3] as number),
      };
      (byOperation[index] ??= []).push(client);
    }
    return byOperation;
  }

  /** Builds the report: one entry per operation that received traffic, in spec order. */
  report(today: string): TrafficReport {
    const isoTimes = new Map<number, string | null>();
    const isoOf = (time: number): string | null => {
      let text = isoTimes.get(time);
      if (text === undefined) {
        text = Number.isNaN(time) ? null : new Date(time).toISOString();
        isoTimes.set(time, text);
      }
      return text;
    };
    const ids = this.clientNames.map(fromByteString);
    const clientsByOperation = this.clientsByOperation(ids, isoOf);
    const operations = this.matcher.operations.flatMap((operation) => {
      if (this.operationSeen[operation.index] === 0) return [];
      const clients = clientsByOperation[operation.index] ?? [];
      clients.sort((a, b) => b.requests - a.requests || a.id.localeCompare(b.id));
      const requests = this.operationRequests[operation.index] as number;
      return [operationEntry(operation, requests, clients, today)];
    });
    return {
      schemaVersion: 1,
      operations,
      unmatched: {
        requests: this.unmatched,
        examples: [...this.unmatchedExamples].map(fromByteString),
      },
      unidentified: { requests: this.unidentified },
      malformed: { lines: this.malformed, examples: this.malformedExamples.map(fromByteString) },
    };
  }
}

type ReportClient = TrafficReport['operations'][number]['clients'][number];

function operationEntry(
  operation: MatchedOperation,
  requests: number,
  clients: ReportClient[],
  today: string,
) {
  return {
    api: operation.api,
    apiVersion: operation.apiVersion,
    method: operation.method,
    path: operation.path,
    operationId: operation.operationId,
    deprecated: operation.deprecated,
    sunset: operation.sunset,
    daysToSunset: operation.sunset === null ? null : daysBetween(today, operation.sunset),
    requests,
    clients,
  };
}

/** Mixes an (operation, client) pair into 32 bits whose low bits are all well spread. */
function pairHash(index: number, client: number): number {
  let hash = Math.imul(index ^ Math.imul(client, 0x85ebca77), 0x9e3779b1);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  return hash ^ (hash >>> 13);
}
