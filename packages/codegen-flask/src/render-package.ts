import type { FlaskOperation } from './operation-object.js';
import { generatedHeader, oneLine, pyLiteral, pyString } from './python-source.js';

/** What every renderer needs besides the operations. */
export interface RenderContext {
  packageName: string;
  specLabel: string;
  digest: string;
  title: string;
}

/** `_generated/__init__.py`: `register_api(app)` registers one Blueprint per tag. */
export function renderRegistry(
  operations: FlaskOperation[],
  tags: string[],
  context: RenderContext,
): string {
  const imports = tags.map((tag) => `from .blueprints import ${tag} as _routes_${tag}`);
  const lifecycle = operations
    .filter((operation) => Object.keys(operation.lifecycleHeaders).length > 0)
    .map(
      (operation) =>
        `    ${pyString(`${operation.tag}.${operation.handlerName}`)}: ${pyLiteral(operation.lifecycleHeaders)},`,
    );
  const paths = [...new Set(operations.map((operation) => operation.path))].sort();
  return `${generatedHeader(context.specLabel, context.digest)}"""Registers the ${oneLine(context.title)} API with a Flask app: one Blueprint per tag."""

import importlib
import json
import types
from pathlib import Path

from werkzeug.exceptions import HTTPException

from . import runtime
${imports.join('\n')}

_DATA = json.loads(Path(__file__).with_name("api.json").read_text(encoding="utf-8"))
OPERATIONS = _DATA["operations"]
TAGS = ${pyLiteral(tags)}
_ROUTES = {${tags.map((tag) => `${pyString(tag)}: _routes_${tag}`).join(', ')}}
_SPEC_PATHS = frozenset(${pyLiteral(paths)})
LIFECYCLE_HEADERS = {
${lifecycle.join('\n')}
}


def _handler_module(tag):
    name = f"{__package__.rpartition('.')[0]}.handlers.{tag}"
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name != name:
            raise
        return types.SimpleNamespace()


def register_api(app, handlers=None, url_prefix=None):
    """Registers every operation, the JSON error handlers and /healthz and /readyz on app.

    handlers maps a tag to the object holding its handler functions; by default each tag's
    functions come from handlers/<tag>.py. A missing function answers 501.
    """
    api = runtime.Api(_DATA)
    prefix = app.config.get("API_URL_PREFIX", "") if url_prefix is None else url_prefix
    for tag in TAGS:
        if handlers is None:
            tag_handlers = _handler_module(tag)
        else:
            tag_handlers = handlers.get(tag, types.SimpleNamespace())
        blueprint = _ROUTES[tag].register(api, tag_handlers)
        app.register_blueprint(blueprint, url_prefix=prefix or None)
    app.register_error_handler(HTTPException, runtime.handle_http_exception)
    app.register_error_handler(500, runtime.handle_server_error)
    app.after_request(runtime.lifecycle_hook(LIFECYCLE_HEADERS))
    runtime.health_routes(app, _SPEC_PATHS)
    return app
`;
}

/** `_generated/blueprints/<tag>.py`: builds a fresh Blueprint on each call. */
export function renderBlueprint(
  tag: string,
  operations: FlaskOperation[],
  context: RenderContext,
): string {
  const routes = operations.map((operation) => {
    const summary = operation.summary === '' ? '' : `: ${oneLine(operation.summary)}`;
    return `    # ${operation.method} ${oneLine(operation.path)} (${oneLine(operation.operationId)})${summary}
    blueprint.add_url_rule(
        ${pyString(operation.rule)},
        ${pyString(operation.handlerName)},
        operation_view(api, api.operations[${pyString(operation.operationId)}], handlers),
        methods=[${pyString(operation.method)}],
    )`;
  });
  return `${generatedHeader(context.specLabel, context.digest)}"""Routes of the ${pyString(operations[0]?.tagLabel ?? tag)} tag."""

from flask import Blueprint

from ..runtime import operation_view


def register(api, handlers):
    """Returns a new Blueprint with one route per operation of this tag."""
    blueprint = Blueprint(${pyString(tag)}, __name__)
${routes.join('\n')}
    return blueprint
`;
}

/** The keyword arguments a handler receives, in the order the scaffold lists them. */
export function handlerArguments(operation: FlaskOperation): string[] {
  const names = operation.parameters
    .filter((parameter) => parameter.in === 'path')
    .map((parameter) => parameter.pythonName);
  for (const [location, keyword] of [
    ['query', 'query'],
    ['header', 'headers'],
    ['cookie', 'cookies'],
  ] as const) {
    if (operation.parameters.some((parameter) => parameter.in === location)) names.push(keyword);
  }
  if (operation.body) names.push('body');
  return names;
}

/** A handler stub, as the scaffold writes it once. */
export function renderHandlerStub(operation: FlaskOperation): string {
  const argumentsList = handlerArguments(operation);
  const signature = argumentsList.length === 0 ? '' : `*, ${argumentsList.join(', ')}`;
  const summary = operation.summary === '' ? '' : `: ${oneLine(operation.summary)}`;
  return `def ${operation.handlerName}(${signature}):
    """${operation.method} ${oneLine(operation.path)} (${oneLine(operation.operationId)})${summary}"""
    raise NotImplementedError
`;
}

/** `handlers/<tag>.py`: created once with a stub per operation, never rewritten. */
export function renderHandlerModule(tagLabel: string, operations: FlaskOperation[]): string {
  return `"""Handlers of the ${pyString(tagLabel)} operations.

specgate generate flask created this file once and never rewrites it. Each function gets
its path parameters as keyword arguments, plus query, headers, cookies (dicts keyed by the
names in the spec) and body when the operation has them, all validated already. Return a
JSON value, a (body, status) or (body, status, headers) tuple, or a Flask Response.
A function that is missing or raises NotImplementedError answers 501.
"""


${operations.map(renderHandlerStub).join('\n\n')}`;
}

/** `<package>/__init__.py`: the app factory, created once. */
export function renderAppFactory(context: RenderContext): string {
  return `"""The ${oneLine(context.title)} Flask app. specgate created this file once; edit it freely."""

from flask import Flask

from ._generated import register_api


def create_app(config=None):
    """Creates a Flask app serving the API; config entries override the defaults."""
    app = Flask(__name__)
    app.config.update(OPENAPI_VALIDATE_RESPONSES=False, API_URL_PREFIX="")
    if config:
        app.config.update(config)
    register_api(app)
    return app
`;
}

export const HANDLERS_INIT = `"""Hand-written handlers, one module per tag. specgate never rewrites files here."""\n`;
