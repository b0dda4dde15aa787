import type { Level } from '@specgate/core';

/** Levels of a schema change kind in each direction of the exchange. */
export interface DirectedLevels {
  request: Level;
  response: Level;
}

/**
 * A minimal pair of spec fragments that shows the change. `schema` fragments are schemas
 * (null for none) placed as a request and as a response body; `operation` fragments are
 * the operation at `POST /v1/items` (null for none); `document` fragments are the rest
 * of an OpenAPI 3.1 document after `info`.
 */
export interface ChangeExample {
  scope: 'schema' | 'operation' | 'document';
  base: string | null;
  revision: string | null;
}

/** One kind of change the engine reports: its id, its levels, what it means and an example. */
export interface ChangeKind {
  /** The change id, or for a schema kind the id's suffix after its subject. */
  kind: string;
  /** One level for operation and document kinds, one per direction for schema kinds. */
  levels: Level | DirectedLevels;
  /** The level inside a callback or webhook, where the API sends the request; default `levels`. */
  reversedLevel?: Level;
  summary: string;
  example: ChangeExample;
}
