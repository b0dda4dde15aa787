import { isRef, type Location, type UserContext } from '@redocly/openapi-core';

import { isObject, type OperationObject } from '../openapi-objects.js';
import { visitPathOperations } from '../operation-visitor.js';
import type { SpecgateRule } from '../rule.js';

const ERROR_CODE = /^(?:[45](?:\d\d|XX)|default)$/i;
const PROBLEM_JSON = 'application/problem+json';

function mediaTypeName(key: string): string {
  return (key.split(';')[0] ?? '').trim().toLowerCase();
}

/** Reports one error response, found at `location` (its own place, after any `$ref`). */
function checkErrorResponse(response: unknown, location: Location, ctx: UserContext): void {
  if (!isObject(response) || !isObject(response.content)) return;
  const keys = Object.keys(response.content);
  if (keys.length === 0) return;

  const problemKey = keys.find((key) => mediaTypeName(key) === PROBLEM_JSON);
  if (problemKey === undefined) {
    const offered = keys.map((key) => `\`${key}\``).join(', ');
    ctx.report({
      message: `Error response body is ${offered} but not \`${PROBLEM_JSON}\`. Describe error bodies as \`${PROBLEM_JSON}\` (RFC 9457 problem details) with a schema.`,
      location: location.child(['content']).key(),
    });
    return;
  }

  const mediaType = response.content[problemKey];
  if (isObject(mediaType) && mediaType.schema !== undefined) return;
  ctx.report({
    message: `Error response media type \`${problemKey}\` has no \`schema\`. Add a schema for the problem details object, for example a shared \`Problem\` component.`,
    location: location.child(['content', problemKey]).key(),
  });
}

function errorResponseProblemJsonVisitor() {
  // A response component used by many operations is reported once, at its own place.
  const checked = new Set<string>();
  return visitPathOperations((operation: OperationObject, ctx) => {
    if (!isObject(operation.responses)) return;
    for (const [code, response] of Object.entries(operation.responses)) {
      if (!ERROR_CODE.test(code)) continue;
      const { node, location } = isRef(response)
        ? ctx.resolve(response)
        : { node: response, location: ctx.location.child(['responses', code]) };
      if (location === undefined || checked.has(location.absolutePointer)) continue;
      checked.add(location.absolutePointer);
      checkErrorResponse(node, location, ctx);
    }
  });
}

/** 4xx, 5xx and `default` responses with a body use `application/problem+json` with a schema. */
export const errorResponseProblemJson: SpecgateRule = {
  id: 'error-response-problem-json',
  severity: 'error',
  description:
    '4xx, 5xx and default responses with a body offer `application/problem+json` with a schema.',
  oas3: errorResponseProblemJsonVisitor,
};
