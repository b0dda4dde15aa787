import type { ChangeKind } from './change-kind.js';

/** The minimum number of object properties was lowered or removed. */
export const minPropertiesDecreased: ChangeKind = {
  kind: 'min-properties-decreased',
  levels: { request: 'info', response: 'error' },
  summary: 'The minimum number of object properties was lowered or removed.',
  example: {
    scope: 'schema',
    base: '{ type: object, minProperties: 2 }',
    revision: '{ type: object, minProperties: 1 }',
  },
};
