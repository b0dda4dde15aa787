import type { ChangeKind } from './change-kind.js';

/** The maximum was raised or became inclusive. */
export const maxIncreased: ChangeKind = {
  kind: 'max-increased',
  levels: { request: 'info', response: 'error' },
  summary: 'The maximum was raised or became inclusive.',
  example: {
    scope: 'schema',
    base: '{ type: integer, maximum: 50 }',
    revision: '{ type: integer, maximum: 100 }',
  },
};
