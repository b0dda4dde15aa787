import type { ChangeKind } from './change-kind.js';

/** An anyOf became a oneOf: a value that fits more than one member is now rejected. */
export const anyOfBecameOneOf: ChangeKind = {
  kind: 'any-of-became-one-of',
  levels: { request: 'warning', response: 'info' },
  summary:
    'An anyOf became a oneOf, which rejects a value that fits more than one member. A request breaks when members overlap (reported apart as one-of-members-overlap when shown).',
  example: {
    scope: 'schema',
    base: '{ anyOf: [{ type: object, properties: { a: { type: string } } }, { type: object, properties: { b: { type: string } } }] }',
    revision:
      '{ oneOf: [{ type: object, properties: { a: { type: string } } }, { type: object, properties: { b: { type: string } } }] }',
  },
};
