/**
 * Flask code generation: turns an OpenAPI spec into a Python package with an app factory,
 * one Blueprint per tag, jsonschema request validation, problem+json errors, 501 answers
 * for unimplemented handlers and pytest contract tests. Generated files are rewritten on
 * every run; the app factory and the handler modules are created once and left alone.
 */
export { generateFlask, planFlaskPackage } from './generate-flask.js';
export type {
  FlaskGenerateOptions,
  FlaskGenerateResult,
  FlaskPlan,
  MissingHandler,
  OrphanedHandler,
} from './generate-flask.js';
export type { FlaskOperation, FlaskParameter } from './operation-object.js';
export type { OutputChanges, PlannedFile } from './output-folder.js';
export { pythonName } from './names.js';
export { SchemaConverter } from './schema-object.js';
export type { JsonSchema } from './schema-object.js';
