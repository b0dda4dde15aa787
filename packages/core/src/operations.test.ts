import { describe, expect, it } from 'vitest';

import { HTTP_METHODS, listOperations, operationKey, pathShape } from './operations.js';
import type { OperationView, ParameterView } from './operations.js';
import { SourceFile } from './source-file.js';
import { loadSpec, type SpecDocument } from './spec-document.js';
import { child } from './spec-node.js';

/** Loads a one-file spec from text, checking its `$ref`s as `loadSpec` does. */
function loadText(text: string): Promise<SpecDocument> {
  return loadSpec('openapi.yaml', {
    cwd: '/api',
    reader: {
      read: (absolutePath: string) =>
        Promise.resolve(new SourceFile({ path: absolutePath, displayPath: 'openapi.yaml', text })),
    },
  });
}

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

/** Reduces a parameter view to the fields tests compare, with nodes shown as pointers. */
function summary(parameter: ParameterView) {
  return {
    name: parameter.name,
    in: parameter.in,
    required: parameter.required,
    deprecated: parameter.deprecated,
    pointer: parameter.node.pointer,
    schema: parameter.schema?.pointer ?? null,
    style: parameter.style,
    explode: parameter.explode,
  };
}

function find(operations: OperationView[], method: string, path: string): OperationView {
  const found = operations.find(
    (operation) => operation.method === method && operation.path === path,
  );
  if (!found) throw new Error(`no operation ${method} ${path}`);
  return found;
}

const OPENAPI_3 = lines(
  'openapi: 3.0.3',
  'info: {title: Pets, version: 1.0.0}',
  'security:',
  '  - apiKey: []',
  'paths:',
  '  /pets/{petId}:',
  '    parameters:',
  '      - name: petId',
  '        in: path',
  '        schema: {type: string}',
  '      - name: X-Request-Id',
  '        in: header',
  '        schema: {type: string}',
  '      - name: verbose',
  '        in: query',
  '        schema: {type: boolean}',
  '    get:',
  '      operationId: getPet',
  '      parameters:',
  '        - name: x-request-id',
  '          in: header',
  '          required: true',
  '          schema: {type: integer}',
  '        - name: verbose',
  '          in: cookie',
  '          deprecated: true',
  '          schema: {type: string}',
  "        - $ref: '#/components/parameters/Limit'",
  '        - name: filter',
  '          in: query',
  '          content:',
  '            application/json:',
  '              schema: {type: object}',
  '      responses:',
  '        2xx:',
  '          description: ok',
  '          headers:',
  '            X-Rate-Limit:',
  '              required: true',
  '              schema: {type: integer}',
  '          content:',
  '            application/json:',
  "              schema: {$ref: '#/components/schemas/Pet'}",
  '        default:',
  '          description: error',
  '        x-note: {}',
  '    delete:',
  '      deprecated: true',
  '      security: []',
  '      requestBody:',
  "        $ref: '#/components/requestBodies/Reason'",
  '      responses:',
  "        '204': {description: deleted}",
  '  /orders:',
  "    $ref: '#/x-path-items/orders'",
  '  x-internal:',
  '    get: {responses: {}}',
  'x-path-items:',
  '  orders:',
  '    post:',
  '      requestBody:',
  '        content:',
  '          application/json: {schema: {type: object}}',
  '      responses: {}',
  'components:',
  '  parameters:',
  '    Limit: {name: limit, in: query, style: form, explode: false, schema: {type: integer}}',
  '  requestBodies:',
  '    Reason:',
  '      required: true',
  '      content:',
  '        text/plain: {schema: {type: string}}',
  '  schemas:',
  '    Pet: {type: object}',
);

