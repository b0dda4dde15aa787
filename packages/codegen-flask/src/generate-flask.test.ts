import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { generateFlask } from './generate-flask.js';
import { runPytest, runPython, runPythonBatch } from './test-support/python.js';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), 'specgate-flask-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function folder(name: string): string {
  const directory = path.join(scratch, name);
  return directory;
}

function listTree(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)))
    .sort();
}

const EDGE_SPEC = `openapi: 3.0.3
info: { title: Edge cases, version: '1' }
paths:
  /items/{item-id}:
    get:
      operationId: get-item
      tags: [Store Items]
      parameters:
        - { name: item-id, in: path, required: true, schema: { type: integer } }
        - { name: from, in: query, schema: { type: string, format: date } }
        - { name: X-Trace, in: header, required: true, schema: { type: string } }
      responses: { '200': { description: ok } }
  /counts/{n}:
    get:
      operationId: class
      parameters:
        - { name: n, in: path, required: true, schema: { type: integer, minimum: 0 } }
      responses: { '200': { description: ok } }
  /things/{id}:
    put:
      operationId: putThing
      tags: [Store Items]
      parameters:
        - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [name]
              additionalProperties: false
              properties:
                name: { type: string, minLength: 2 }
                tag: { type: string, nullable: true }
      responses: { '204': { description: done } }
`;

const READ_WRITE_SPEC = `openapi: 3.0.3
info: { title: Read and write, version: '1' }
paths:
  /users:
    post:
      operationId: createUser
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/User' }
      responses:
        '201':
          description: created
          content:
            application/json:
              schema: { $ref: '#/components/schemas/User' }
components:
  schemas:
    Timestamp: { type: string, format: date-time }
    User:
      type: object
      additionalProperties: false
      required: [id, name, password, createdAt, profile]
      properties:
        id: { type: string, format: uuid, readOnly: true }
        name: { type: string }
        password: { type: string, minLength: 8, writeOnly: true }
        createdAt: { $ref: '#/components/schemas/Timestamp', readOnly: true }
        profile:
          type: object
          required: [nickname, score]
          properties:
            nickname: { type: string }
            score: { type: integer, readOnly: true }
`;

/**
 * Generated packages the Flask probes below import, built once. Their probe scripts run in one
 * Python process, because each interpreter start and Flask import costs about 0.3 s of CPU.
 */
let probeOutput: Record<string, string> = {};

