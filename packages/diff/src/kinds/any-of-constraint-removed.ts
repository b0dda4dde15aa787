import type { ChangeKind } from './change-kind.js';

/**
 * An anyOf next to a schema's own keywords was removed. Values no longer need to match a
 * member, which widens what the schema accepts: a response may return values clients did not
 * get before.
 */
export const anyOfConstraintRemoved: ChangeKind = {
  kind: 'any-of-constraint-removed',
  levels: { request: 'info', response: 'warning' },
  summary:
    "An anyOf next to a schema's own keywords was removed, so values no longer need to match a member.",
  example: {
    scope: 'schema',
    base: '{ type: object, properties: { id: { type: string }, url: { type: string } }, anyOf: [{ required: [id] }, { required: [url] }] }',
    revision: '{ type: object, properties: { id: { type: string }, url: { type: string } } }',
  },
};
