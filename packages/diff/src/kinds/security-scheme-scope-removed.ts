import type { ChangeKind } from './change-kind.js';

/** An OAuth 2.0 flow no longer offers a scope, so clients requesting it fail. */
export const securitySchemeScopeRemoved: ChangeKind = {
  kind: 'security-scheme-scope-removed',
  levels: 'error',
  summary: 'An OAuth 2.0 flow no longer offers a scope, so clients requesting it fail.',
  example: {
    scope: 'document',
    base: "paths: {}\ncomponents:\n  securitySchemes:\n    oauth: { type: oauth2, flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: { read: Read, write: Write } } } }",
    revision:
      "paths: {}\ncomponents:\n  securitySchemes:\n    oauth: { type: oauth2, flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: { read: Read } } } }",
  },
};