describe('listOperations on OpenAPI 3.0', () => {
  it('lists operations in document order', async () => {
    const operations = listOperations(await loadText(OPENAPI_3));
    expect(operations.map((operation) => `${operation.method} ${operation.path}`)).toEqual([
      'get /pets/{petId}',
      'delete /pets/{petId}',
      'post /orders',
    ]);
  });

  it('merges path-level parameters, operation first', async () => {
    const get = find(listOperations(await loadText(OPENAPI_3)), 'get', '/pets/{petId}');
    const base = '/paths/~1pets~1{petId}';
    expect(get.parameters.map(summary)).toEqual([
      {
        name: 'petId',
        in: 'path',
        required: true,
        deprecated: false,
        pointer: `${base}/parameters/0`,
        schema: `${base}/parameters/0/schema`,
        style: 'simple',
        explode: false,
      },
      {
        name: 'x-request-id',
        in: 'header',
        required: true,
        deprecated: false,
        pointer: `${base}/get/parameters/0`,
        schema: `${base}/get/parameters/0/schema`,
        style: 'simple',
        explode: false,
      },
      {
        name: 'verbose',
        in: 'query',
        required: false,
        deprecated: false,
        pointer: `${base}/parameters/2`,
        schema: `${base}/parameters/2/schema`,
        style: 'form',
        explode: true,
      },
      {
        name: 'verbose',
        in: 'cookie',
        required: false,
        deprecated: true,
        pointer: `${base}/get/parameters/1`,
        schema: `${base}/get/parameters/1/schema`,
        style: 'form',
        explode: true,
      },
      {
        name: 'limit',
        in: 'query',
        required: false,
        deprecated: false,
        pointer: '/components/parameters/Limit',
        schema: '/components/parameters/Limit/schema',
        style: 'form',
        explode: false,
      },
      {
        name: 'filter',
        in: 'query',
        required: false,
        deprecated: false,
        pointer: `${base}/get/parameters/3`,
        schema: `${base}/get/parameters/3/content/application~1json/schema`,
        style: 'form',
        explode: true,
      },
    ]);
  });

  it('reads the operation fields', async () => {
    const operations = listOperations(await loadText(OPENAPI_3));
    const get = find(operations, 'get', '/pets/{petId}');
    expect(get.pathKey).toBe('/pets/{petId}');
    expect(get.operationId).toBe('getPet');
    expect(get.deprecated).toBe(false);
    expect(get.node.pointer).toBe('/paths/~1pets~1{petId}/get');
    expect(get.requestBody).toBeNull();

    const remove = find(operations, 'delete', '/pets/{petId}');
    expect(remove.operationId).toBeNull();
    expect(remove.deprecated).toBe(true);
  });

  it('uses the operation security, else the root security', async () => {
    const operations = listOperations(await loadText(OPENAPI_3));
    const get = find(operations, 'get', '/pets/{petId}');
    expect(get.security?.pointer).toBe('/security');
    expect(get.security?.value).toEqual([{ apiKey: [] }]);

    const remove = find(operations, 'delete', '/pets/{petId}');
    expect(remove.security?.pointer).toBe('/paths/~1pets~1{petId}/delete/security');
    expect(remove.security?.value).toEqual([]);
  });

  it('normalises 2xx to 2XX, keeps default and skips extensions', async () => {
    const get = find(listOperations(await loadText(OPENAPI_3)), 'get', '/pets/{petId}');
    const base = '/paths/~1pets~1{petId}/get/responses';
    expect(get.responses.map((response) => response.status)).toEqual(['2XX', 'default']);

    const [success, fallback] = get.responses;
    expect(success?.node.pointer).toBe(`${base}/2xx`);
    expect(
      success?.content.map((entry) => [entry.mediaType, entry.node.pointer, entry.schema?.pointer]),
    ).toEqual([
      [
        'application/json',
        `${base}/2xx/content/application~1json`,
        `${base}/2xx/content/application~1json/schema`,
      ],
    ]);
    expect(
      success?.headers.map((header) => [header.name, header.required, header.schema?.pointer]),
    ).toEqual([['X-Rate-Limit', true, `${base}/2xx/headers/X-Rate-Limit/schema`]]);
    expect(fallback?.content).toEqual([]);
    expect(fallback?.headers).toEqual([]);
  });

  it('resolves a referenced request body', async () => {
    const remove = find(listOperations(await loadText(OPENAPI_3)), 'delete', '/pets/{petId}');
    expect(remove.requestBody?.node.pointer).toBe('/components/requestBodies/Reason');
    expect(remove.requestBody?.required).toBe(true);
    expect(
      remove.requestBody?.content.map((entry) => [entry.mediaType, entry.schema?.pointer]),
    ).toEqual([['text/plain', '/components/requestBodies/Reason/content/text~1plain/schema']]);
  });

  it('follows a path item $ref', async () => {
    const post = find(listOperations(await loadText(OPENAPI_3)), 'post', '/orders');
    expect(post.pathKey).toBe('/orders');
    expect(post.node.pointer).toBe('/x-path-items/orders/post');
    expect(post.requestBody?.required).toBe(false);
    expect(post.requestBody?.content.map((entry) => entry.mediaType)).toEqual(['application/json']);
  });
});

