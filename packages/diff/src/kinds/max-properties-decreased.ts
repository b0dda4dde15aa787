import type { ChangeKind } from './change-kind.js';

/** The maximum number of object properties was lowered or set. */
export const maxPropertiesDecreased: ChangeKind = {
  kind: 'max-properties-decreased',
  levels: { request: 'error', response: 'info' },
  summary: 'The maximum number of object properties was lowered or set.',
  example: {
    scope: 'schema',
    base: '{ type: object, maxProperties: 10 }',
    revision: '{ type: object, maxProperties: 5 }',
  },
};
