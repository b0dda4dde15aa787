import type { ChangeKind } from './change-kind.js';

/** An optional property was removed from an object. */
export const optionalPropertyRemoved: ChangeKind = {
  kind: 'optional-property-removed',
  levels: { request: 'warning', response: 'warning' },
  summary: 'An optional property was removed from an object.',
  example: {
    scope: 'schema',
    base: '{ type: object, properties: { id: { type: string }, name: { type: string } } }',
    revision: '{ type: object, properties: { id: { type: string } } }',
  },
};
