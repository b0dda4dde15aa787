import type { ChangeKind } from './change-kind.js';

/** An OAuth 2.0 scheme offers another flow. */
export const securitySchemeFlowAdded: ChangeKind = {
  kind: 'security-scheme-flow-added',
  levels: 'info',
  summary: 'An OAuth 2.0 scheme offers another flow.',
  example: {
    scope: 'document',
    base: "paths: {}\ncomponents:\n  securitySchemes:\n    oauth: { type: oauth2, flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: {} } } }",
    revision:
      "paths: {}\ncomponents:\n  securitySchemes:\n    oauth: { type: oauth2, flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: {} }, implicit: { authorizationUrl: 'https://auth.example.com/authorize', scopes: {} } } }",
  },
};
