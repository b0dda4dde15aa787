import type { ChangeKind } from './change-kind.js';

/** An optional property was added to an object. */
export const optionalPropertyAdded: ChangeKind = {
  kind: 'optional-property-added',
  levels: { request: 'info', response: 'info' },
  summary: 'An optional property was added to an object.',
  example: {
    scope: 'schema',
    base: '{ type: object, properties: { id: { type: string } } }',
    revision: '{ type: object, properties: { id: { type: string }, name: { type: string } } }',
  },
};
