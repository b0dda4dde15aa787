import type { ChangeExample } from './change-kind.js';

const INFO = 'info: { title: Example, version: 1.0.0 }';

/**
 * Builds the two spec texts of a change kind's example. Schema fragments become the body
 * of both the request and the 200 response of `POST /v1/items`, so one pair shows the
 * change in both directions.
 */
export function exampleSpecs(example: ChangeExample): { base: string; revision: string } {
  return { base: specText(example, example.base), revision: specText(example, example.revision) };
}

function specText(example: ChangeExample, fragment: string | null): string {
  if (example.scope === 'document') return `openapi: 3.1.0\n${INFO}\n${fragment ?? 'paths: {}'}\n`;
  if (example.scope === 'operation') {
    const pathItem = fragment === null ? '{}' : `\n    post: ${fragment}`;
    return `openapi: 3.0.3
${INFO}
paths:
  /v1/items: ${pathItem}
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Api-Key }
    oauth:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: https://auth.example.com/token
          scopes: { write: Write }
`;
  }
  const media = fragment === null ? '{}' : `{ schema: ${fragment} }`;
  return `openapi: 3.0.3
${INFO}
paths:
  /v1/items:
    post:
      requestBody:
        content:
          application/json: ${media}
      responses:
        '200':
          description: ok
          content:
            application/json: ${media}
components:
  schemas:
    Cat: { type: object }
    Lion: { type: object }
`;
}
