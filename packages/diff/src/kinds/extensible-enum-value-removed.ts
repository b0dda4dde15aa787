import type { ChangeKind } from './change-kind.js';

/** An x-extensible-enum lost a value. */
export const extensibleEnumValueRemoved: ChangeKind = {
  kind: 'extensible-enum-value-removed',
  levels: { request: 'warning', response: 'info' },
  summary: 'An x-extensible-enum lost a value.',
  example: {
    scope: 'schema',
    base: '{ type: string, x-extensible-enum: [open, closed] }',
    revision: '{ type: string, x-extensible-enum: [open] }',
  },
};
