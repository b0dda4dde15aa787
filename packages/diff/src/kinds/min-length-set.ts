import type { ChangeKind } from './change-kind.js';

/** A minimum string length was added. */
export const minLengthSet: ChangeKind = {
  kind: 'min-length-set',
  levels: { request: 'warning', response: 'info' },
  summary: 'A minimum string length was added.',
  example: {
    scope: 'schema',
    base: '{ type: string }',
    revision: '{ type: string, minLength: 1 }',
  },
};
