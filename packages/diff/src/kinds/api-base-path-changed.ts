import type { ChangeKind } from './change-kind.js';

/** The path of the first server changed, which moves every operation. */
export const apiBasePathChanged: ChangeKind = {
  kind: 'api-base-path-changed',
  levels: 'error',
  summary: 'The path of the first server changed, which moves every operation.',
  example: {
    scope: 'document',
    base: "servers: [{ url: https://api.example.com/v1 }]\npaths: { /items: { get: { responses: { '200': { description: ok } } } } }",
    revision:
      "servers: [{ url: https://api.example.com/v2 }]\npaths: { /items: { get: { responses: { '200': { description: ok } } } } }",
  },
};
