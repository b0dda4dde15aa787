import type { ChangeKind } from './change-kind.js';

/** A security scheme definition was removed. */
export const securitySchemeRemoved: ChangeKind = {
  kind: 'security-scheme-removed',
  levels: 'warning',
  summary: 'A security scheme definition was removed.',
  example: {
    scope: 'document',
    base: 'paths: {}\ncomponents:\n  securitySchemes:\n    key: { type: apiKey, in: header, name: X-Api-Key }\n    basic: { type: http, scheme: basic }',
    revision:
      'paths: {}\ncomponents:\n  securitySchemes:\n    key: { type: apiKey, in: header, name: X-Api-Key }',
  },
};
