import type { ChangeKind } from './change-kind.js';

/** An API key moved to another header, query parameter or cookie name. */
export const securitySchemeApiKeyChanged: ChangeKind = {
  kind: 'security-scheme-api-key-changed',
  levels: 'error',
  summary: 'An API key moved to another header, query parameter or cookie name.',
  example: {
    scope: 'document',
    base: 'paths: {}\ncomponents:\n  securitySchemes:\n    key: { type: apiKey, in: header, name: X-Api-Key }',
    revision:
      'paths: {}\ncomponents:\n  securitySchemes:\n    key: { type: apiKey, in: query, name: api_key }',
  },
};
