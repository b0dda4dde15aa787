import type { ChangeKind } from './change-kind.js';

/** A maximum was added where there was none. */
export const maxSet: ChangeKind = {
  kind: 'max-set',
  levels: { request: 'warning', response: 'info' },
  summary: 'A maximum was added where there was none.',
  example: {
    scope: 'schema',
    base: '{ type: integer }',
    revision: '{ type: integer, maximum: 100 }',
  },
};
