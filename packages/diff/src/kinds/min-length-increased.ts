import type { ChangeKind } from './change-kind.js';

/** The minimum string length was raised. */
export const minLengthIncreased: ChangeKind = {
  kind: 'min-length-increased',
  levels: { request: 'error', response: 'info' },
  summary: 'The minimum string length was raised.',
  example: {
    scope: 'schema',
    base: '{ type: string, minLength: 1 }',
    revision: '{ type: string, minLength: 3 }',
  },
};
