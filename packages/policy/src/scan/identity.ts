/** Source of a client's identity, most reliable first; `none` when nothing identified the client. */
export type IdentitySource = 'api-key' | 'client-id' | 'user-agent' | 'ip' | 'none';

/** The identity of a request's client and where it came from. */
export interface ClientIdentity {
  client: string;
  clientSource: IdentitySource;
}

/**
 * Picks the client identity of a request: API key or principal, then client-id
 * header, then the User-Agent product token (`name/version`), then the source IP.
 */
export function identify(
  target: ClientIdentity,
  apiKey: string,
  clientId: string,
  userAgent: string,
  ip: string,
): void {
  if (apiKey !== '') return set(target, apiKey, 'api-key');
  if (clientId !== '') return set(target, clientId, 'client-id');
  const token = productToken(userAgent);
  if (token !== '') return set(target, token, 'user-agent');
  if (ip !== '') return set(target, ip, 'ip');
  set(target, '', 'none');
}

function set(target: ClientIdentity, client: string, source: IdentitySource): void {
  target.client = client;
  target.clientSource = source;
}

/** Returns the first `name/version` token of a User-Agent, e.g. `acme-sdk-js/2.3.0`, or ''. */
export function productToken(userAgent: string): string {
  if (userAgent === '' || userAgent === '-') return '';
  const end = userAgent.indexOf(' ');
  const token = end < 0 ? userAgent : userAgent.slice(0, end);
  const slash = token.indexOf('/');
  return slash > 0 && slash < token.length - 1 ? token : '';
}

/** Standard HTTP methods by name length, so a method is compared with at most three names. */
const METHODS_BY_LENGTH: readonly (readonly string[])[] = [
  [],
  [],
  [],
  ['GET', 'PUT'],
  ['POST', 'HEAD'],
  ['PATCH', 'TRACE'],
  ['DELETE'],
  ['OPTIONS', 'CONNECT'],
];

/**
 * Returns the method written in `line` from `start` to `end`, as a shared constant
 * when it is a standard one. A shared string keeps its computed hash, so the
 * per-method map lookups that follow skip hashing a fresh slice on every line.
 */
export function methodAt(line: string, start: number, end: number): string {
  for (const method of METHODS_BY_LENGTH[end - start] ?? []) {
    if (line.startsWith(method, start)) return method;
  }
  return line.slice(start, end);
}
