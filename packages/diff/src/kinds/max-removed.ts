import type { ChangeKind } from './change-kind.js';

/** The maximum was removed. */
export const maxRemoved: ChangeKind = {
  kind: 'max-removed',
  levels: { request: 'info', response: 'warning' },
  summary: 'The maximum was removed.',
  example: {
    scope: 'schema',
    base: '{ type: integer, maximum: 100 }',
    revision: '{ type: integer }',
  },
};
