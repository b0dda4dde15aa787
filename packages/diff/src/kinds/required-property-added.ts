import type { ChangeKind } from './change-kind.js';

/** A required property was added to an object. */
export const requiredPropertyAdded: ChangeKind = {
  kind: 'required-property-added',
  levels: { request: 'error', response: 'info' },
  summary: 'A required property was added to an object.',
  example: {
    scope: 'schema',
    base: '{ type: object, properties: { id: { type: string } } }',
    revision:
      '{ type: object, required: [name], properties: { id: { type: string }, name: { type: string } } }',
  },
};