beforeAll(async () => {
  const edgeSpec = path.join(scratch, 'edge.yaml');
  writeFileSync(edgeSpec, EDGE_SPEC);
  await generateFlask(edgeSpec, folder('edge_api'), { cwd: scratch });

  await generateFlask('specs/orders/openapi.yaml', folder('checked_api'), { cwd: REPO_ROOT });
  writeFileSync(
    path.join(folder('checked_api'), 'handlers/orders.py'),
    `def get_order(*, order_id):
    return {"id": "not-a-uuid", "status": "lost"}


def list_orders(*, query):
    return {"items": []}, 418
`,
  );

  const readWriteSpec = path.join(scratch, 'read-write.yaml');
  writeFileSync(readWriteSpec, READ_WRITE_SPEC);
  await generateFlask(readWriteSpec, folder('read_write_api'), { cwd: scratch });
  writeFileSync(
    path.join(folder('read_write_api'), 'handlers/default.py'),
    `from flask import request

RECEIVED = []


def create_user(*, body):
    RECEIVED.append(body)
    reply = {
        "id": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "name": body["name"],
        "createdAt": "2026-12-04T12:00:00Z",
        "profile": {"nickname": body["profile"]["nickname"], "score": 3},
    }
    mode = request.args.get("reply")
    if mode == "short-password":
        reply["password"] = "short"
    if mode == "no-id":
        del reply["id"]
    if mode == "no-score":
        del reply["profile"]["score"]
    return reply, 201
`,
  );

  await generateFlask('test/codegen/fixtures/query-styles.yaml', folder('query_styles_api'), {
    cwd: REPO_ROOT,
  });
  writeFileSync(
    path.join(folder('query_styles_api'), 'handlers/default.py'),
    `def search(*, query, headers):
    return {"query": query, "pair": headers.get("X-Pair")}
`,
  );

  await generateFlask('test/codegen/fixtures/path-styles.yaml', folder('path_styles_api'), {
    cwd: REPO_ROOT,
  });
  writeFileSync(
    path.join(folder('path_styles_api'), 'handlers/default.py'),
    `def simple_style(**values):
    return values


def label_style(**values):
    return values


def matrix_style(**values):
    return values
`,
  );

  probeOutput = runPythonBatch(
    {
      'edge-rules': `from edge_api import create_app
app = create_app()
for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
    print(rule.endpoint, rule.rule)
`,
      'edge-probes': `import json
from edge_api import create_app
client = create_app().test_client()
def show(response):
    print(response.status_code, response.mimetype, json.dumps(response.get_json(), sort_keys=True))
show(client.get("/items/-5", headers={"X-Trace": "t"}))
show(client.get("/counts/-1"))
show(client.get("/items/5?from=2026-13-45", headers={"X-Trace": "t"}))
show(client.get("/items/5"))
show(client.put("/things/not-a-uuid", json={"name": "ab"}))
show(client.put("/things/3fa85f64-5717-4562-b3fc-2c963f66afa6", data="x", content_type="text/plain"))
show(client.put("/things/3fa85f64-5717-4562-b3fc-2c963f66afa6", data="{", content_type="application/json"))
show(client.put("/things/3fa85f64-5717-4562-b3fc-2c963f66afa6", json={"name": "a", "extra": 1, "tag": None}))
show(client.delete("/counts/3"))
`,
      'response-validation': `import json
from checked_api import create_app
for validate in (True, False):
    client = create_app({"OPENAPI_VALIDATE_RESPONSES": validate}).test_client()
    for url in ("/v2/orders/3fa85f64-5717-4562-b3fc-2c963f66afa6", "/v2/orders"):
        response = client.get(url)
        print(response.status_code, json.dumps(response.get_json().get("errors"), sort_keys=True))
`,
      'read-write': `import json
from read_write_api import create_app
from read_write_api.handlers import default
client = create_app({"OPENAPI_VALIDATE_RESPONSES": True}).test_client()
def show(response):
    body = response.get_json()
    print(response.status_code, json.dumps(body.get("errors") if response.status_code >= 400 else sorted(body), sort_keys=True))
    print("handler got", json.dumps(default.RECEIVED.pop() if default.RECEIVED else None, sort_keys=True))
user = {"name": "ada", "password": "long enough", "profile": {"nickname": "a"}}
show(client.post("/users", json=user))
show(client.post("/users", json={**user, "id": "chosen-by-client", "createdAt": 5, "profile": {"nickname": "a", "score": "x"}}))
show(client.post("/users", json={"name": "ada", "profile": {}}))
show(client.post("/users?reply=short-password", json=user))
show(client.post("/users?reply=no-id", json=user))
show(client.post("/users?reply=no-score", json=user))
`,
      'path-styles': `import json
from path_styles_api import create_app
client = create_app().test_client()
for url in ["/simple/1,2,3/x=1,y=2.5", "/label/.4.5", "/matrix/;id=7/;tags=a;tags=b", "/simple/1,x/x=1", "/matrix/;id=seven/;tags=a"]:
    response = client.get(url)
    body = response.get_json()
    print(response.status_code, json.dumps(body if response.status_code == 200 else body["errors"], sort_keys=True))
`,
      'query-styles': `import json
from query_styles_api import create_app
client = create_app().test_client()
for url, headers in [
    ("/search?filter[status]=open&filter[limit]=5&filter[urgent]=true&filter[tags][]=a&filter[tags][]=b&filter[range][min]=-2", {}),
    ("/search?filter[status]=open&created=7&expand[]=a&expand[]=b", {}),
    ("/search?filter[status]=open&created[gte]=9&expand[0]=c", {}),
    ("/search?filter[status]=open&ids=1,2,3&point=x,1,y,2.5&words=a%20b&codes=4|5&offset=10&size=20", {"X-Pair": "a=3"}),
    ("/search?filter[status]=lost&filter[limit]=many&filter[range][min]=x&filter[other]=1", {}),
    ("/search?filter[limit]=60&ids=1,x&codes=0|2&point=x,1,y&offset=ten", {}),
    ("/search", {}),
]:
    response = client.get(url, headers=headers)
    body = response.get_json()
    print(response.status_code, json.dumps(body if response.status_code == 200 else body["errors"], sort_keys=True))
`,
    },
    scratch,
  );
});

