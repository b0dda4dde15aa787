import type { ChangeKind } from './change-kind.js';

/** The format allows more values: a wider numeric format or none at all. */
export const formatWidened: ChangeKind = {
  kind: 'format-widened',
  levels: { request: 'info', response: 'error' },
  summary: 'The format allows more values: a wider numeric format or none at all.',
  example: {
    scope: 'schema',
    base: '{ type: integer, format: int32 }',
    revision: '{ type: integer, format: int64 }',
  },
};
