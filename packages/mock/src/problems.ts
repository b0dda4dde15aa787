/**
 * The problem+json documents (RFC 9457) the mock answers with when it cannot serve a
 * request. Each status is the one the failure calls for, whatever 4xx responses the
 * spec declares: a wrong Content-Type is 415 even when the operation lists a 422.
 */

/** One way a request or response differs from its spec. */
export interface Violation {
  /** Where the value sits: `["query", "limit"]`, `["body", "items", "0", "qty"]`. */
  location: string[];
  message: string;
  /** The JSON Schema keyword or check that failed, e.g. `minimum`, `required`, `content-type`. */
  keyword: string;
}

/** An RFC 9457 problem document, with the violations as an extension member. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  violations?: Violation[];
}

/** The problem kinds, by the last segment of their `type` URI. */
export const PROBLEM_KINDS = {
  'route-not-found': { status: 404, title: 'No operation has this path' },
  'method-not-allowed': { status: 405, title: 'The path has no operation for this method' },
  'not-acceptable': { status: 406, title: 'No response matches the Accept header' },
  'unsupported-media-type': { status: 415, title: 'The Content-Type is not declared' },
  unauthorized: { status: 401, title: 'The security requirements are not met' },
  'request-invalid': { status: 422, title: 'The request does not match the spec' },
  'body-not-parsable': { status: 400, title: 'The request body is not valid JSON' },
  'body-too-large': { status: 413, title: 'The request body is too large' },
  'prefer-not-satisfiable': {
    status: 400,
    title: 'The Prefer header asks for a response the spec does not declare',
  },
  'response-not-defined': { status: 500, title: 'The operation declares no response to serve' },
  'mock-failed': { status: 500, title: 'The mock could not build a response' },
  'upstream-failed': { status: 502, title: 'The upstream provider did not answer' },
} as const;

export type ProblemKind = keyof typeof PROBLEM_KINDS;

/** The `type` URI of a problem kind. */
export function problemType(kind: ProblemKind): string {
  return `urn:specgate:mock:${kind}`;
}

export function createProblem(
  kind: ProblemKind,
  detail: string,
  violations?: Violation[],
): Problem {
  const { status, title } = PROBLEM_KINDS[kind];
  const problem: Problem = { type: problemType(kind), title, status, detail };
  if (violations && violations.length > 0) problem.violations = violations;
  return problem;
}