describe('generated package', () => {
  test('orders spec passes its generated contract tests', async () => {
    const out = folder('orders_api');
    const result = await generateFlask('specs/orders/openapi.yaml', out, { cwd: REPO_ROOT });
    expect(result.operations).toBe(5);
    expect(result.tags).toEqual(['orders']);
    expect(result.changes.created).toEqual([
      '__init__.py',
      'handlers/__init__.py',
      'handlers/orders.py',
    ]);
    expect(listTree(out)).toEqual([
      '__init__.py',
      '_generated/__init__.py',
      '_generated/api.json',
      '_generated/blueprints/__init__.py',
      '_generated/blueprints/orders.py',
      '_generated/runtime.py',
      'handlers/__init__.py',
      'handlers/orders.py',
      'tests/__init__.py',
      'tests/test_generated_contract.py',
    ]);
    const run = runPytest('orders_api/tests', scratch);
    expect(run.output).toContain('18 passed');
    expect(run.status).toBe(0);
  });

  test('routes use converters and Python-safe names', () => {
    const rules = probeOutput['edge-rules'] ?? '';
    expect(rules.split('\n').map((line) => line.trim())).toEqual([
      'default.class_ /counts/<int:n>',
      'healthz /healthz',
      'store_items.get_item /items/<int(signed=True):item_id>',
      'readyz /readyz',
      'static /static/<path:filename>',
      'store_items.put_thing /things/<uuid:id_>',
      '',
    ]);
    const probes = probeOutput['edge-probes'] ?? '';
    expect(probes.trim().split('\n')).toEqual([
      '501 application/problem+json {"detail": "Operation get-item has no handler yet: implement get_item in handlers/store_items.py.", "status": 501, "title": "Not Implemented", "type": "about:blank"}',
      '404 application/problem+json {"detail": "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.", "status": 404, "title": "Not Found", "type": "about:blank"}',
      `400 application/problem+json {"detail": "The request parameters are invalid.", "errors": [{"in": "query", "message": "'2026-13-45' is not a 'date'", "name": "from", "path": ""}], "status": 400, "title": "Bad Request", "type": "about:blank"}`,
      '400 application/problem+json {"detail": "The request parameters are invalid.", "errors": [{"in": "header", "message": "is required", "name": "X-Trace", "path": ""}], "status": 400, "title": "Bad Request", "type": "about:blank"}',
      '404 application/problem+json {"detail": "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.", "status": 404, "title": "Not Found", "type": "about:blank"}',
      '415 application/problem+json {"detail": "Content type text/plain is not accepted; send one of: application/json.", "errors": [{"in": "header", "message": "must be one of: application/json", "name": "Content-Type", "path": ""}], "status": 415, "title": "Unsupported Media Type", "type": "about:blank"}',
      '400 application/problem+json {"detail": "The request body is not valid JSON.", "errors": [{"in": "body", "message": "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)", "path": ""}], "status": 400, "title": "Bad Request", "type": "about:blank"}',
      `422 application/problem+json {"detail": "The request body does not match the schema.", "errors": [{"in": "body", "message": "Additional properties are not allowed ('extra' was unexpected)", "path": ""}, {"in": "body", "message": "'a' is too short", "path": "/name"}], "status": 422, "title": "Unprocessable Content", "type": "about:blank"}`,
      '405 application/problem+json {"detail": "The method is not allowed for the requested URL.", "status": 405, "title": "Method Not Allowed", "type": "about:blank"}',
    ]);
  });

  test('colliding handler names fail and leave the folder untouched', async () => {
    const spec = path.join(scratch, 'collide.yaml');
    writeFileSync(
      spec,
      `openapi: 3.1.0
info: { title: c, version: '1' }
paths:
  /a: { get: { operationId: getThing, responses: { '200': { description: ok } } } }
  /b: { get: { operationId: get_thing, responses: { '200': { description: ok } } } }
`,
    );
    const out = folder('collide_api');
    await expect(generateFlask(spec, out, { cwd: scratch })).rejects.toThrow(
      'collide.yaml:5:9: operations "getThing" (GET /a) and "get_thing" (GET /b) both map to the handler name "get_thing". Rename one operationId or path.',
    );
    expect(() => readdirSync(out)).toThrow(/ENOENT/);
  });
});

