import type { ChangeKind } from './change-kind.js';

/** The default value changed, so a request that omits the value behaves differently. */
export const defaultChanged: ChangeKind = {
  kind: 'default-changed',
  levels: { request: 'warning', response: 'info' },
  summary: 'The default value changed, so a request that omits the value behaves differently.',
  example: {
    scope: 'schema',
    base: '{ type: integer, default: 10 }',
    revision: '{ type: integer, default: 20 }',
  },
};
