import type { ChangeKind } from './change-kind.js';

/** An x-extensible-enum gained a value; such enums tell clients to expect new values. */
export const extensibleEnumValueAdded: ChangeKind = {
  kind: 'extensible-enum-value-added',
  levels: { request: 'info', response: 'info' },
  summary: 'An x-extensible-enum gained a value; such enums tell clients to expect new values.',
  example: {
    scope: 'schema',
    base: '{ type: string, x-extensible-enum: [open, closed] }',
    revision: '{ type: string, x-extensible-enum: [open, closed, archived] }',
  },
};
