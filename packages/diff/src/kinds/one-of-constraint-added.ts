import type { ChangeKind } from './change-kind.js';

/**
 * A oneOf was added next to a schema's own keywords. Every value must now also match exactly
 * one member, which narrows what the schema accepts. It breaks a request unless one member
 * accepts every value the schema accepted and the others none of them.
 */
export const oneOfConstraintAdded: ChangeKind = {
  kind: 'one-of-constraint-added',
  levels: { request: 'error', response: 'info' },
  summary:
    "A oneOf was added next to a schema's own keywords, so every value must also match exactly one member.",
  example: {
    scope: 'schema',
    base: '{ type: object, properties: { id: { type: string }, url: { type: string } } }',
    revision:
      '{ type: object, properties: { id: { type: string }, url: { type: string } }, oneOf: [{ required: [id] }, { required: [url] }] }',
  },
};
