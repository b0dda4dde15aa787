import type { TrafficOperation, TrafficReport } from '../traffic-report.js';

/** Renders a traffic report as Markdown: deprecated operations first, soonest sunset first. */
export function renderTrafficMarkdown(report: TrafficReport): string {
  const lines = ['# API traffic by operation', ''];
  const operations = [...report.operations].sort(byUrgency);
  const total = operations.reduce((sum, operation) => sum + operation.requests, 0);
  lines.push(
    `${total} matched request(s), ${report.unmatched.requests} unmatched, ${report.unidentified.requests} without a client identity, ${report.malformed.lines} malformed line(s).`,
    '',
  );
  if (operations.length > 0) {
    lines.push(
      '| Operation | Deprecated | Sunset | Days to sunset | Requests | Clients | Top clients |',
      '|---|---|---|---:|---:|---:|---|',
    );
    for (const operation of operations) {
      const top = operation.clients
        .slice(0, 3)
        .map((client) => `${client.id} (${client.requests})`)
        .join(', ');
      lines.push(
        `| ${cell(`${operation.method} ${operation.path}`)} | ${operation.deprecated ? 'yes' : 'no'} | ${operation.sunset ?? '-'} | ${operation.daysToSunset ?? '-'} | ${operation.requests} | ${operation.clients.length} | ${cell(top)} |`,
      );
    }
    lines.push('');
  }
  appendExamples(lines, 'Unmatched requests (spec drift?)', report.unmatched.examples);
  appendExamples(lines, 'Malformed lines', report.malformed.examples);
  return lines.join('\n');
}

function appendExamples(lines: string[], title: string, examples: readonly string[]): void {
  if (examples.length === 0) return;
  lines.push(
    `## ${title}`,
    '',
    ...examples.map((example) => `- \`${example.replace(/`/g, "'")}\``),
    '',
  );
}

function byUrgency(a: TrafficOperation, b: TrafficOperation): number {
  if (a.deprecated !== b.deprecated) return a.deprecated ? -1 : 1;
  const left = a.daysToSunset ?? Number.MAX_SAFE_INTEGER;
  const right = b.daysToSunset ?? Number.MAX_SAFE_INTEGER;
  return left - right || b.requests - a.requests;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** Renders one CSV row per operation and client, with a header line. */
export function renderTrafficCsv(report: TrafficReport): string {
  const rows = [
    'api,api_version,method,path,operation_id,deprecated,sunset,days_to_sunset,client,client_source,requests,first_seen,last_seen',
  ];
  for (const operation of report.operations) {
    for (const client of operation.clients) {
      rows.push(
        [
          operation.api ?? '',
          operation.apiVersion ?? '',
          operation.method,
          operation.path,
          operation.operationId ?? '',
          String(operation.deprecated),
          operation.sunset ?? '',
          operation.daysToSunset === null ? '' : String(operation.daysToSunset),
          client.id,
          client.source ?? '',
          String(client.requests),
          client.firstSeen ?? '',
          client.lastSeen ?? '',
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  return `${rows.join('\n')}\n`;
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Renders OpenMetrics text (also read by Prometheus): request and client counts per
 * operation and API version, days to sunset for operations that have one, and the
 * unmatched, unidentified and malformed totals.
 */
export function renderTrafficOpenMetrics(report: TrafficReport): string {
  const lines = [
    '# TYPE specgate_operation_requests counter',
    '# HELP specgate_operation_requests Requests seen in the scanned logs per operation.',
  ];
  for (const operation of report.operations) {
    lines.push(`specgate_operation_requests_total{${labels(operation)}} ${operation.requests}`);
  }
  lines.push(
    '# TYPE specgate_operation_clients gauge',
    '# HELP specgate_operation_clients Distinct clients seen per operation.',
  );
  for (const operation of report.operations) {
    lines.push(`specgate_operation_clients{${labels(operation)}} ${operation.clients.length}`);
  }
  lines.push(
    '# TYPE specgate_operation_days_to_sunset gauge',
    '# HELP specgate_operation_days_to_sunset Days until the sunset date; negative once passed.',
  );
  for (const operation of report.operations) {
    if (operation.daysToSunset === null) continue;
    lines.push(`specgate_operation_days_to_sunset{${labels(operation)}} ${operation.daysToSunset}`);
  }
  lines.push(
    '# TYPE specgate_unmatched_requests counter',
    `specgate_unmatched_requests_total ${report.unmatched.requests}`,
    '# TYPE specgate_unidentified_requests counter',
    `specgate_unidentified_requests_total ${report.unidentified.requests}`,
    '# TYPE specgate_malformed_lines counter',
    `specgate_malformed_lines_total ${report.malformed.lines}`,
    '# EOF',
  );
  return `${lines.join('\n')}\n`;
}

function labels(operation: TrafficOperation): string {
  const pairs: [string, string][] = [
    ['api', operation.api ?? ''],
    ['api_version', operation.apiVersion ?? ''],
    ['method', operation.method],
    ['path', operation.path],
    ['operation_id', operation.operationId ?? ''],
    ['deprecated', String(operation.deprecated)],
  ];
  return pairs.map(([name, value]) => `${name}="${escapeLabel(value)}"`).join(',');
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
