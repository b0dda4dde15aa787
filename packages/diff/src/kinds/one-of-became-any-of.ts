import type { ChangeKind } from './change-kind.js';

/** A oneOf became an anyOf: a value that fits more than one member is now accepted. */
export const oneOfBecameAnyOf: ChangeKind = {
  kind: 'one-of-became-any-of',
  levels: { request: 'info', response: 'warning' },
  summary:
    'A oneOf became an anyOf, which accepts a value that fits more than one member. A response may now carry such values.',
  example: {
    scope: 'schema',
    base: '{ oneOf: [{ type: object, properties: { a: { type: string } } }, { type: object, properties: { b: { type: string } } }] }',
    revision:
      '{ anyOf: [{ type: object, properties: { a: { type: string } } }, { type: object, properties: { b: { type: string } } }] }',
  },
};