describe('response validation', () => {
  test('mismatching handler responses become 500 when enabled', () => {
    const output = probeOutput['response-validation'] ?? '';
    expect(output.trim().split('\n')).toEqual([
      `500 [{"in": "response", "message": "'createdAt' is a required property", "path": ""}, {"in": "response", "message": "'customerId' is a required property", "path": ""}, {"in": "response", "message": "'lines' is a required property", "path": ""}, {"in": "response", "message": "'total' is a required property", "path": ""}, {"in": "response", "message": "'not-a-uuid' is not a 'uuid'", "path": "/id"}, {"in": "response", "message": "'lost' is not one of ['pending', 'paid', 'shipped', 'cancelled']", "path": "/status"}]`,
      '500 [{"in": "response", "message": "status 418 is not declared", "path": ""}]',
      '200 null',
      '418 null',
    ]);
  });
});

describe('regeneration', () => {
  test('check is fresh from another working directory with the same spec', async () => {
    const project = path.join(scratch, 'cwd-project');
    cpSync(path.join(REPO_ROOT, 'specs/orders'), path.join(project, 'specs/orders'), {
      recursive: true,
    });
    await generateFlask('specs/orders/openapi.yaml', 'orders_api', { cwd: project });
    const registry = readFileSync(path.join(project, 'orders_api/_generated/__init__.py'), 'utf8');
    expect(registry.split('\n')[0]).toMatch(
      /^# Generated by specgate generate flask from \.\.\/specs\/orders\/openapi\.yaml \(sha256 [0-9a-f]{16}\)\.$/,
    );
    const fromSpecDir = await generateFlask('openapi.yaml', '../../orders_api', {
      cwd: path.join(project, 'specs/orders'),
      check: true,
    });
    expect(fromSpecDir.changes).toEqual({ written: [], created: [], removed: [] });
    expect(fromSpecDir.stale).toBe(false);
  });

  test('keeps handlers, answers 501 for new operations and reports orphans', async () => {
    const work = path.join(scratch, 'regen');
    cpSync(path.join(REPO_ROOT, 'specs/orders'), work, { recursive: true });
    const spec = path.join(work, 'openapi.yaml');
    const out = path.join(work, 'orders_api');
    await generateFlask(spec, out, { cwd: work });

    const handlerFile = path.join(out, 'handlers/orders.py');
    const handwritten = `${readFileSync(handlerFile, 'utf8').replace(
      'def get_order(*, order_id):\n    """GET /v2/orders/{orderId} (getOrder): Get an order"""\n    raise NotImplementedError',
      'def get_order(*, order_id):\n    return {"id": str(order_id)}',
    )}\n\ndef list_orders_v1(*, query):\n    return {"items": []}\n`;
    writeFileSync(handlerFile, handwritten);
    writeFileSync(path.join(out, 'notes.txt'), 'mine');

    const original = readFileSync(spec, 'utf8');
    const changed = original
      .replace(/ {2}\/v1\/orders:\n[\s\S]*? {2}\/v2\/orders:\n/, '  /v2/orders:\n')
      .replace(
        'components:\n',
        `  /v2/refunds:
    post:
      tags: [refunds]
      operationId: createRefund
      summary: Refund an order
      responses:
        '202':
          description: Accepted.
components:
`,
      );
    expect(changed).not.toBe(original);
    writeFileSync(spec, changed);

    const check = await generateFlask(spec, out, { cwd: work, check: true });
    expect(check.stale).toBe(true);
    expect(readFileSync(handlerFile, 'utf8')).toBe(handwritten);

    const result = await generateFlask(spec, out, { cwd: work });
    expect(result.orphanedHandlers).toEqual([
      { file: 'handlers/orders.py', function: 'list_orders_v1' },
    ]);
    expect(result.changes.created).toEqual(['handlers/refunds.py']);
    expect(readFileSync(handlerFile, 'utf8')).toBe(handwritten);
    expect(readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('mine');

    const again = await generateFlask(spec, out, { cwd: work, check: true });
    expect(again.stale).toBe(false);

    writeFileSync(path.join(out, 'handlers/refunds.py'), '"""Refunds, handled later."""\n');
    const answers = runPython(
      `from orders_api import create_app
client = create_app().test_client()
refund = client.post("/v2/refunds")
print(refund.status_code, refund.get_json()["detail"])
order = client.get("/v2/orders/3fa85f64-5717-4562-b3fc-2c963f66afa6")
print(order.status_code, order.get_json())
print(client.get("/v1/orders").status_code)
`,
      work,
    );
    expect(answers.trim().split('\n')).toEqual([
      '501 Operation createRefund has no handler yet: implement create_refund in handlers/refunds.py.',
      "200 {'id': '3fa85f64-5717-4562-b3fc-2c963f66afa6'}",
      '404',
    ]);
    const missing = await generateFlask(spec, out, { cwd: work, check: true });
    expect(missing.missingHandlers).toEqual([
      { file: 'handlers/refunds.py', function: 'create_refund', operationId: 'createRefund' },
    ]);
  });
});

describe('readOnly and writeOnly', () => {
  test('requests ignore readOnly and responses ignore writeOnly', () => {
    const output = probeOutput['read-write'] ?? '';
    expect(output.trim().split('\n')).toEqual([
      '201 ["createdAt", "id", "name", "profile"]',
      'handler got {"name": "ada", "password": "long enough", "profile": {"nickname": "a"}}',
      '201 ["createdAt", "id", "name", "profile"]',
      'handler got {"name": "ada", "password": "long enough", "profile": {"nickname": "a"}}',
      `422 [{"in": "body", "message": "'password' is a required property", "path": ""}, {"in": "body", "message": "'nickname' is a required property", "path": "/profile"}]`,
      'handler got null',
      '201 ["createdAt", "id", "name", "password", "profile"]',
      'handler got {"name": "ada", "password": "long enough", "profile": {"nickname": "a"}}',
      `500 [{"in": "response", "message": "'id' is a required property", "path": ""}]`,
      'handler got {"name": "ada", "password": "long enough", "profile": {"nickname": "a"}}',
      `500 [{"in": "response", "message": "'score' is a required property", "path": "/profile"}]`,
      'handler got {"name": "ada", "password": "long enough", "profile": {"nickname": "a"}}',
    ]);
  });
});

describe('path parameter styles', () => {
  test('simple, label and matrix values are split, coerced and validated', () => {
    const output = probeOutput['path-styles'] ?? '';
    expect(output.trim().split('\n')).toEqual([
      '200 {"ids": [1, 2, 3], "point": {"x": 1, "y": 2.5}}',
      '200 {"codes": [4, 5]}',
      '200 {"id_": 7, "tags": ["a", "b"]}',
      `400 [{"in": "path", "message": "'x' is not of type 'integer'", "name": "ids", "path": "/1"}]`,
      `400 [{"in": "path", "message": "'seven' is not of type 'integer'", "name": "id", "path": ""}]`,
    ]);
  });
});

describe('query parameter styles', () => {
  test('deepObject and delimited values are parsed, coerced and validated', () => {
    const output = probeOutput['query-styles'] ?? '';
    expect(output.trim().split('\n')).toEqual([
      '200 {"pair": null, "query": {"filter": {"limit": 5, "range": {"min": -2}, "status": "open", "tags": ["a", "b"], "urgent": true}}}',
      '200 {"pair": null, "query": {"created": 7, "expand": ["a", "b"], "filter": {"status": "open"}}}',
      '200 {"pair": null, "query": {"created": {"gte": 9}, "expand": ["c"], "filter": {"status": "open"}}}',
      '200 {"pair": {"a": 3}, "query": {"codes": [4, 5], "filter": {"status": "open"}, "ids": [1, 2, 3], "page": {"offset": 10, "size": 20}, "point": {"x": 1, "y": 2.5}, "words": ["a", "b"]}}',
      `400 [{"in": "query", "message": "Additional properties are not allowed ('other' was unexpected)", "name": "filter", "path": ""}, {"in": "query", "message": "'many' is not of type 'integer'", "name": "filter", "path": "/limit"}, {"in": "query", "message": "'x' is not of type 'integer'", "name": "filter", "path": "/range/min"}, {"in": "query", "message": "'lost' is not one of ['open', 'closed']", "name": "filter", "path": "/status"}]`,
      `400 [{"in": "query", "message": "'status' is a required property", "name": "filter", "path": ""}, {"in": "query", "message": "60 is greater than the maximum of 50", "name": "filter", "path": "/limit"}, {"in": "query", "message": "'x' is not of type 'integer'", "name": "ids", "path": "/1"}, {"in": "query", "message": "'x,1,y' is not of type 'object'", "name": "point", "path": ""}, {"in": "query", "message": "0 is less than the minimum of 1", "name": "codes", "path": "/0"}, {"in": "query", "message": "'ten' is not of type 'integer'", "name": "page", "path": "/offset"}]`,
      '200 {"pair": null, "query": {}}',
    ]);
  });
});
