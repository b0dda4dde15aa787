import type { ChangeKind } from './change-kind.js';

/** The format changed to one that is neither wider nor narrower. */
export const formatChanged: ChangeKind = {
  kind: 'format-changed',
  levels: { request: 'error', response: 'error' },
  summary: 'The format changed to one that is neither wider nor narrower.',
  example: {
    scope: 'schema',
    base: '{ type: string, format: date }',
    revision: '{ type: string, format: uuid }',
  },
};
