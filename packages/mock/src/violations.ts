import type { IHttpOperation } from './prism.js';
import type { Violation } from './problems.js';

/** The shape of a Prism validation diagnostic that specgate reads. */
export interface PrismDiagnostic {
  path?: (string | number)[];
  code?: string | number;
  message: string;
  severity: number;
  tags?: string[];
}

/** Prism's `DiagnosticSeverity.Error`; warnings (e.g. a deprecated parameter) do not fail a request. */
const ERROR_SEVERITY = 0;

export function isError(diagnostic: PrismDiagnostic): boolean {
  return diagnostic.severity === ERROR_SEVERITY;
}

/**
 * Turns Prism's diagnostics into violations: path parameter names get back the
 * casing the spec gives them (Prism lower-cases them), and the entries ajv reports
 * from inside the variants of a failed `oneOf` or `anyOf` collapse into that one entry.
 */
export function toViolations(
  diagnostics: readonly PrismDiagnostic[],
  operation: IHttpOperation | undefined,
): Violation[] {
  const errors = diagnostics.filter(isError);
  const combinators = errors
    .filter((diagnostic) => diagnostic.code === 'oneOf' || diagnostic.code === 'anyOf')
    .map((diagnostic) => locationOf(diagnostic, operation));
  const violations: Violation[] = [];
  const seen = new Set<string>();
  for (const diagnostic of errors) {
    const location = locationOf(diagnostic, operation);
    const keyword = keywordOf(diagnostic);
    const insideCombinator =
      keyword !== 'oneOf' &&
      keyword !== 'anyOf' &&
      combinators.some((prefix) => startsWith(location, prefix));
    if (insideCombinator) continue;
    const message = messageOf(diagnostic, operation);
    const key = `${location.join('\0')}\0${keyword}\0${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    violations.push({ location, message, keyword });
  }
  return violations;
}

function keywordOf(diagnostic: PrismDiagnostic): string {
  if (diagnostic.code === 415) return 'content-type';
  if (diagnostic.code === 401) return 'security';
  return diagnostic.code === undefined ? 'invalid' : String(diagnostic.code);
}

function locationOf(diagnostic: PrismDiagnostic, operation: IHttpOperation | undefined): string[] {
  if (diagnostic.code === 415) return ['header', 'content-type'];
  if (diagnostic.code === 401) return operation ? credentialLocation(operation) : ['security'];
  const location = (diagnostic.path ?? []).map(String);
  // Prism gives no path for a missing required body.
  if (location.length === 0) return ['body'];
  if (location[0] === 'path' && location[1] !== undefined && operation) {
    location[1] = pathParameterName(operation, location[1]);
  }
  return location;
}

/** Returns where the first security scheme of the operation expects its credentials. */
function credentialLocation(operation: IHttpOperation): string[] {
  const scheme = operation.security?.[0]?.[0];
  if (!scheme) return ['security'];
  if (scheme.type === 'apiKey') return [scheme.in, scheme.name];
  return ['header', 'authorization'];
}

type SecurityScheme = NonNullable<IHttpOperation['security']>[number][number];

/**
 * Builds the 401 detail for a request that sends none of the credentials the operation's
 * security schemes read, listing the schemes the operation accepts. Returns undefined when a
 * credential was sent, so Prism's message is kept.
 */
export function missingCredentialsDetail(
  operation: IHttpOperation,
  request: { headers: Record<string, string>; search: string },
): string | undefined {
  const requirements = (operation.security ?? []).filter((requirement) => requirement.length > 0);
  if (requirements.length === 0) return undefined;
  const sent = requirements.some((requirement) =>
    requirement.some((scheme) => credentialSent(scheme, request)),
  );
  if (sent) return undefined;
  const accepted = requirements
    .map((requirement) => requirement.map(describeScheme).join(' and '))
    .join(', or ');
  return `No credentials were sent. The operation accepts ${accepted}.`;
}

function credentialSent(
  scheme: SecurityScheme,
  request: { headers: Record<string, string>; search: string },
): boolean {
  if (scheme.type === 'mutualTLS') return true;
  if (scheme.type !== 'apiKey') return request.headers['authorization'] !== undefined;
  const name = scheme.name;
  if (scheme.in === 'header') return request.headers[name.toLowerCase()] !== undefined;
  if (scheme.in === 'query') return new URLSearchParams(request.search).has(name);
  const cookies = (request.headers['cookie'] ?? '').split(';');
  return cookies.some((cookie) => cookie.trim().split('=')[0] === name);
}

function describeScheme(scheme: SecurityScheme): string {
  switch (scheme.type) {
    case 'apiKey':
      return `an API key in the ${scheme.name} ${scheme.in === 'query' ? 'query parameter' : scheme.in} (${scheme.key})`;
    case 'http':
      return `${scheme.scheme === 'bearer' ? 'a bearer token' : `HTTP ${scheme.scheme} credentials`} in the Authorization header (${scheme.key})`;
    case 'oauth2':
    case 'openIdConnect':
      return `an OAuth 2 access token in the Authorization header (${scheme.key})`;
    default:
      return `a client certificate (${scheme.key})`;
  }
}

/** Prism lower-cases path parameter names in its messages too; give them back their casing. */
function messageOf(diagnostic: PrismDiagnostic, operation: IHttpOperation | undefined): string {
  const path = diagnostic.path ?? [];
  if (path[0] !== 'path' || path[1] === undefined || !operation) return diagnostic.message;
  const lowerCased = String(path[1]);
  const name = pathParameterName(operation, lowerCased);
  return diagnostic.message.replace(`parameter ${lowerCased} `, `parameter ${name} `);
}

function pathParameterName(operation: IHttpOperation, lowerCased: string): string {
  const names = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
  return names.find((name) => name.toLowerCase() === lowerCased) ?? lowerCased;
}

function startsWith(location: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((segment, index) => location[index] === segment);
}

/** Picks the problem kind of failed checks: security first, then media type, then content. */
export function statusKind(
  diagnostics: readonly PrismDiagnostic[],
): 'unauthorized' | 'unsupported-media-type' | 'request-invalid' {
  const errors = diagnostics.filter(isError);
  if (errors.some((diagnostic) => diagnostic.code === 401)) return 'unauthorized';
  if (errors.some((diagnostic) => diagnostic.code === 415)) return 'unsupported-media-type';
  return 'request-invalid';
}
