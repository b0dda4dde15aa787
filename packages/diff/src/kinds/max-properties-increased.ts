import type { ChangeKind } from './change-kind.js';

/** The maximum number of object properties was raised or removed. */
export const maxPropertiesIncreased: ChangeKind = {
  kind: 'max-properties-increased',
  levels: { request: 'info', response: 'error' },
  summary: 'The maximum number of object properties was raised or removed.',
  example: {
    scope: 'schema',
    base: '{ type: object, maxProperties: 5 }',
    revision: '{ type: object, maxProperties: 10 }',
  },
};
