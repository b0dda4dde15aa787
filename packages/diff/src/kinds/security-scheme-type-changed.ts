import type { ChangeKind } from './change-kind.js';

/** A security scheme changed how clients authenticate, e.g. HTTP basic to bearer. */
export const securitySchemeTypeChanged: ChangeKind = {
  kind: 'security-scheme-type-changed',
  levels: 'error',
  summary: 'A security scheme changed how clients authenticate, e.g. HTTP basic to bearer.',
  example: {
    scope: 'document',
    base: 'paths: {}\ncomponents:\n  securitySchemes:\n    auth: { type: http, scheme: basic }',
    revision:
      'paths: {}\ncomponents:\n  securitySchemes:\n    auth: { type: http, scheme: bearer }',
  },
};
