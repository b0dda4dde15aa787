import type { FlaskOperation, FlaskParameter } from './operation-object.js';
import { generatedHeader, pyLiteral, pyString } from './python-source.js';
import type { RenderContext } from './render-package.js';
import { sampleValue } from './sample-value.js';
import type { JsonSchema } from './schema-object.js';

type Definitions = ReadonlyMap<string, JsonSchema>;

/** A request the generated tests send: every part is Python source text. */
interface SampleRequest {
  url: string;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  cookies: string[];
}

/** `tests/test_generated_contract.py`: pytest cases per operation, run with no handlers. */
export function renderContractTests(
  operations: FlaskOperation[],
  definitions: Definitions,
  context: RenderContext,
): string {
  const cases = operations.flatMap((operation) => casesOf(operation, definitions));
  return `${generatedHeader(context.specLabel, context.digest)}"""Contract tests of the generated routes and validation, with no handlers (so 501).

Run with pytest from the folder that contains the ${context.packageName} package.
"""

import json

import pytest
from flask import Flask

from ${context.packageName}._generated import register_api

PROBLEM_JSON = "application/problem+json"


@pytest.fixture(scope="module")
def app():
    application = Flask("contract_tests")
    application.config.update(TESTING=True, OPENAPI_VALIDATE_RESPONSES=True)
    register_api(application, handlers={})
    return application


@pytest.fixture()
def client(app):
    return app.test_client()


def routes(client):
    return {
        (rule.endpoint, method)
        for rule in client.application.url_map.iter_rules()
        for method in rule.methods
    }


def problem_of(response, status):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == PROBLEM_JSON
    body = response.get_json()
    assert body["status"] == status
    return body


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code in (200, 501)


def test_unknown_path_is_problem_json(client):
    problem_of(client.get("/__specgate_no_such_path__/x/y/z"), 404)
${cases.join('')}`;
}

function casesOf(operation: FlaskOperation, definitions: Definitions): string[] {
  const name = operation.handlerName;
  const cases = [
    `

def test_${name}_is_routed(client):
    assert (${pyString(`${operation.tag}.${name}`)}, ${pyString(operation.method)}) in routes(client)
`,
  ];
  const request = sampleRequest(operation, definitions);
  if (!request) return cases;
  const body = sampleBody(operation, definitions);
  if (body !== undefined) {
    const lifecycle = Object.entries(operation.lifecycleHeaders).map(
      ([header, value]) =>
        `    assert response.headers[${pyString(header)}] == ${pyString(value)}\n`,
    );
    cases.push(`

def test_${name}_answers_501_until_implemented(client):
    response = ${openCall(operation, request, body)}
    body = problem_of(response, 501)
    assert ${pyString(operation.operationId)} in body["detail"]
${lifecycle.join('')}`);
  }
  for (const parameter of operation.parameters) {
    if (!parameter.required || parameter.in !== 'query') continue;
    const without = { ...request, query: { ...request.query } };
    delete without.query[parameter.name];
    cases.push(`

def test_${name}_requires_query_${parameterSuffix(parameter)}(client):
    response = ${openCall(operation, without, body ?? null)}
    body = problem_of(response, 400)
    assert {"in": "query", "name": ${pyString(parameter.name)}, "path": "", "message": "is required"} in body["errors"]
`);
  }
  cases.push(...bodyCases(operation, request, definitions));
  return cases;
}

function bodyCases(
  operation: FlaskOperation,
  request: SampleRequest,
  definitions: Definitions,
): string[] {
  if (!operation.body) return [];
  const name = operation.handlerName;
  const mediaTypes = Object.keys(operation.body.content).map((media) => media.toLowerCase());
  const cases: string[] = [];
  if (!mediaTypes.some((media) => media.startsWith('text/') || media === '*/*')) {
    cases.push(`

def test_${name}_rejects_wrong_content_type(client):
    response = ${openCall(operation, request, { data: 'x', contentType: 'text/plain' })}
    problem_of(response, 415)
`);
  }
  const jsonMedia = Object.keys(operation.body.content).find(isJsonMedia);
  if (jsonMedia === undefined) return cases;
  cases.push(`

def test_${name}_rejects_malformed_json(client):
    response = ${openCall(operation, request, { data: '{', contentType: jsonMedia })}
    body = problem_of(response, 400)
    assert body["errors"][0]["in"] == "body"
`);
  if (isObjectSchema(operation.body.content[jsonMedia] ?? true, definitions)) {
    cases.push(`

def test_${name}_rejects_body_of_wrong_type(client):
    response = ${openCall(operation, request, { data: '[]', contentType: jsonMedia })}
    body = problem_of(response, 422)
    assert body["errors"][0]["in"] == "body"
`);
  }
  return cases;
}

