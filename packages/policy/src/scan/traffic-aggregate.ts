import { daysBetween } from '../dates.js';
import type { TrafficReport } from '../traffic-report.js';
import type { IdentitySource } from './identity.js';
import { IsoTimeFormatter } from './iso-time.js';
import { fromByteString, ownCopy, type LogRecord } from './log-record.js';
import type { MatchedOperation, OperationMatcher } from './operation-matcher.js';
import { PairTable, type PairNumbers } from './pair-table.js';

const MAX_EXAMPLES = 10;
const UNIDENTIFIED = '(unidentified)';
/** Identity sources by number, as stored per (operation, client) pair. */
const SOURCES: readonly IdentitySource[] = ['api-key', 'client-id', 'user-agent', 'ip', 'none'];
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
 * in a slot of a Float64Array hash table (PairTable). So counting a request allocates
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
  /** Requests per (operation, client) pair. */
  private readonly pairs = new PairTable();

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
    if (this.pairs.add(index, client, source, count, first, last)) this.operationSeen[index] = 1;
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
    const numbers: PairNumbers = {
      operation: 0,
      client: 0,
      source: 0,
      requests: 0,
      firstTime: 0,
      lastTime: 0,
    };
    for (let pair = 0; pair < this.pairs.size; pair += 1) {
      this.pairs.read(pair, numbers);
      const client = {
        id: ids[numbers.client] as string,
        source: SOURCES[numbers.source] as IdentitySource,
        requests: numbers.requests,
        firstSeen: isoOf(numbers.firstTime),
        lastSeen: isoOf(numbers.lastTime),
      };
      (byOperation[numbers.operation] ??= []).push(client);
    }
    return byOperation;
  }

  /** Builds the report: one entry per operation that received traffic, in spec order. */
  report(today: string): TrafficReport {
    const times = new IsoTimeFormatter();
    const isoOf = (time: number): string | null => times.format(time);
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
