import type { ChangeKind } from './change-kind.js';

/** A minimum was added where there was none. */
export const minSet: ChangeKind = {
  kind: 'min-set',
  levels: { request: 'warning', response: 'info' },
  summary: 'A minimum was added where there was none.',
  example: {
    scope: 'schema',
    base: '{ type: integer }',
    revision: '{ type: integer, minimum: 0 }',
  },
};
