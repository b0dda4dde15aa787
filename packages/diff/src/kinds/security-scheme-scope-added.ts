import type { ChangeKind } from './change-kind.js';

/** An OAuth 2.0 flow offers another scope. */
export const securitySchemeScopeAdded: ChangeKind = {
  kind: 'security-scheme-scope-added',
  levels: 'info',
  summary: 'An OAuth 2.0 flow offers another scope.',
  example: {
    scope: 'document',
    base: "paths: {}\ncomponents:\n  securitySchemes:\n    oauth: { type: oauth2, flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: { read: Read } } } }",
    revision:
      "paths: {}\ncomponents:\n  securitySchemes:\n    oauth: { type: oauth2, flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: { read: Read, write: Write } } } }",
  },
};
