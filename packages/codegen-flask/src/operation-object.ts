import {
  asRecord,
  SpecgateError,
  type OperationView,
  type ParameterView,
  type SpecDocument,
} from '@specgate/core';
import { lifecycleHeaders, readLifecycle } from '@specgate/policy';

import { derivedOperationName, pythonName } from './names.js';
import type { JsonSchema, SchemaConverter } from './schema-object.js';

/** A parameter as the generated wrapper reads, converts and validates it. */
export interface FlaskParameter {
  name: string;
  /** The keyword argument (path parameters) or Python-safe alias. */
  pythonName: string;
  in: string;
  required: boolean;
  schema: JsonSchema;
  style: string;
  explode: boolean;
  /** True when the parameter uses `content` and its value is JSON text. */
  json: boolean;
}

/** Everything the generated code needs about one operation. */
export interface FlaskOperation {
  /** The operationId, or a name derived from method and path when the spec has none. */
  operationId: string;
  handlerName: string;
  /** The Blueprint and handler module name. */
  tag: string;
  /** The tag as the spec writes it. */
  tagLabel: string;
  method: string;
  path: string;
  rule: string;
  summary: string;
  deprecated: boolean;
  parameters: FlaskParameter[];
  body: { required: boolean; content: Record<string, JsonSchema> } | null;
  responses: Record<string, Record<string, JsonSchema>>;
  /** The status a handler's plain return value gets: the first 2xx the spec lists, else 200. */
  defaultStatus: number;
  lifecycleHeaders: Record<string, string>;
  /** `file:line:column` of the operation, for error messages. */
  location: string;
}

/**
 * Builds the generator's model of every operation and rejects name collisions. Flask routes
 * by path only, so an operation whose path key carries a query string (`/items?beta=true`)
 * is routed without it, and left unrouted, with a warning, when that clashes with another.
 */
export function buildOperations(
  document: SpecDocument,
  views: OperationView[],
  converter: SchemaConverter,
): { operations: FlaskOperation[]; warnings: string[] } {
  const built = views.map((view) => buildOperation(document, view, converter));
  rejectCollisions(built, (operation) => operation.handlerName, 'handler name');
  const warnings: string[] = [];
  const routeKey = (operation: FlaskOperation) =>
    `${operation.method} ${operation.rule.replace(/<[^>]*>/g, '<>')}`;
  const plain = built.filter((operation) => !operation.path.includes('?'));
  rejectCollisions(plain, routeKey, 'Flask route');
  const taken = new Set(plain.map(routeKey));
  const operations = built.filter((operation) => {
    if (!operation.path.includes('?')) return true;
    if (!taken.has(routeKey(operation))) {
      taken.add(routeKey(operation));
      return true;
    }
    warnings.push(
      `${operation.location}: ${operation.operationId} (${operation.method} ${operation.path}) is not routed because Flask matches paths without their query string and another operation has that route.`,
    );
    return false;
  });
  return { operations, warnings };
}

function buildOperation(
  document: SpecDocument,
  view: OperationView,
  converter: SchemaConverter,
): FlaskOperation {
  const record = asRecord(view.node.value) ?? {};
  const place = document.locate(view.node);
  const location = `${place.file}:${place.line}:${place.column}`;
  const operationId = view.operationId ?? derivedOperationName(view.method, view.path);
  const tags = Array.isArray(record['tags']) ? record['tags'].map(String) : [];
  const tagLabel = tags[0] ?? 'default';
  const parameters = view.parameters.map((parameter) =>
    buildParameter(document, parameter, converter),
  );
  rejectPathNameClashes(view.path, parameters, location);
  return {
    operationId,
    handlerName: pythonName(operationId, 'operation'),
    tag: pythonName(tagLabel, 'tag'),
    tagLabel,
    method: view.method.toUpperCase(),
    path: view.path,
    rule: flaskRule(view.path, parameters, location, converter),
    summary: typeof record['summary'] === 'string' ? record['summary'] : '',
    deprecated: view.deprecated,
    parameters,
    body: view.requestBody
      ? {
          required: view.requestBody.required,
          content: Object.fromEntries(
            view.requestBody.content.map((media) => [
              media.mediaType,
              converter.convert(media.schema),
            ]),
          ),
        }
      : null,
    responses: Object.fromEntries(
      view.responses.map((response) => [
        response.status,
        Object.fromEntries(
          response.content.map((media) => [media.mediaType, converter.convert(media.schema)]),
        ),
      ]),
    ),
    defaultStatus: defaultStatusOf(view),
    lifecycleHeaders: lifecycleOf(record, location),
    location,
  };
}