const SWAGGER_2 = lines(
  "swagger: '2.0'",
  'info: {title: Pets, version: 1.0.0}',
  'basePath: /v1/',
  'consumes: [application/json, application/xml]',
  'produces: [application/json]',
  'paths:',
  '  /pets:',
  '    post:',
  '      parameters:',
  '        - name: pet',
  '          in: body',
  '          required: true',
  "          schema: {$ref: '#/definitions/Pet'}",
  '        - name: X-Trace',
  '          in: header',
  '          type: string',
  '        - name: ids',
  '          in: query',
  '          type: array',
  '          items: {type: string}',
  '          collectionFormat: multi',
  '      responses:',
  "        '201':",
  '          description: created',
  "          schema: {$ref: '#/definitions/Pet'}",
  '          headers:',
  '            Location: {type: string}',
  "        '204':",
  '          description: no body',
  '  /pets/{petId}/photo:',
  '    parameters:',
  '      - {name: petId, in: path, type: string}',
  '    put:',
  '      consumes: [multipart/form-data]',
  '      produces: [application/xml, application/json]',
  '      parameters:',
  '        - {name: file, in: formData, type: file, required: true}',
  '        - {name: caption, in: formData, type: string}',
  '      responses:',
  '        default: {description: error, schema: {type: string}}',
  '    patch:',
  '      parameters:',
  '        - {name: nick, in: formData, type: string}',
  "      responses: {'200': {description: ok}}",
  'definitions:',
  '  Pet: {type: object}',
);

describe('listOperations on Swagger 2.0', () => {
  it('prefixes basePath to the path and keeps the key as written', async () => {
    const operations = listOperations(await loadText(SWAGGER_2));
    expect(
      operations.map((operation) => [operation.method, operation.path, operation.pathKey]),
    ).toEqual([
      ['post', '/v1/pets', '/pets'],
      ['put', '/v1/pets/{petId}/photo', '/pets/{petId}/photo'],
      ['patch', '/v1/pets/{petId}/photo', '/pets/{petId}/photo'],
    ]);
  });

  it('turns the body parameter into a request body per consumes', async () => {
    const post = find(listOperations(await loadText(SWAGGER_2)), 'post', '/v1/pets');
    const body = '/paths/~1pets/post/parameters/0';
    expect(post.requestBody?.node.pointer).toBe(body);
    expect(post.requestBody?.required).toBe(true);
    expect(
      post.requestBody?.content.map((entry) => [
        entry.mediaType,
        entry.node.pointer,
        entry.schema?.pointer,
      ]),
    ).toEqual([
      ['application/json', body, `${body}/schema`],
      ['application/xml', body, `${body}/schema`],
    ]);
  });

  it('keeps other parameters, with the parameter itself as schema', async () => {
    const post = find(listOperations(await loadText(SWAGGER_2)), 'post', '/v1/pets');
    expect(post.parameters.map(summary)).toEqual([
      {
        name: 'X-Trace',
        in: 'header',
        required: false,
        deprecated: false,
        pointer: '/paths/~1pets/post/parameters/1',
        schema: '/paths/~1pets/post/parameters/1',
        style: 'simple',
        explode: false,
      },
      {
        name: 'ids',
        in: 'query',
        required: false,
        deprecated: false,
        pointer: '/paths/~1pets/post/parameters/2',
        schema: '/paths/~1pets/post/parameters/2',
        style: 'form',
        explode: true,
      },
    ]);
  });

  it('turns a response schema into content per produces', async () => {
    const operations = listOperations(await loadText(SWAGGER_2));
    const post = find(operations, 'post', '/v1/pets');
    const created = '/paths/~1pets/post/responses/201';
    expect(post.responses.map((response) => response.status)).toEqual(['201', '204']);
    expect(
      post.responses[0]?.content.map((entry) => [
        entry.mediaType,
        entry.node.pointer,
        entry.schema?.pointer,
      ]),
    ).toEqual([['application/json', created, `${created}/schema`]]);
    expect(post.responses[1]?.content).toEqual([]);
    expect(
      post.responses[0]?.headers.map((header) => [
        header.name,
        header.required,
        header.schema?.pointer,
      ]),
    ).toEqual([['Location', false, `${created}/headers/Location`]]);

    const put = find(operations, 'put', '/v1/pets/{petId}/photo');
    expect(put.responses[0]?.status).toBe('default');
    expect(put.responses[0]?.content.map((entry) => entry.mediaType)).toEqual([
      'application/xml',
      'application/json',
    ]);
  });

  it('turns formData parameters into a form body', async () => {
    const put = find(listOperations(await loadText(SWAGGER_2)), 'put', '/v1/pets/{petId}/photo');
    const first = '/paths/~1pets~1{petId}~1photo/put/parameters/0';
    expect(put.parameters.map((parameter) => [parameter.name, parameter.in])).toEqual([
      ['petId', 'path'],
    ]);
    expect(put.requestBody?.node.pointer).toBe(first);
    expect(put.requestBody?.required).toBe(true);
    expect(put.requestBody?.content.map((entry) => entry.mediaType)).toEqual([
      'multipart/form-data',
    ]);
    const schema = put.requestBody?.content[0]?.schema;
    expect(schema?.pointer).toBe('/paths/~1pets~1{petId}~1photo/put/parameters');
    const properties = schema ? child(schema, 'properties') : null;
    expect(properties ? child(properties, 'file')?.pointer : null).toBe(first);
    expect(properties ? child(properties, 'caption')?.pointer : null).toBe(
      '/paths/~1pets~1{petId}~1photo/put/parameters/1',
    );
    expect(schema?.value).toEqual({
      type: 'object',
      properties: {
        file: { name: 'file', in: 'formData', type: 'file', required: true },
        caption: { name: 'caption', in: 'formData', type: 'string' },
      },
      required: ['file'],
    });
  });

  it('uses application/x-www-form-urlencoded when consumes names no form type', async () => {
    const patch = find(
      listOperations(await loadText(SWAGGER_2)),
      'patch',
      '/v1/pets/{petId}/photo',
    );
    expect(patch.requestBody?.required).toBe(false);
    expect(patch.requestBody?.content.map((entry) => entry.mediaType)).toEqual([
      'application/x-www-form-urlencoded',
    ]);
  });

  it('defaults consumes and produces to application/json', async () => {
    const document = await loadText(
      lines(
        "swagger: '2.0'",
        'info: {title: Pets, version: 1.0.0}',
        'basePath: api',
        'paths:',
        '  /pets:',
        '    post:',
        '      parameters:',
        '        - {name: pet, in: body, schema: {type: object}}',
        "      responses: {'200': {description: ok, schema: {type: object}}}",
      ),
    );
    const [post] = listOperations(document);
    expect(post?.path).toBe('/api/pets');
    expect(post?.requestBody?.required).toBe(false);
    expect(post?.requestBody?.content.map((entry) => entry.mediaType)).toEqual([
      'application/json',
    ]);
    expect(post?.responses[0]?.content.map((entry) => entry.mediaType)).toEqual([
      'application/json',
    ]);
  });

  it('reads empty media type lists as JSON', async () => {
    const document = await loadText(
      lines(
        "swagger: '2.0'",
        'info: {title: Pets, version: 1.0.0}',
        'consumes: []',
        'produces: [text/plain]',
        'paths:',
        '  /pets:',
        '    post:',
        '      consumes: []',
        '      produces: []',
        '      parameters:',
        '        - {name: pet, in: body, schema: {type: object}}',
        "      responses: {'200': {description: ok, schema: {type: string}}}",
      ),
    );
    const [post] = listOperations(document);
    expect(post?.requestBody?.content.map((entry) => entry.mediaType)).toEqual([
      'application/json',
    ]);
    expect(post?.responses[0]?.content.map((entry) => entry.mediaType)).toEqual([
      'application/json',
    ]);
  });

  it('adds nothing for a basePath of /', async () => {
    const document = await loadText(
      lines(
        "swagger: '2.0'",
        'info: {title: Pets, version: 1.0.0}',
        'basePath: /',
        'paths:',
        '  /pets:',
        "    get: {responses: {'200': {description: ok}}}",
      ),
    );
    expect(listOperations(document).map((operation) => operation.path)).toEqual(['/pets']);
  });
});

