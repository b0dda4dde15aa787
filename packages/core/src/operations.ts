import { asRecord, child, deref, keysOf, rootNode, type SpecNode } from './spec-node.js';
import type { SpecDocument } from './spec-document.js';

/** HTTP methods an OpenAPI Path Item can hold, in the order the specification lists them. */
export const HTTP_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
] as const;

/** A media type entry of a request body or response. */
export interface MediaTypeView {
  mediaType: string;
  node: SpecNode;
  schema: SpecNode | null;
}

/** A parameter with `$ref` resolved and path-level parameters merged in. */
export interface ParameterView {
  name: string;
  in: string;
  required: boolean;
  deprecated: boolean;
  node: SpecNode;
  /** The schema; for a Swagger 2.0 parameter, the parameter object itself, which carries the schema keywords. */
  schema: SpecNode | null;
  style: string;
  explode: boolean;
  /** Whether reserved characters may be sent unencoded (a 3.x query parameter's `allowReserved`). */
  allowReserved: boolean;
}

/** A request body, from 3.x `requestBody` or Swagger 2.0 `body` and `formData` parameters. */
export interface RequestBodyView {
  node: SpecNode;
  required: boolean;
  content: MediaTypeView[];
}

/** A response header. */
export interface HeaderView {
  name: string;
  node: SpecNode;
  required: boolean;
  schema: SpecNode | null;
}

/** A response by status code (`200`, `2XX`, `default`). */
export interface ResponseView {
  status: string;
  node: SpecNode;
  content: MediaTypeView[];
  headers: HeaderView[];
}

/** An operation as the OpenAPI 3.x model shows it, whatever version it was written in. */
export interface OperationView {
  /** Lower-case HTTP method. */
  method: string;
  /** Path template as written, with a Swagger 2.0 `basePath` in front. */
  path: string;
  /** The key under `paths`. */
  pathKey: string;
  operationId: string | null;
  node: SpecNode;
  deprecated: boolean;
  parameters: ParameterView[];
  requestBody: RequestBodyView | null;
  responses: ResponseView[];
  /** The security requirements that apply (the operation's own, else the root's), or null when none are declared. */
  security: SpecNode | null;
}

/** Lists every operation of a spec in document order, normalised to the 3.x model. */
export function listOperations(document: SpecDocument): OperationView[] {
  const root = rootNode(document);
  const paths = child(root, 'paths');
  // A 3.x path leaves out the path of its server URL while a 2.0 path gets `basePath`;
  // comparisons line the two up with `listServers`.
  const basePath = document.version === '2.0' ? normaliseBasePath(document.root['basePath']) : '';
  const operations: OperationView[] = [];
  for (const pathKey of keysOf(paths)) {
    if (!pathKey.startsWith('/')) continue;
    const pathItem = deref(document, child(paths as SpecNode, pathKey) as SpecNode);
    for (const method of HTTP_METHODS) {
      const operation = child(pathItem, method);
      if (!operation || !asRecord(operation.value)) continue;
      operations.push(viewOperation(document, pathItem, operation, method, pathKey, basePath));
    }
  }
  return operations;
}

/**
 * Lists the operations of one Path Item outside `paths`: a webhook, or a callback's URL
 * expression (given as `pathKey`).
 */
export function listPathItemOperations(
  document: SpecDocument,
  pathItem: SpecNode,
  pathKey: string,
): OperationView[] {
  const resolved = deref(document, pathItem);
  const operations: OperationView[] = [];
  for (const method of HTTP_METHODS) {
    const operation = child(resolved, method);
    if (!operation || !asRecord(operation.value)) continue;
    operations.push(viewOperation(document, resolved, operation, method, pathKey, ''));
  }
  return operations;
}

/** The operation key used to match operations across versions: method and path shape. */
export function operationKey(operation: Pick<OperationView, 'method' | 'path'>): string {
  return `${operation.method.toUpperCase()} ${pathShape(operation.path)}`;
}

/** Erases parameter names from a path template, so `/pets/{id}` and `/pets/{petId}` match. */
export function pathShape(pathTemplate: string): string {
  return pathTemplate.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '') || '/';
}

