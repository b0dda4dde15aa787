import type { ChangeKind } from './change-kind.js';

/** An OAuth 2.0 or OpenID Connect URL changed; clients with the old one configured must follow. */
export const securitySchemeUrlChanged: ChangeKind = {
  kind: 'security-scheme-url-changed',
  levels: 'warning',
  summary:
    'An OAuth 2.0 or OpenID Connect URL changed; clients with the old one configured must follow.',
  example: {
    scope: 'document',
    base: "paths: {}\ncomponents:\n  securitySchemes:\n    oauth: { type: oauth2, flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: {} } } }",
    revision:
      "paths: {}\ncomponents:\n  securitySchemes:\n    oauth: { type: oauth2, flows: { clientCredentials: { tokenUrl: 'https://login.example.com/token', scopes: {} } } }",
  },
};
