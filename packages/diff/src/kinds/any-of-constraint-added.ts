import type { ChangeKind } from './change-kind.js';

/**
 * An anyOf was added next to a schema's own keywords. Every value must now also match at
 * least one member, which narrows what the schema accepts. It breaks a request unless the
 * members together accept every value the schema accepted.
 */
export const anyOfConstraintAdded: ChangeKind = {
  kind: 'any-of-constraint-added',
  levels: { request: 'error', response: 'info' },
  summary:
    "An anyOf was added next to a schema's own keywords, so every value must also match at least one member.",
  example: {
    scope: 'schema',
    base: '{ type: object, properties: { id: { type: string }, url: { type: string } } }',
    revision:
      '{ type: object, properties: { id: { type: string }, url: { type: string } }, anyOf: [{ required: [id] }, { required: [url] }] }',
  },
};
