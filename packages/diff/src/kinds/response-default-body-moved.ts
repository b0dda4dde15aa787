import type { ChangeKind } from './change-kind.js';

/**
 * The body of the `default` response is now documented under a status code that the base
 * did not list, so clients receive the same body for that code as before.
 */
export const responseDefaultBodyMoved: ChangeKind = {
  kind: 'response-default-body-moved',
  levels: 'info',
  reversedLevel: 'info',
  summary:
    'The body of the `default` response is now documented under a status code the base did not list.',
  example: {
    scope: 'operation',
    base: '{ responses: { default: { description: ok, content: { application/json: { schema: { type: string } } } } } }',
    revision:
      "{ responses: { '200': { description: ok, content: { application/json: { schema: { type: string } } } } } }",
  },
};
