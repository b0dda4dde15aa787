import type { ChangeKind } from './change-kind.js';

/** Properties beyond the declared ones are now allowed. */
export const additionalPropertiesWidened: ChangeKind = {
  kind: 'additional-properties-widened',
  levels: { request: 'info', response: 'warning' },
  summary: 'Properties beyond the declared ones are now allowed.',
  example: {
    scope: 'schema',
    base: '{ type: object, additionalProperties: false }',
    revision: '{ type: object }',
  },
};
