import type { ChangeKind } from './change-kind.js';

/** A response may come in another media type; clients choose with Accept. */
export const responseMediaTypeAdded: ChangeKind = {
  kind: 'response-media-type-added',
  levels: 'info',
  reversedLevel: 'info',
  summary: 'A response may come in another media type; clients choose with Accept.',
  example: {
    scope: 'operation',
    base: "{ responses: { '200': { description: ok, content: { application/json: { schema: { type: object } } } } } }",
    revision:
      "{ responses: { '200': { description: ok, content: { application/json: { schema: { type: object } }, application/xml: { schema: { type: object } } } } } }",
  },
};
