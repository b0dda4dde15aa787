/**
 * Breaking-change engine of specgate: compares two versions of an OpenAPI spec
 * operation by operation and schema by schema, and classifies each change by the
 * side it affects, so that narrowing what a request accepts and widening what a
 * response may return are both reported as breaking.
 */
export {
  CHANGE_LEVELS,
  listChangeIds,
  PROPERTY_KINDS,
  SCHEMA_CHANGE_LEVELS,
} from './change-kinds.js';
export type { Direction } from './change-kinds.js';
export { renderCatalogue } from './catalogue.js';
export type { Change } from './change.js';
export { diffSpecs, diffToJson, summariseChanges } from './diff-specs.js';
export type { DiffOptions, DiffResult, DiffSide } from './diff-specs.js';
export { SchemaComparer } from './schema-object.js';
export type { SchemaDelta } from './schema-object.js';
export { CHANGE_KINDS, exampleSpecs } from './kinds/index.js';
export type { ChangeExample, ChangeKind, DirectedLevels } from './kinds/index.js';
export { parseSunset } from './sunset.js';
