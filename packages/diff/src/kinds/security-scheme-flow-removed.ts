import type { ChangeKind } from './change-kind.js';

/** An OAuth 2.0 scheme no longer offers a flow. */
export const securitySchemeFlowRemoved: ChangeKind = {
  kind: 'security-scheme-flow-removed',
  levels: 'error',
  summary: 'An OAuth 2.0 scheme no longer offers a flow.',
  example: {
    scope: 'document',
    base: "paths: {}\ncomponents:\n  securitySchemes:\n    oauth: { type: oauth2, flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: {} }, implicit: { authorizationUrl: 'https://auth.example.com/authorize', scopes: {} } } }",
    revision:
      "paths: {}\ncomponents:\n  securitySchemes:\n    oauth: { type: oauth2, flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: {} } } }",
  },
};
