import type { ChangeKind } from './change-kind.js';

/** The maximum string length was removed. */
export const maxLengthRemoved: ChangeKind = {
  kind: 'max-length-removed',
  levels: { request: 'info', response: 'warning' },
  summary: 'The maximum string length was removed.',
  example: {
    scope: 'schema',
    base: '{ type: string, maxLength: 64 }',
    revision: '{ type: string }',
  },
};
