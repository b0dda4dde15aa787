/*
 * The fields of OpenAPI objects that specgate's rules read, typed as `unknown` because a rule
 * runs on documents that may not be valid yet (Redocly's `struct` rule reports shape errors).
 * Redocly's own typings for OpenAPI 3.x and Swagger 2.0 are both assignable to these shapes,
 * so one visitor serves both versions.
 */

/** Operation Object. */
export interface OperationObject {
  operationId?: unknown;
  summary?: unknown;
  tags?: unknown;
  security?: unknown;
  deprecated?: unknown;
  responses?: unknown;
  'x-sunset'?: unknown;
  'x-public'?: unknown;
}

/** OpenAPI Object (3.x) or Swagger Object (2.0), the document root. */
export interface RootObject {
  tags?: unknown;
  security?: unknown;
  servers?: unknown;
  basePath?: unknown;
  host?: unknown;
  schemes?: unknown;
}

/** Info Object. */
export interface InfoObject {
  version?: unknown;
}

/** Server Object (3.x). */
export interface ServerObject {
  url?: unknown;
}

/** Parameter Object. */
export interface ParameterObject {
  name?: unknown;
  in?: unknown;
  deprecated?: unknown;
  'x-sunset'?: unknown;
}

/** Schema Object. */
export interface SchemaObject {
  deprecated?: unknown;
  'x-sunset'?: unknown;
}

/** Security Scheme Object. */
export interface SecuritySchemeObject {
  type?: unknown;
  scheme?: unknown;
  in?: unknown;
}

/** Request Body Object (3.x). */
export interface RequestBodyObject {
  content?: unknown;
}

/** True for a plain object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
