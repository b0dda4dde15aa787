import type { ChangeKind } from './change-kind.js';

/**
 * The body of the `default` response is now documented under a status code that the base
 * did not list. Clients got that body for every code before, this one included, and they
 * get it for this code now, so the move itself is info. The body's schema and the headers
 * that came with it are compared as for one response. A header that the `default` response
 * declared and the code no longer declares is reported removed at the code, with the level
 * of any removed response header.
 *
 * A code the base already listed is never a target. Such a code overrode `default` in the
 * base, so clients got that code's own response (perhaps with no body) and never the
 * `default` body there. The revision then adds a body to that code (info), and the other
 * codes lose the `default` body (the `default` response or its media type reported removed).
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
