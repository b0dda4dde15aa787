import type { ChangeKind } from './change-kind.js';

/** The format allows fewer values: a narrower numeric format or a new format. */
export const formatNarrowed: ChangeKind = {
  kind: 'format-narrowed',
  levels: { request: 'error', response: 'info' },
  summary: 'The format allows fewer values: a narrower numeric format or a new format.',
  example: {
    scope: 'schema',
    base: '{ type: integer, format: int64 }',
    revision: '{ type: integer, format: int32 }',
  },
};
