import type { MockRequest } from './api-engine.js';
import type { Preferences } from './prefer.js';
import type { ProblemKind, Violation } from './problems.js';

/** The problem kind of an error Prism returns, by the code at the end of its `name`. */
export function prismErrorKind(error: Error, preferences: Preferences): ProblemKind {
  const code = error.name.slice(error.name.lastIndexOf('#') + 1);
  switch (code) {
    case 'NO_PATH_MATCHED_ERROR':
    case 'NO_SERVER_MATCHED_ERROR':
    // A spec with no paths (only webhooks, say) gives this for every request.
    case 'NO_RESOURCE_PROVIDED_ERROR':
      return 'route-not-found';
    case 'NO_METHOD_MATCHED_ERROR':
      return 'method-not-allowed';
    case 'NOT_ACCEPTABLE':
      return 'not-acceptable';
    case 'NOT_FOUND':
      return preferences.code !== undefined || preferences.example !== undefined
        ? 'prefer-not-satisfiable'
        : 'response-not-defined';
    case 'NO_RESPONSE_DEFINED':
      return 'response-not-defined';
    default:
      return error.name.includes('stoplight.io') ? 'mock-failed' : 'upstream-failed';
  }
}

/** Builds the `detail` of a problem from a Prism error, naming the request. */
export function prismErrorDetail(
  kind: ProblemKind,
  error: Error & { detail?: string },
  request: MockRequest,
  preferences: Preferences,
): string {
  const target = `${request.method.toUpperCase()} ${request.path}`;
  switch (kind) {
    case 'route-not-found':
      return `No path template in the spec matches ${request.path}.`;
    case 'method-not-allowed':
      return `${request.path} has no ${request.method.toUpperCase()} operation in the spec.`;
    case 'not-acceptable':
      return `${target} declares no response for Accept: ${request.headers['accept'] ?? ''}.`;
    case 'prefer-not-satisfiable':
      return preferences.code !== undefined
        ? `${target} declares no response with status ${preferences.code}${preferences.example ? ` and example "${preferences.example}"` : ''}.`
        : `${target} has no example named "${preferences.example ?? ''}".`;
    default:
      return `${target}: ${error.detail || error.message}`;
  }
}

/** Builds the `detail` of a failed request check: the first violation, and how many follow. */
export function summariseViolations(kind: ProblemKind, violations: readonly Violation[]): string {
  const count = violations.length;
  const first = violations[0];
  const summary = first ? `${first.location.join('.')}: ${first.message}` : 'see violations';
  if (kind === 'unauthorized') return first?.message ?? 'The request has no valid credentials.';
  return count > 1 ? `${summary} (and ${count - 1} more)` : summary;
}
