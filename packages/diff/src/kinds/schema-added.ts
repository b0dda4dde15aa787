import type { ChangeKind } from './change-kind.js';

/** A media type without a schema got one, which restricts what was unconstrained. */
export const schemaAdded: ChangeKind = {
  kind: 'schema-added',
  levels: { request: 'error', response: 'info' },
  summary: 'A media type without a schema got one, which restricts what was unconstrained.',
  example: {
    scope: 'schema',
    base: null,
    revision: '{ type: string }',
  },
};