function buildParameter(
  document: SpecDocument,
  parameter: ParameterView,
  converter: SchemaConverter,
): FlaskParameter {
  const record = asRecord(parameter.node.value) ?? {};
  const usesContent = document.version !== '2.0' && record['schema'] === undefined;
  const schema =
    document.version === '2.0'
      ? converter.convertSwagger2Parameter(parameter.node)
      : converter.convert(parameter.schema);
  return {
    name: parameter.name,
    pythonName: pythonName(parameter.name, 'param'),
    in: parameter.in,
    required: parameter.required,
    schema,
    style: parameter.style,
    explode: parameter.explode,
    json: usesContent && record['content'] !== undefined,
  };
}

/** Turns `/orders/{order-id}` into `/orders/<uuid:order_id>`, choosing the converter by schema. */
function flaskRule(
  path: string,
  parameters: FlaskParameter[],
  location: string,
  converter: SchemaConverter,
): string {
  const byName = new Map(
    parameters.filter((parameter) => parameter.in === 'path').map((p) => [p.name, p]),
  );
  const seen = new Map<string, string>();
  return path.replace(/\?.*$/, '').replace(/\{([^}]*)\}/g, (_, name: string) => {
    const parameter = byName.get(name);
    const variable = parameter?.pythonName ?? pythonName(name, 'param');
    const previous = seen.get(variable);
    if (previous !== undefined && previous !== name) {
      throw new SpecgateError(
        'INVALID_DOCUMENT',
        `${location}: path parameters "${previous}" and "${name}" of ${path} both become the Python name "${variable}". Rename one of them.`,
      );
    }
    seen.set(variable, name);
    // A label or matrix value starts with its prefix (`.5`, `;id=5`), which only the string
    // converter accepts. The runtime strips the prefix and converts the value.
    const prefixed = parameter !== undefined && parameter.style !== 'simple';
    const schema = converter.resolve(parameter?.schema ?? true);
    return `<${prefixed ? '' : converterOf(schema)}${variable}>`;
  });
}

/** Path parameters are keyword arguments of the handler, so their Python names must differ. */
function rejectPathNameClashes(path: string, parameters: FlaskParameter[], location: string): void {
  const seen = new Map<string, string>();
  for (const parameter of parameters.filter((candidate) => candidate.in === 'path')) {
    const previous = seen.get(parameter.pythonName);
    if (previous !== undefined) {
      throw new SpecgateError(
        'INVALID_DOCUMENT',
        `${location}: path parameters "${previous}" and "${parameter.name}" of ${path} both become the Python name "${parameter.pythonName}". Rename one of them.`,
      );
    }
    seen.set(parameter.pythonName, parameter.name);
  }
}

function converterOf(schema: JsonSchema): string {
  if (typeof schema === 'boolean') return '';
  const type = schema['type'];
  const types = Array.isArray(type) ? type : [type];
  if (types.includes('integer')) {
    const minimum = schema['minimum'];
    return typeof minimum === 'number' && minimum >= 0 ? 'int:' : 'int(signed=True):';
  }
  if (types.includes('string') && schema['format'] === 'uuid') return 'uuid:';
  return '';
}

function defaultStatusOf(view: OperationView): number {
  const success = view.responses.find((response) => /^2\d\d$/.test(response.status));
  return success ? Number(success.status) : 200;
}

function lifecycleOf(record: Record<string, unknown>, location: string): Record<string, string> {
  const lifecycle = readLifecycle(record);
  if (
    lifecycle.deprecated &&
    lifecycle.deprecatedAt !== undefined &&
    lifecycle.sunset !== undefined &&
    lifecycle.sunset < lifecycle.deprecatedAt
  ) {
    throw new SpecgateError(
      'INVALID_DOCUMENT',
      `${location}: x-sunset ${lifecycle.sunset} is before x-deprecated-at ${lifecycle.deprecatedAt}. Move the sunset date after the deprecation date.`,
    );
  }
  return lifecycleHeaders(lifecycle);
}

function rejectCollisions(
  operations: FlaskOperation[],
  keyOf: (operation: FlaskOperation) => string,
  what: string,
): void {
  const seen = new Map<string, FlaskOperation>();
  for (const operation of operations) {
    const key = keyOf(operation);
    const previous = seen.get(key);
    if (previous) {
      throw new SpecgateError(
        'INVALID_DOCUMENT',
        `${operation.location}: operations "${previous.operationId}" (${previous.method} ${previous.path}) and "${operation.operationId}" (${operation.method} ${operation.path}) both map to the ${what} "${key}". Rename one operationId or path.`,
      );
    }
    seen.set(key, operation);
  }
}
