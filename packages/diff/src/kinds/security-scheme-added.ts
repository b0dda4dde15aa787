import type { ChangeKind } from './change-kind.js';

/** A security scheme was defined. */
export const securitySchemeAdded: ChangeKind = {
  kind: 'security-scheme-added',
  levels: 'info',
  summary: 'A security scheme was defined.',
  example: {
    scope: 'document',
    base: 'paths: {}\ncomponents:\n  securitySchemes:\n    key: { type: apiKey, in: header, name: X-Api-Key }',
    revision:
      'paths: {}\ncomponents:\n  securitySchemes:\n    key: { type: apiKey, in: header, name: X-Api-Key }\n    basic: { type: http, scheme: basic }',
  },
};
