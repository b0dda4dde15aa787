import type { ChangeKind } from './change-kind.js';

/** The minimum number of object properties was raised or set. */
export const minPropertiesIncreased: ChangeKind = {
  kind: 'min-properties-increased',
  levels: { request: 'error', response: 'info' },
  summary: 'The minimum number of object properties was raised or set.',
  example: {
    scope: 'schema',
    base: '{ type: object, minProperties: 1 }',
    revision: '{ type: object, minProperties: 2 }',
  },
};
