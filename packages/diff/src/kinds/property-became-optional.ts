import type { ChangeKind } from './change-kind.js';

/** An existing property became optional. */
export const propertyBecameOptional: ChangeKind = {
  kind: 'property-became-optional',
  levels: { request: 'info', response: 'error' },
  summary: 'An existing property became optional.',
  example: {
    scope: 'schema',
    base: '{ type: object, required: [name], properties: { name: { type: string } } }',
    revision: '{ type: object, properties: { name: { type: string } } }',
  },
};