interface RawBody {
  data: string;
  contentType: string;
}

function openCall(operation: FlaskOperation, request: SampleRequest, body: RawBody | null): string {
  const headers = { ...request.headers };
  if (request.cookies.length > 0) headers['Cookie'] = request.cookies.join('; ');
  const parts = [
    pyString(request.url),
    `method=${pyString(operation.method)}`,
    `query_string=${pyLiteral(request.query)}`,
    `headers=${pyLiteral(headers)}`,
  ];
  if (body) parts.push(`data=${pyString(body.data)}`, `content_type=${pyString(body.contentType)}`);
  return `client.open(${parts.join(', ')})`;
}

/** A valid request without body, or undefined when a required parameter cannot be sampled. */
function sampleRequest(
  operation: FlaskOperation,
  definitions: Definitions,
): SampleRequest | undefined {
  const request: SampleRequest = { url: operation.path, query: {}, headers: {}, cookies: [] };
  for (const parameter of operation.parameters) {
    if (!parameter.required && parameter.in !== 'path') continue;
    if (parameter.json) return undefined;
    const sample = sampleValue(parameter.schema, definitions);
    if (!sample || (typeof sample.value === 'object' && !Array.isArray(sample.value))) {
      return undefined;
    }
    const text = Array.isArray(sample.value) ? sample.value.map(String) : String(sample.value);
    if (parameter.in === 'path') {
      if (Array.isArray(text)) return undefined;
      request.url = request.url.split(`{${parameter.name}}`).join(encodeURIComponent(text));
    } else if (parameter.in === 'query') {
      request.query[parameter.name] = queryValue(parameter, text);
    } else if (parameter.in === 'header') {
      request.headers[parameter.name] = Array.isArray(text) ? text.join(',') : text;
    } else if (parameter.in === 'cookie') {
      if (Array.isArray(text)) return undefined;
      request.cookies.push(`${parameter.name}=${encodeURIComponent(text)}`);
    }
  }
  return /\{[^}]*\}/.test(request.url) ? undefined : request;
}

function queryValue(parameter: FlaskParameter, text: string | string[]): string | string[] {
  if (!Array.isArray(text)) return text;
  if (parameter.explode) return text;
  const separator = { spaceDelimited: ' ', pipeDelimited: '|' }[parameter.style] ?? ',';
  return text.join(separator);
}

/** A valid body (null for none), or undefined when a required body cannot be sampled. */
function sampleBody(
  operation: FlaskOperation,
  definitions: Definitions,
): RawBody | null | undefined {
  if (!operation.body || !operation.body.required) return null;
  const jsonMedia = Object.keys(operation.body.content).find(isJsonMedia);
  if (jsonMedia === undefined) return undefined;
  const sample = sampleValue(operation.body.content[jsonMedia] ?? true, definitions);
  if (!sample) return undefined;
  return { data: JSON.stringify(sample.value), contentType: jsonMedia };
}

function isJsonMedia(media: string): boolean {
  const lower = media.toLowerCase();
  return lower === 'application/json' || lower.endsWith('+json');
}

function isObjectSchema(schema: JsonSchema, definitions: Definitions, depth = 0): boolean {
  if (typeof schema === 'boolean' || depth > 8) return false;
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const target = definitions.get(ref.replace('#/$defs/', ''));
    return target !== undefined && isObjectSchema(target, definitions, depth + 1);
  }
  const type = schema['type'];
  return type === 'object' || (Array.isArray(type) && type.length === 1 && type[0] === 'object');
}

function parameterSuffix(parameter: FlaskParameter): string {
  return parameter.pythonName.replace(/_$/, '');
}
