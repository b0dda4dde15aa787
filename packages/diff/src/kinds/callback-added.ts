import type { ChangeKind } from './change-kind.js';

/** A callback, or an operation of one, was added. */
export const callbackAdded: ChangeKind = {
  kind: 'callback-added',
  levels: 'info',
  summary: 'A callback, or an operation of one, was added.',
  example: {
    scope: 'operation',
    base: "{ responses: { '200': { description: ok } } }",
    revision:
      "{ callbacks: { onEvent: { '{$request.body#/url}': { post: { responses: { '200': { description: ok } } } } } }, responses: { '200': { description: ok } } }",
  },
};
