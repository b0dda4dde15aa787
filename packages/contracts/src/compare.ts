import type { PactFile } from './pact-files.js';
import { withoutRefCycles } from './ref-cycles.js';

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
  /** Method and path of the interaction's request, or null when the problem names none. */
  request: { method: string; path: string } | null;
}

/**
 * Checks every HTTP interaction of a pact against an OpenAPI document with
 * openapi-pact-comparator: paths and methods, parameters, bodies, statuses, headers.
 * Responses are strict: a property the spec does not declare is an error. The spec must be
 * one document (see bundleSpec in @specgate/core). A recursive schema is checked down to
 * its first repetition.
 */
export async function comparePactWithSpec(
  pact: PactFile,
  spec: Record<string, unknown>,
): Promise<PactSpecProblem[]> {
  // The comparator takes most of a second to load, so only a comparison loads it.
  const { Comparator } = await import('@pactflow/openapi-pact-comparator');
  const comparator = new Comparator({ oas: acyclic(spec) });
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
      request: requestOf(pact, result.mockDetails?.location),
    });
  }
  return problems;
}

const acyclicCopies = new WeakMap<Record<string, unknown>, Record<string, unknown>>();

/** Returns the spec with its `$ref` cycles cut, made once per spec object. */
function acyclic(spec: Record<string, unknown>): Record<string, unknown> {
  let copy = acyclicCopies.get(spec);
  if (copy === undefined) {
    copy = withoutRefCycles(spec);
    acyclicCopies.set(spec, copy);
  }
  return copy;
}

/** Reads the method and path of the interaction a pact location such as `[root].interactions[2].request` is in. */
function requestOf(
  pact: PactFile,
  location: string | undefined,
): { method: string; path: string } | null {
  const index = /^\[root\]\.interactions\[(\d+)\]/.exec(location ?? '')?.[1];
  if (index === undefined) return null;
  const interactions = (pact.content as { interactions?: unknown }).interactions;
  if (!Array.isArray(interactions)) return null;
  const request = (interactions[Number(index)] as { request?: unknown } | undefined)?.request;
  if (typeof request !== 'object' || request === null) return null;
  const { method, path } = request as { method?: unknown; path?: unknown };
  if (typeof method !== 'string' || typeof path !== 'string') return null;
  return { method: method.toLowerCase(), path };
}

/** Maps the comparator's `[none]`, written for an interaction without a provider state, to null. */
function readState(state: string | null | undefined): string | null {
  return state === undefined || state === null || state === '[none]' ? null : state;
}