describe('operationKey', () => {
  it('is equal for paths that differ only in parameter names', () => {
    expect(operationKey({ method: 'get', path: '/pets/{id}' })).toBe('GET /pets/{}');
    expect(operationKey({ method: 'get', path: '/pets/{petId}' })).toBe('GET /pets/{}');
  });

  it('matches operations of two loaded specs', async () => {
    const spec = (parameter: string) =>
      lines(
        'openapi: 3.1.0',
        'info: {title: Pets, version: 1.0.0}',
        'paths:',
        `  /pets/{${parameter}}:`,
        "    get: {responses: {'200': {description: ok}}}",
      );
    const [before] = listOperations(await loadText(spec('id')));
    const [after] = listOperations(await loadText(spec('petId')));
    expect(before && operationKey(before)).toBe('GET /pets/{}');
    expect(after && operationKey(after)).toBe('GET /pets/{}');
  });

  it('differs by method and by path shape', () => {
    expect(operationKey({ method: 'post', path: '/pets/{id}' })).toBe('POST /pets/{}');
    expect(operationKey({ method: 'get', path: '/pets/{id}/toys' })).toBe('GET /pets/{}/toys');
  });
});

describe('pathShape', () => {
  it('erases parameter names and trailing slashes', () => {
    expect(pathShape('/pets/{id}/')).toBe('/pets/{}');
    expect(pathShape('/a/{x}/b/{y}')).toBe('/a/{}/b/{}');
    expect(pathShape('/')).toBe('/');
    expect(pathShape('/files/{name}.{ext}')).toBe('/files/{}.{}');
  });
});

describe('HTTP_METHODS', () => {
  it('lists the eight Path Item methods', () => {
    expect(HTTP_METHODS).toEqual([
      'get',
      'put',
      'post',
      'delete',
      'options',
      'head',
      'patch',
      'trace',
    ]);
  });
});
