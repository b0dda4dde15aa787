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
 * Clients are interned to numbers, and each (operation, client) pair gets four numbers
 * in a Float64Array, found through an open-addressing index. So counting a request
 * allocates nothing and hashes no string.
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
   * The (operation, client) pairs in first-seen order, PAIR_STRIDE numbers each: key,
   * requests, first and last time. Side by side, a pair's numbers share one cache line, and first-seen order puts the busiest pairs close
   * together near the start.
   */
  private pairs = new Float64Array(PAIR_STRIDE << 10);
  private pairSource = new Uint8Array(1 << 10);
  private pairCount = 0;
  /** Open-addressing index of `pairs`: pair number + 1, or 0 for an empty slot. */
  private pairSlots = new Int32Array(1 << 12);

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
    const key = index * CLIENT_RANGE + client;
    const pairs = this.pairs;
    const slots = this.pairSlots;
    const mask = slots.length - 1;
    let slot = pairHash(index, client) & mask;
    for (;;) {
      const entry = slots[slot] as number;
      if (entry === 0) break;
      const offset = (entry - 1) * PAIR_STRIDE;
      if (pairs[offset] === key) {
        pairs[offset + 1] = (pairs[offset + 1] as number) + count;
        const knownFirst = pairs[offset + 2] as number;
        if (first < knownFirst || Number.isNaN(knownFirst)) pairs[offset + 2] = first;
        const knownLast = pairs[offset + 3] as number;
        if (last > knownLast || Number.isNaN(knownLast)) pairs[offset + 3] = last;
        return;
      }
      slot = (slot + 1) & mask;
    }
    this.addPair(slot, key, source, count, first, last);
    this.operationSeen[index] = 1;
  }

  private addPair(
    slot: number,
    key: number,
    source: number,
    count: number,
    first: number,
    last: number,
  ): void {
    if (this.pairCount === this.pairSource.length) this.growPairs();
    const pair = this.pairCount;
    this.pairCount += 1;
    const offset = pair * PAIR_STRIDE;
    this.pairs[offset] = key;
    this.pairs[offset + 1] = count;
    this.pairs[offset + 2] = first;
    this.pairs[offset + 3] = last;
    this.pairSource[pair] = source;
    this.pairSlots[slot] = pair + 1;
    // At most a quarter of the slots are used, so probe runs stay short.
    if (this.pairCount * 4 > this.pairSlots.length) this.growPairSlots();
  }

  private growPairs(): void {
    const pairs = new Float64Array(this.pairs.length * 2);
    pairs.set(this.pairs);
    this.pairs = pairs;
    const sources = new Uint8Array(this.pairSource.length * 2);
    sources.set(this.pairSource);
    this.pairSource = sources;
  }

  private growPairSlots(): void {
    const slots = new Int32Array(this.pairSlots.length * 2);
    const mask = slots.length - 1;
    for (let pair = 0; pair < this.pairCount; pair += 1) {
      const key = this.pairs[pair * PAIR_STRIDE] as number;
      const index = Math.floor(key / CLIENT_RANGE);
      let slot = pairHash(index, key - index * CLIENT_RANGE) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = pair + 1;
    }
    this.pairSlots = slots;
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
    const byOperation: ReportClient[][] = [];
    for (let pair = 0; pair < this.pairCount; pair += 1) {
      const offset = pair * PAIR_STRIDE;
      const key = this.pairs[offset] as number;
      const index = Math.floor(key / CLIENT_RANGE);
      const client = {
        id: ids[key - index * CLIENT_RANGE] as string,
        source: SOURCES[this.pairSource[pair] as number] as IdentitySource,
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
