import type { PactFile } from './pact-files.js';

/** One way a pact's interaction disagrees with the provider's OpenAPI spec. */
export interface PactSpecProblem {
  consumer: string;
  provider: string;
  pactFile: string;
  /** The interaction's description, or null for a problem with the whole pact. */
  interaction: string | null;
  state: string | null;
  /** The comparator's code, e.g. `response.body.incompatible`. */
  code: string;
  level: 'error' | 'warning';
  message: string;
  /** Place in the pact, e.g. `[root].interactions[1].response.body.total`. */
  field: string;
  /** Place in the spec, e.g. `[root].paths./v2/orders/{orderId}.get.responses.200`. */
  specLocation: string | null;
}

/**
 * Checks every HTTP interaction of a pact against an OpenAPI document with
 * openapi-pact-comparator: paths and methods, parameters, bodies, statuses, headers.
 * Responses are strict: a property the spec does not declare is an error.
 */
export async function comparePactWithSpec(
  pact: PactFile,
  spec: Record<string, unknown>,
): Promise<PactSpecProblem[]> {
  // NOTE: the spec's root tree is handed over as is, so $refs into other files are not followed.
  // The comparator takes most of a second to load, so only a comparison loads it.
  const { Comparator } = await import('@pactflow/openapi-pact-comparator');
  const comparator = new Comparator({ oas: spec });
  const problems: PactSpecProblem[] = [];
  for await (const result of comparator.compare(pact.content)) {
    if (result.type === 'info') continue;
    problems.push({
      consumer: pact.consumer,
      provider: pact.provider,
      pactFile: pact.file,
      interaction: result.mockDetails?.interactionDescription ?? null,
      state: readState(result.mockDetails?.interactionState),
      code: result.code,
      level: result.type,
      message: result.message,
      field: result.mockDetails?.location ?? '',
      specLocation: result.specDetails?.location ?? null,
    });
  }
  return problems;
}

/** Maps the comparator's `[none]`, written for an interaction without a provider state, to null. */
function readState(state: string | null | undefined): string | null {
  return state === undefined || state === null || state === '[none]' ? null : state;
}
