import type { ChangeKind } from './change-kind.js';

/** The maximum string length was lowered. */
export const maxLengthDecreased: ChangeKind = {
  kind: 'max-length-decreased',
  levels: { request: 'error', response: 'info' },
  summary: 'The maximum string length was lowered.',
  example: {
    scope: 'schema',
    base: '{ type: string, maxLength: 64 }',
    revision: '{ type: string, maxLength: 32 }',
  },
};