function viewOperation(
  document: SpecDocument,
  pathItem: SpecNode,
  operation: SpecNode,
  method: string,
  pathKey: string,
  basePath: string,
): OperationView {
  const record = asRecord(operation.value) ?? {};
  const rawParameters = mergeParameters(document, pathItem, operation);
  const isSwagger2 = document.version === '2.0';
  const parameters = rawParameters
    .filter((parameter) => !isSwagger2 || !['body', 'formData'].includes(parameter.in))
    .map((parameter) => viewParameter(parameter, isSwagger2));
  return {
    method,
    path: basePath + pathKey,
    pathKey,
    operationId: typeof record['operationId'] === 'string' ? record['operationId'] : null,
    node: operation,
    deprecated: record['deprecated'] === true,
    parameters,
    requestBody: isSwagger2
      ? swagger2RequestBody(document, pathItem, operation, rawParameters)
      : requestBodyOf(document, operation),
    responses: responsesOf(document, operation, isSwagger2),
    security: child(operation, 'security') ?? child(rootNode(document), 'security'),
  };
}

interface RawParameter {
  name: string;
  in: string;
  node: SpecNode;
}

/** Path-level parameters apply unless the operation redefines the same name and location. */
function mergeParameters(
  document: SpecDocument,
  pathItem: SpecNode,
  operation: SpecNode,
): RawParameter[] {
  const byKey = new Map<string, RawParameter>();
  for (const owner of [pathItem, operation]) {
    const list = child(owner, 'parameters');
    if (!list || !Array.isArray(list.value)) continue;
    list.value.forEach((_, index) => {
      const node = deref(document, child(list, index) as SpecNode);
      const record = asRecord(node.value);
      if (!record) return;
      const name = String(record['name'] ?? '');
      const location = String(record['in'] ?? '');
      byKey.set(`${location}:${location === 'header' ? name.toLowerCase() : name}`, {
        name,
        in: location,
        node,
      });
    });
  }
  return [...byKey.values()];
}

function viewParameter(parameter: RawParameter, isSwagger2: boolean): ParameterView {
  const record = asRecord(parameter.node.value) ?? {};
  const serialisation = isSwagger2
    ? swagger2Serialisation(parameter.in, record['collectionFormat'])
    : openApi3Serialisation(parameter.in, record);
  return {
    name: parameter.name,
    in: parameter.in,
    required: record['required'] === true || parameter.in === 'path',
    deprecated: record['deprecated'] === true,
    allowReserved: record['allowReserved'] === true,
    node: parameter.node,
    schema: isSwagger2
      ? parameter.node
      : (child(parameter.node, 'schema') ?? firstContentSchema(parameter.node)),
    ...serialisation,
  };
}

function openApi3Serialisation(location: string, record: Record<string, unknown>) {
  const defaultStyle = location === 'query' || location === 'cookie' ? 'form' : 'simple';
  const style = typeof record['style'] === 'string' ? record['style'] : defaultStyle;
  const explode = typeof record['explode'] === 'boolean' ? record['explode'] : style === 'form';
  return { style, explode };
}

/** Maps a 2.0 `collectionFormat` to the 3.x style and explode that serialise the same way. */
function swagger2Serialisation(location: string, collectionFormat: unknown) {
  const inQuery = location === 'query' || location === 'formData';
  switch (collectionFormat) {
    case 'ssv':
      return { style: 'spaceDelimited', explode: false };
    case 'pipes':
      return { style: 'pipeDelimited', explode: false };
    case 'multi':
      return { style: 'form', explode: true };
    default:
      return { style: inQuery ? 'form' : 'simple', explode: false };
  }
}

function firstContentSchema(node: SpecNode): SpecNode | null {
  const content = child(node, 'content');
  const first = keysOf(content)[0];
  if (!content || first === undefined) return null;
  return child(child(content, first) as SpecNode, 'schema');
}

function requestBodyOf(document: SpecDocument, operation: SpecNode): RequestBodyView | null {
  const body = child(operation, 'requestBody');
  if (!body) return null;
  const node = deref(document, body);
  return {
    node,
    required: asRecord(node.value)?.['required'] === true,
    content: contentOf(document, child(node, 'content')),
  };
}

function contentOf(document: SpecDocument, content: SpecNode | null): MediaTypeView[] {
  return keysOf(content).map((mediaType) => {
    const node = deref(document, child(content as SpecNode, mediaType) as SpecNode);
    return { mediaType, node, schema: child(node, 'schema') };
  });
}

