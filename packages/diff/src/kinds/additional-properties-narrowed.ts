import type { ChangeKind } from './change-kind.js';

/** Properties beyond the declared ones are no longer allowed. */
export const additionalPropertiesNarrowed: ChangeKind = {
  kind: 'additional-properties-narrowed',
  levels: { request: 'error', response: 'info' },
  summary: 'Properties beyond the declared ones are no longer allowed.',
  example: {
    scope: 'schema',
    base: '{ type: object }',
    revision: '{ type: object, additionalProperties: false }',
  },
};
