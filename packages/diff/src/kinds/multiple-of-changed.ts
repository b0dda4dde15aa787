import type { ChangeKind } from './change-kind.js';

/** multipleOf changed to a value the old one is not a multiple of. */
export const multipleOfChanged: ChangeKind = {
  kind: 'multiple-of-changed',
  levels: { request: 'error', response: 'warning' },
  summary: 'multipleOf changed to a value the old one is not a multiple of.',
  example: {
    scope: 'schema',
    base: '{ type: integer, multipleOf: 5 }',
    revision: '{ type: integer, multipleOf: 3 }',
  },
};
