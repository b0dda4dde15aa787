import type { UserContext } from '@redocly/openapi-core';

import { isObject, type RequestBodyObject } from '../openapi-objects.js';
import type { SpecgateRule } from '../rule.js';

const JSON_OR_FORM =
  /^(?:application\/json|application\/[\w.!#$&^-]+\+json|multipart\/form-data|application\/x-www-form-urlencoded)$/;

interface RequestBodyJsonOptions {
  /** Further media types accepted on their own, e.g. `application/octet-stream` for uploads. */
  allowedMediaTypes?: string[];
}

function mediaTypeName(key: string): string {
  return (key.split(';')[0] ?? '').trim().toLowerCase();
}

function requestBodyJsonVisitor(options: RequestBodyJsonOptions) {
  const allowed = new Set((options.allowedMediaTypes ?? []).map(mediaTypeName));
  return {
    RequestBody(body: RequestBodyObject, ctx: UserContext) {
      if (!isObject(body.content)) return;
      const names = Object.keys(body.content);
      if (names.length === 0) return;
      if (names.map(mediaTypeName).some((name) => JSON_OR_FORM.test(name) || allowed.has(name))) {
        return;
      }
      const offered = names.map((name) => `\`${name}\``).join(', ');
      ctx.report({
        message: `Request body offers only ${offered}. Also accept \`application/json\`, a \`+json\` media type or a form media type, or list the media type in the rule option \`allowedMediaTypes\`.`,
        location: ctx.location.child(['content']).key(),
      });
    },
  };
}

/** Request bodies accept JSON (`application/json` or `+json`) or a form media type. */
export const requestBodyJson: SpecgateRule = {
  id: 'request-body-json',
  severity: 'error',
  description:
    'Request bodies accept `application/json`, a `+json` media type, or a form media type (option allowedMediaTypes adds more).',
  options: { allowedMediaTypes: [] },
  oas3: requestBodyJsonVisitor,
};
