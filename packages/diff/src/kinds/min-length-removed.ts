import type { ChangeKind } from './change-kind.js';

/** The minimum string length was removed. */
export const minLengthRemoved: ChangeKind = {
  kind: 'min-length-removed',
  levels: { request: 'info', response: 'warning' },
  summary: 'The minimum string length was removed.',
  example: {
    scope: 'schema',
    base: '{ type: string, minLength: 1 }',
    revision: '{ type: string }',
  },
};
