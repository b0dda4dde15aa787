import { SpecgateError } from '@specgate/core';

/** One client of an operation in a traffic report. */
export interface TrafficClient {
  id: string;
  /** Where the identity came from: api-key, client-id, user-agent or ip. */
  source?: string;
  requests: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

/** The traffic one operation received. */
export interface TrafficOperation {
  /** The API (name in specgate.yaml) and its version label (`v1`, or info.version). */
  api?: string;
  apiVersion?: string;
  method: string;
  path: string;
  operationId: string | null;
  deprecated: boolean;
  sunset: string | null;
  daysToSunset: number | null;
  requests: number;
  clients: TrafficClient[];
}

/** The JSON `specgate sunset scan --format json` prints and `specgate check --traffic` reads. */
export interface TrafficReport {
  schemaVersion: 1;
  operations: TrafficOperation[];
  unmatched: { requests: number; examples: string[] };
  unidentified: { requests: number };
  malformed: { lines: number; examples: string[] };
}

/**
 * Parses the JSON of a traffic report and checks its shape, so `check --traffic`
 * fails with the file and the field at fault instead of misreading it.
 */
export function parseTrafficReport(text: string, file: string): TrafficReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SpecgateError(
      'PARSE_ERROR',
      `${file}: not valid JSON (${(error as Error).message}). Pass the output of specgate sunset scan --format json.`,
      { file, cause: error },
    );
  }
  const report = data as Partial<TrafficReport> | null;
  if (report?.schemaVersion !== 1 || !Array.isArray(report.operations)) {
    throw new SpecgateError(
      'INVALID_DOCUMENT',
      `${file}: not a traffic report (expected schemaVersion 1 and an operations array). Pass the output of specgate sunset scan --format json.`,
      { file },
    );
  }
  report.operations.forEach((operation, index) => checkOperation(operation, index, file));
  return {
    schemaVersion: 1,
    operations: report.operations,
    unmatched: report.unmatched ?? { requests: 0, examples: [] },
    unidentified: report.unidentified ?? { requests: 0 },
    malformed: report.malformed ?? { lines: 0, examples: [] },
  };
}

function checkOperation(operation: unknown, index: number, file: string): void {
  const entry = operation as Partial<TrafficOperation> | null;
  const fail = (field: string): never => {
    throw new SpecgateError(
      'INVALID_DOCUMENT',
      `${file}: operations[${index}].${field} is missing or has the wrong type. Regenerate the report with specgate sunset scan --format json.`,
      { file },
    );
  };
  if (typeof entry?.method !== 'string') fail('method');
  if (typeof entry?.path !== 'string') fail('path');
  if (typeof entry?.requests !== 'number') fail('requests');
  if (!Array.isArray(entry?.clients)) fail('clients');
  (entry?.clients ?? []).forEach((client, clientIndex) => {
    if (typeof client?.id !== 'string' || typeof client.requests !== 'number') {
      fail(`clients[${clientIndex}]`);
    }
  });
}
