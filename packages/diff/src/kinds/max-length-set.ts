import type { ChangeKind } from './change-kind.js';

/** A maximum string length was added. */
export const maxLengthSet: ChangeKind = {
  kind: 'max-length-set',
  levels: { request: 'warning', response: 'info' },
  summary: 'A maximum string length was added.',
  example: {
    scope: 'schema',
    base: '{ type: string }',
    revision: '{ type: string, maxLength: 64 }',
  },
};
