import type { ChangeKind } from './change-kind.js';

/** Two oneOf members accept a common value, which oneOf therefore rejects. */
export const oneOfMembersOverlap: ChangeKind = {
  kind: 'one-of-members-overlap',
  levels: { request: 'error', response: 'info' },
  summary:
    'Two oneOf members accept a common value that the base accepted, and oneOf rejects a value that fits more than one member. Reported for plain object members only.',
  example: {
    scope: 'schema',
    base: '{ type: object, required: [name], properties: { name: { type: string } } }',
    revision:
      '{ oneOf: [{ title: Cat, type: object, required: [name], properties: { name: { type: string }, meows: { type: boolean } } }, { title: Dog, type: object, required: [name], properties: { name: { type: string }, barks: { type: boolean } } }] }',
  },
};
