import { parseAnyTime } from './clf-time.js';
import { identify } from './identity.js';
import { fromByteString, toByteString, type LineParser, type LogRecord } from './log-record.js';

/** Record fields a JSON log line can fill. */
export type JsonField =
  'method' | 'path' | 'request' | 'time' | 'apiKey' | 'clientId' | 'userAgent' | 'ip';

/** For each record field, the dotted paths tried in order; the first present value wins. */
export type FieldMap = Record<JsonField, string[]>;

/**
 * Field names of common JSON access logs: NGINX `escape=json` formats (`$request`,
 * `$time_local`), Kong's
 * file-log (`request.method`, `consumer.id`), Envoy's json_format and AWS API
 * Gateway's `$context` variables (`httpMethod`, `resourcePath`, `identity.apiKeyId`).
 */
export const DEFAULT_FIELD_MAP: FieldMap = {
  method: ['method', 'request.method', 'httpMethod', 'http_method', 'request_method'],
  path: ['path', 'uri', 'request.uri', 'request_uri', 'resourcePath', 'url', 'request.url'],
  // A request line, `GET /v1/orders HTTP/1.1`, read only when no method and path are found.
  request: ['request'],
  time: [
    'time',
    'timestamp',
    '@timestamp',
    'time_iso8601',
    'time_local',
    'started_at',
    'requestTimeEpoch',
    'requestTime',
  ],
  apiKey: ['api_key', 'apiKeyId', 'identity.apiKeyId', 'consumer.id', 'consumer.username'],
  clientId: ['client_id', 'clientId', 'request.headers.x-client-id', 'http_x_client_id'],
  userAgent: [
    'user_agent',
    'userAgent',
    'identity.userAgent',
    'http_user_agent',
    'request.headers.user-agent',
  ],
  ip: ['ip', 'client_ip', 'remote_addr', 'sourceIp', 'identity.sourceIp'],
};

/**
 * API Gateway REST and HTTP API logs: `resourcePath` is already the template
 * (`/users/{id}`), and `routeKey` (`GET /users/{id}`) carries both method and template.
 */
export const API_GATEWAY_FIELD_MAP: FieldMap = {
  ...DEFAULT_FIELD_MAP,
  method: ['httpMethod', 'routeKey'],
  path: ['resourcePath', 'routeKey', 'path'],
  time: ['requestTimeEpoch', 'requestTime'],
};

/** Builds a parser for JSON lines that reads fields through `fields`. */
export function jsonParser(fields: FieldMap): LineParser {
  const getters = Object.fromEntries(
    Object.entries(fields).map(([field, paths]) => [field, paths.map(splitPath)]),
  ) as Record<JsonField, string[][]>;
  return (line, record) => parseJsonLine(line, record, getters);
}

/** `METHOD target PROTOCOL`, as NGINX's `$request` and Apache's `%r` write it. */
const REQUEST_LINE = /^([A-Z]+) (\S+)(?: [A-Z]+\/[0-9.]+)?$/;

function splitPath(path: string): string[] {
  return path.split('.');
}

function parseJsonLine(line: string, record: LogRecord, getters: Record<JsonField, string[][]>) {
  let data: unknown;
  try {
    data = JSON.parse(fromByteString(line));
  } catch {
    return false;
  }
  if (data === null || typeof data !== 'object') return false;

  let method = text(first(data, getters.method));
  let path = text(first(data, getters.path));
  // API Gateway's routeKey contains both: `GET /users/{id}`.
  const space = path.indexOf(' ');
  if (space > 0 && /^[A-Z]+$/.test(path.slice(0, space))) {
    method = path.slice(0, space);
    path = path.slice(space + 1);
  } else if (method.includes(' ')) {
    method = method.slice(0, method.indexOf(' '));
  } else if (method === '' && path === '') {
    const line = REQUEST_LINE.exec(text(first(data, getters.request)));
    if (line) {
      method = line[1] ?? '';
      path = line[2] ?? '';
    }
  }
  if (method === '' || path === '') return false;

  record.method = method;
  record.target = toByteString(path);
  record.time = parseAnyTime(first(data, getters.time));
  identify(
    record,
    text(first(data, getters.apiKey)),
    text(first(data, getters.clientId)),
    text(first(data, getters.userAgent)),
    text(first(data, getters.ip)),
  );
  record.client = toByteString(record.client);
  record.count = 1;
  return true;
}

function first(data: object, paths: string[][]): unknown {
  for (const path of paths) {
    let value: unknown = data;
    for (const key of path) {
      if (value === null || typeof value !== 'object') {
        value = undefined;
        break;
      }
      value = (value as Record<string, unknown>)[key];
    }
    if (value !== undefined && value !== null && value !== '' && value !== '-') return value;
  }
  return undefined;
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return '';
}
