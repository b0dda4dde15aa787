import type { IncomingMessage, ServerResponse } from 'node:http';

import type { MockResponse } from './api-engine.js';
import { createProblem, type Problem } from './problems.js';

/** Request bodies above this size get 413; Prism's own server uses the same limit. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Reads and parses a request body: JSON for JSON media types, text otherwise. */
export async function readBody(request: IncomingMessage): Promise<unknown | Problem> {
  const length = request.headers['content-length'];
  if (
    length === '0' ||
    (length === undefined && request.headers['transfer-encoding'] === undefined)
  ) {
    request.resume();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      return createProblem(
        'body-too-large',
        `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
      );
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!isJsonMediaType(request.headers['content-type'])) return text;
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const mediaType = request.headers['content-type'] ?? '';
    return createProblem(
      'body-not-parsable',
      `The request body is sent as ${mediaType} but does not parse as JSON. Send valid JSON or the media type the body is in.`,
    );
  }
}

export function isProblem(value: unknown): value is Problem {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as Problem).type === 'string' &&
    (value as Problem).type.startsWith('urn:specgate:mock:')
  );
}

function isJsonMediaType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const essence = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return essence === 'application/json' || /^application\/[^/]+\+json$/.test(essence);
}

/** Copies node:http's request headers into one string per name. */
export function flattenHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

export function problemResponse(problem: Problem): MockResponse {
  return {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json' },
    body: Buffer.from(JSON.stringify(problem)),
  };
}

export function send(
  reply: ServerResponse,
  response: MockResponse,
  head: boolean,
  extraHeaders: Record<string, string> = {},
): void {
  const headers: Record<string, string | number> = { ...extraHeaders, ...response.headers };
  headers['content-length'] = response.body.length;
  reply.writeHead(response.status, headers);
  reply.end(head ? undefined : response.body);
}

/**
 * Returns the CORS headers for a response, so browser apps on another origin can call the
 * mock. A sent Origin is echoed with credentials allowed. Without one the header is `*`, and
 * browsers reject `*` together with credentials, so allow-credentials is left out.
 */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  if (!origin) {
    return { 'access-control-allow-origin': '*', 'access-control-expose-headers': '*' };
  }
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': '*',
    vary: 'origin',
  };
}

/** True for a CORS preflight: OPTIONS with an Origin and an Access-Control-Request-Method. */
export function isPreflight(request: IncomingMessage): boolean {
  return (
    request.method === 'OPTIONS' &&
    request.headers['origin'] !== undefined &&
    request.headers['access-control-request-method'] !== undefined
  );
}

/** Builds the 204 response to a CORS preflight, allowing the requested method and headers. */
export function preflightResponse(request: IncomingMessage): MockResponse {
  return {
    status: 204,
    headers: {
      ...corsHeaders(request.headers['origin']),
      'access-control-allow-methods': request.headers['access-control-request-method'] ?? '*',
      'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '*',
      'access-control-max-age': '600',
    },
    body: Buffer.alloc(0),
  };
}
