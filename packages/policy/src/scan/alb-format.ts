import { identify } from './identity.js';
import type { LogRecord } from './log-record.js';

/** The start of every ALB line: the request type and an ISO 8601 time. */
export const ALB_LINE_START = /^(https?|h2|grpcs|wss?) \d{4}-\d{2}-\d{2}T/;

/**
 * Parses an AWS Application Load Balancer access log line:
 *
 *   type time elb client:port target:port t1 t2 t3 elb_status target_status rx tx
 *   "METHOD scheme://host:port/path?query PROTOCOL" "user-agent" ...
 *
 * The request URL is absolute; the matcher strips scheme, host and port. A line that
 * does not start with a type and a time is rejected, so a forced `alb` format does not
 * read other formats' lines (their fields also split at spaces and quotes).
 */
export function parseAlbLine(line: string, record: LogRecord): boolean {
  if (!ALB_LINE_START.test(line)) return false;
  let position = 0;
  const fields: string[] = [];
  for (let index = 0; index < 4; index += 1) {
    const end = line.indexOf(' ', position);
    if (end < 0) return false;
    fields.push(line.slice(position, end));
    position = end + 1;
  }
  const requestStart = line.indexOf('"', position);
  if (requestStart < 0) return false;
  const requestEnd = line.indexOf('"', requestStart + 1);
  if (requestEnd < 0) return false;
  const request = line.slice(requestStart + 1, requestEnd);
  const methodEnd = request.indexOf(' ');
  if (methodEnd <= 0) return false;
  const targetEnd = request.indexOf(' ', methodEnd + 1);
  const agentStart = line.indexOf('"', requestEnd + 1);
  const agentEnd = agentStart < 0 ? -1 : line.indexOf('"', agentStart + 1);

  const client = fields[3] as string;
  const colon = client.lastIndexOf(':');
  const ip = colon > 0 ? client.slice(0, colon) : client;
  record.time = Date.parse(fields[1] as string);
  record.method = request.slice(0, methodEnd);
  record.target = request.slice(methodEnd + 1, targetEnd < 0 ? request.length : targetEnd);
  const userAgent = agentEnd < 0 ? '' : line.slice(agentStart + 1, agentEnd);
  identify(record, '', '', userAgent, ip);
  record.count = 1;
  return record.method !== '-' && record.target.length > 0;
}