function swagger2RequestBody(
  document: SpecDocument,
  pathItem: SpecNode,
  operation: SpecNode,
  parameters: RawParameter[],
): RequestBodyView | null {
  const consumes = mediaTypesOf(document, operation, 'consumes');
  const body = parameters.find((parameter) => parameter.in === 'body');
  if (body) {
    const schema = child(body.node, 'schema');
    return {
      node: body.node,
      required: asRecord(body.node.value)?.['required'] === true,
      content: consumes.map((mediaType) => ({ mediaType, node: body.node, schema })),
    };
  }
  const form = parameters.filter((parameter) => parameter.in === 'formData');
  if (form.length === 0) return null;
  const first = form[0] as RawParameter;
  const properties = Object.fromEntries(
    form.map((parameter) => [parameter.name, parameter.node.value]),
  );
  const schemaValue = {
    type: 'object',
    properties,
    required: form
      .filter((parameter) => asRecord(parameter.node.value)?.['required'] === true)
      .map((parameter) => parameter.name),
  };
  // The form schema is not written in the file. It is placed at the parameter list, and each
  // of its properties is the form parameter itself, so a change to a field is located there.
  const list = child(operation, 'parameters') ?? child(pathItem, 'parameters') ?? first.node;
  const schema: SpecNode = {
    value: schemaValue,
    file: list.file,
    pointer: list.pointer,
    children: {
      properties: {
        value: properties,
        file: list.file,
        pointer: list.pointer,
        children: Object.fromEntries(form.map((parameter) => [parameter.name, parameter.node])),
      },
    },
  };
  const formTypes = consumes.filter((type) => type.includes('form'));
  return {
    node: first.node,
    required: schemaValue.required.length > 0,
    content: (formTypes.length > 0 ? formTypes : ['application/x-www-form-urlencoded']).map(
      (mediaType) => ({ mediaType, node: first.node, schema }),
    ),
  };
}

/**
 * Returns a Swagger 2.0 operation's `consumes` or `produces` list. A missing list inherits the
 * document's. An empty one clears it, as Swagger 2.0 defines, and like a list missing at both
 * levels it reads as JSON.
 */
function mediaTypesOf(
  document: SpecDocument,
  operation: SpecNode,
  key: 'consumes' | 'produces',
): string[] {
  const own = asRecord(operation.value)?.[key];
  const list = Array.isArray(own) ? own : document.root[key];
  return Array.isArray(list) && list.length > 0 ? list.map(String) : ['application/json'];
}

function responsesOf(
  document: SpecDocument,
  operation: SpecNode,
  isSwagger2: boolean,
): ResponseView[] {
  const responses = child(operation, 'responses');
  const produces = isSwagger2 ? mediaTypesOf(document, operation, 'produces') : [];
  return keysOf(responses)
    .filter((status) => !status.startsWith('x-'))
    .map((status) => {
      const node = deref(document, child(responses as SpecNode, status) as SpecNode);
      const schema = isSwagger2 ? child(node, 'schema') : null;
      const content = isSwagger2
        ? schema
          ? produces.map((mediaType) => ({ mediaType, node, schema }))
          : []
        : contentOf(document, child(node, 'content'));
      return {
        status: /^\dxx$/i.test(status) ? status.toUpperCase() : status,
        node,
        content,
        headers: headersOf(document, node, isSwagger2),
      };
    });
}

function headersOf(document: SpecDocument, response: SpecNode, isSwagger2: boolean): HeaderView[] {
  const headers = child(response, 'headers');
  return keysOf(headers).map((name) => {
    const node = deref(document, child(headers as SpecNode, name) as SpecNode);
    const record = asRecord(node.value) ?? {};
    return {
      name,
      node,
      required: record['required'] === true,
      schema: isSwagger2 ? node : child(node, 'schema'),
    };
  });
}

function normaliseBasePath(basePath: unknown): string {
  if (typeof basePath !== 'string' || basePath === '/' || basePath === '') return '';
  const withSlash = basePath.startsWith('/') ? basePath : `/${basePath}`;
  return withSlash.replace(/\/+$/, '');
}
