import type { ChangeKind } from './change-kind.js';

/** The encoding of a multipart or form request part changed: its content type or serialisation. */
export const requestBodyEncodingChanged: ChangeKind = {
  kind: 'request-body-encoding-changed',
  levels: 'error',
  reversedLevel: 'error',
  summary:
    'The encoding of a multipart or form request part changed: its content type, style or explode.',
  example: {
    scope: 'operation',
    base: "{ requestBody: { content: { multipart/form-data: { schema: { type: object, properties: { file: { type: string, format: binary } } }, encoding: { file: { contentType: 'image/png' } } } } }, responses: { '200': { description: ok } } }",
    revision:
      "{ requestBody: { content: { multipart/form-data: { schema: { type: object, properties: { file: { type: string, format: binary } } }, encoding: { file: { contentType: 'image/jpeg' } } } } }, responses: { '200': { description: ok } } }",
  },
};
