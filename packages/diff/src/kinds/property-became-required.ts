import type { ChangeKind } from './change-kind.js';

/** An existing property became required. */
export const propertyBecameRequired: ChangeKind = {
  kind: 'property-became-required',
  levels: { request: 'error', response: 'info' },
  summary: 'An existing property became required.',
  example: {
    scope: 'schema',
    base: '{ type: object, properties: { name: { type: string } } }',
    revision: '{ type: object, required: [name], properties: { name: { type: string } } }',
  },
};
