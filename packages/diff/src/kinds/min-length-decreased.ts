import type { ChangeKind } from './change-kind.js';

/** The minimum string length was lowered. */
export const minLengthDecreased: ChangeKind = {
  kind: 'min-length-decreased',
  levels: { request: 'info', response: 'error' },
  summary: 'The minimum string length was lowered.',
  example: {
    scope: 'schema',
    base: '{ type: string, minLength: 3 }',
    revision: '{ type: string, minLength: 1 }',
  },
};
