import type { ChangeKind } from './change-kind.js';

/** A callback, or an operation of one, was removed; receivers stop getting its requests. */
export const callbackRemoved: ChangeKind = {
  kind: 'callback-removed',
  levels: 'warning',
  summary: 'A callback, or an operation of one, was removed; receivers stop getting its requests.',
  example: {
    scope: 'operation',
    base: "{ callbacks: { onEvent: { '{$request.body#/url}': { post: { responses: { '200': { description: ok } } } } } }, responses: { '200': { description: ok } } }",
    revision: "{ responses: { '200': { description: ok } } }",
  },
};
