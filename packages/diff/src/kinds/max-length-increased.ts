import type { ChangeKind } from './change-kind.js';

/** The maximum string length was raised. */
export const maxLengthIncreased: ChangeKind = {
  kind: 'max-length-increased',
  levels: { request: 'info', response: 'error' },
  summary: 'The maximum string length was raised.',
  example: {
    scope: 'schema',
    base: '{ type: string, maxLength: 32 }',
    revision: '{ type: string, maxLength: 64 }',
  },
};
