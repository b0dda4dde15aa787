import type { ChangeKind } from './change-kind.js';

/**
 * A oneOf next to a schema's own keywords was removed. Values no longer need to match one
 * member, which widens what the schema accepts: a response may return values clients did not
 * get before.
 */
export const oneOfConstraintRemoved: ChangeKind = {
  kind: 'one-of-constraint-removed',
  levels: { request: 'info', response: 'warning' },
  summary:
    "A oneOf next to a schema's own keywords was removed, so values no longer need to match one member.",
  example: {
    scope: 'schema',
    base: '{ type: object, properties: { id: { type: string }, url: { type: string } }, oneOf: [{ required: [id] }, { required: [url] }] }',
    revision: '{ type: object, properties: { id: { type: string }, url: { type: string } } }',
  },
};
