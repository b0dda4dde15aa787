import { daysBetween } from '../dates.js';
import type { TrafficReport } from '../traffic-report.js';
import type { IdentitySource } from './identity.js';
import { fromByteString, ownCopy, type LogRecord } from './log-record.js';
import type { MatchedOperation, OperationMatcher } from './operation-matcher.js';

interface ClientStats {
  source: IdentitySource;
  requests: number;
  first: number;
  last: number;
}

interface OperationStats {
  requests: number;
  clients: Map<string, ClientStats>;
}

const MAX_EXAMPLES = 10;

/**
 * Counts requests per operation and client. The identity of a request is the first
 * of: API key or principal, client-id header, User-Agent product token (`name/version`),
 * source IP. Requests with none count as unidentified.
 */
export class TrafficAggregate {
  private readonly stats: (OperationStats | null)[];
  private unmatched = 0;
  private readonly unmatchedExamples = new Set<string>();
  private unidentified = 0;
  private malformed = 0;
  private readonly malformedExamples: string[] = [];
  lines = 0;

  constructor(private readonly matcher: OperationMatcher) {
    // A filled array keeps V8's fast elements; assigning at random indexes of [] would not.
    this.stats = new Array<OperationStats | null>(matcher.operations.length).fill(null);
  }

  /** Adds one parsed record. */
  add(record: LogRecord): void {
    const index = this.matcher.match(record.method, record.target);
    if (index < 0) {
      this.unmatched += record.count;
      if (this.unmatchedExamples.size < MAX_EXAMPLES) {
        this.unmatchedExamples.add(ownCopy(`${record.method} ${record.target}`));
      }
      return;
    }
    let stats = this.stats[index];
    if (!stats) {
      stats = { requests: 0, clients: new Map() };
      this.stats[index] = stats;
    }
    stats.requests += record.count;
    this.addClient(stats, record);
  }

  private addClient(stats: OperationStats, record: LogRecord): void {
    let id = record.client;
    if (record.clientSource === 'none') {
      this.unidentified += record.count;
      id = '(unidentified)';
    }
    const first = Number.isNaN(record.firstTime) ? record.time : record.firstTime;
    record.firstTime = Number.NaN;
    const client = stats.clients.get(id);
    if (!client) {
      stats.clients.set(ownCopy(id), {
        source: record.clientSource,
        requests: record.count,
        first,
        last: record.time,
      });
      return;
    }
    client.requests += record.count;
    if (first < client.first || Number.isNaN(client.first)) client.first = first;
    if (record.time > client.last || Number.isNaN(client.last)) client.last = record.time;
  }

  /** Counts a line no parser could read, keeping the first few as examples. */
  addMalformed(line: string): void {
    this.malformed += 1;
    if (this.malformedExamples.length < MAX_EXAMPLES) {
      this.malformedExamples.push(line.length > 200 ? `${line.slice(0, 200)}...` : line);
    }
  }

  /** Builds the report: one entry per operation that received traffic, in spec order. */
  report(today: string): TrafficReport {
    const operations = this.matcher.operations.flatMap((operation) => {
      const stats = this.stats[operation.index];
      return stats ? [operationEntry(operation, stats, today)] : [];
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

function operationEntry(operation: MatchedOperation, stats: OperationStats, today: string) {
  const clients = [...stats.clients]
    .map(([id, client]) => ({
      id: fromByteString(id),
      source: client.source,
      requests: client.requests,
      firstSeen: isoOrNull(client.first),
      lastSeen: isoOrNull(client.last),
    }))
    .sort((a, b) => b.requests - a.requests || a.id.localeCompare(b.id));
  return {
    api: operation.api,
    apiVersion: operation.apiVersion,
    method: operation.method,
    path: operation.path,
    operationId: operation.operationId,
    deprecated: operation.deprecated,
    sunset: operation.sunset,
    daysToSunset: operation.sunset === null ? null : daysBetween(today, operation.sunset),
    requests: stats.requests,
    clients,
  };
}

function isoOrNull(time: number): string | null {
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
