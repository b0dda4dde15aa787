import type { ChangeKind } from './change-kind.js';

/** A media type lost its schema, so anything goes. */
export const schemaRemoved: ChangeKind = {
  kind: 'schema-removed',
  levels: { request: 'info', response: 'warning' },
  summary: 'A media type lost its schema, so anything goes.',
  example: {
    scope: 'schema',
    base: '{ type: string }',
    revision: null,
  },
};
