import type { ChangeKind } from './change-kind.js';

/** A required property was removed from an object. */
export const requiredPropertyRemoved: ChangeKind = {
  kind: 'required-property-removed',
  levels: { request: 'warning', response: 'error' },
  summary: 'A required property was removed from an object.',
  example: {
    scope: 'schema',
    base: '{ type: object, required: [name], properties: { id: { type: string }, name: { type: string } } }',
    revision: '{ type: object, properties: { id: { type: string } } }',
  },
};
