import type { ChangeKind } from './change-kind.js';

/** The value may no longer be null. */
export const becameNotNullable: ChangeKind = {
  kind: 'became-not-nullable',
  levels: { request: 'error', response: 'info' },
  summary: 'The value may no longer be null.',
  example: {
    scope: 'schema',
    base: '{ type: string, nullable: true }',
    revision: '{ type: string }',
  },
};
