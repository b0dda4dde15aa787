import type { ChangeKind } from './change-kind.js';

/** The value may now be null, in any of the forms OpenAPI allows. */
export const becameNullable: ChangeKind = {
  kind: 'became-nullable',
  levels: { request: 'info', response: 'error' },
  summary: 'The value may now be null, in any of the forms OpenAPI allows.',
  example: {
    scope: 'schema',
    base: '{ type: string }',
    revision: '{ type: string, nullable: true }',
  },
};
