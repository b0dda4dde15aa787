import type { ChangeKind } from './change-kind.js';

/** The minimum was removed. */
export const minRemoved: ChangeKind = {
  kind: 'min-removed',
  levels: { request: 'info', response: 'warning' },
  summary: 'The minimum was removed.',
  example: {
    scope: 'schema',
    base: '{ type: integer, minimum: 0 }',
    revision: '{ type: integer }',
  },
};
