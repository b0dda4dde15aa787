"""Request validation and handler dispatch for the generated Flask API.

Each route calls `operation_view`, which validates path, query, header and cookie
parameters (400) and the request body (415 for an undeclared content type, 400 for
malformed JSON, 422 for a schema failure), calls the handler, and responds with 501 when the
handler is missing or raises NotImplementedError. Request bodies may leave out readOnly
properties, and any the client sends are removed before the handler gets the body. Responses
may leave out writeOnly properties, and those they contain are not validated. Every error is
application/problem+json with an `errors` list of {in, name, path, message}. Works with Flask >= 2.2 and
jsonschema >= 4.10.
"""

import json
import re
import uuid

from flask import Response, current_app, jsonify, request
from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import ValidationError

PROBLEM_JSON = "application/problem+json"


def _pattern(validator, pattern, instance, schema):
    if not validator.is_type(instance, "string"):
        return
    try:
        matched = re.search(pattern, instance)
    except re.error:
        # An ECMA-262 pattern that Python's re cannot compile is not checked.
        return
    if matched is None:
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = validators.extend(Draft202012Validator, {"pattern": _pattern})
_FORMATS = FormatChecker()

# The flag of the properties each kind of check skips. A readOnly property may be left out of
# a request body and a writeOnly one out of a response, even when `required` lists it.
_IGNORED_FLAG = {"request": "readOnly", "response": "writeOnly"}


class Api:
    """Operations and schema definitions loaded from the generated data files."""

    def __init__(self, data):
        self.definitions = data["definitions"]
        self.operations = data["operations"]
        self._validators = {}
        self._classes = {None: _Validator}
        for kind, flag in _IGNORED_FLAG.items():
            self._classes[kind] = validators.extend(_Validator, self._ignoring(flag))

    def _ignoring(self, flag):
        """Returns `properties` and `required` keywords that skip properties marked with flag."""
        api = self

        def properties(validator, properties, instance, schema):
            if not validator.is_type(instance, "object"):
                return
            for name, subschema in properties.items():
                if name in instance and not api.has_flag(subschema, flag):
                    yield from validator.descend(
                        instance[name], subschema, path=name, schema_path=name
                    )

        def required(validator, required, instance, schema):
            if not validator.is_type(instance, "object"):
                return
            for name in required:
                if name not in instance and not api.has_flag(api.property_schema(schema, name), flag):
                    yield ValidationError(f"{name!r} is a required property")

        return {"properties": properties, "required": required}

    def validator(self, schema, kind=None):
        key = (id(schema), kind)
        cached = self._validators.get(key)
        if cached is None:
            root = {"$defs": self.definitions, **schema} if isinstance(schema, dict) else schema
            cached = (schema, self._classes[kind](root, format_checker=_FORMATS))
            self._validators[key] = cached
        return cached[1]

    def resolve(self, schema):
        """Follows `#/$defs/...` references to the schema they name."""
        seen = 0
        while isinstance(schema, dict) and "$ref" in schema and seen < 32:
            schema = self.definitions.get(schema["$ref"].rsplit("/", 1)[-1], True)
            seen += 1
        return schema

    def has_flag(self, schema, flag, depth=0):
        """Tells whether a schema, a schema it references, or one of its allOf parts sets flag."""
        if not isinstance(schema, dict) or depth > 16:
            return False
        if schema.get(flag) is True:
            return True
        if "$ref" in schema:
            target = self.definitions.get(schema["$ref"].rsplit("/", 1)[-1])
            if self.has_flag(target, flag, depth + 1):
                return True
        return any(self.has_flag(part, flag, depth + 1) for part in schema.get("allOf", ()))

    def property_schema(self, schema, name, depth=0):
        """Finds the schema of a property in schema's `properties` or in those of its allOf parts."""
        schema = self.resolve(schema)
        if not isinstance(schema, dict) or depth > 16:
            return None
        found = schema.get("properties", {}).get(name)
        if found is not None:
            return found
        for part in schema.get("allOf", ()):
            found = self.property_schema(part, name, depth + 1)
            if found is not None:
                return found
        return None

    def strip_read_only(self, schema, value, depth=0):
        """Removes the readOnly properties a client sent from a validated request body."""
        schema = self.resolve(schema)
        if not isinstance(schema, dict) or depth > 64:
            return
        for part in schema.get("allOf", ()):
            self.strip_read_only(part, value, depth + 1)
        for keyword in ("anyOf", "oneOf"):
            parts = schema.get(keyword, ())
            matching = [part for part in parts if self.validator(part, "request").is_valid(value)]
            for part in matching:
                self.strip_read_only(part, value, depth + 1)
        if isinstance(value, list):
            items = schema.get("items")
            for item in value if items is not None else ():
                self.strip_read_only(items, item, depth + 1)
            return
        if not isinstance(value, dict):
            return
        declared = schema.get("properties", {})
        for name in list(value):
            subschema = declared.get(name, schema.get("additionalProperties"))
            if name in declared and self.has_flag(subschema, "readOnly"):
                del value[name]
            elif subschema is not None:
                self.strip_read_only(subschema, value[name], depth + 1)

    def check(self, schema, value, location, name=None):
        """Validates a value and returns its violations as problem+json error items."""
        if schema is True:
            return []
        kind = {"body": "request", "response": "response"}.get(location)
        try:
            found = list(self.validator(schema, kind).iter_errors(value))
        except re.error:
            current_app.logger.warning("skipped a pattern Python cannot compile in %s", location)
            return []
        found.sort(key=lambda error: ([str(part) for part in error.absolute_path], error.message))
        items = []
        for error in found:
            item = {"in": location, "path": _pointer(error.absolute_path), "message": error.message}
            if name is not None:
                item["name"] = name
            items.append(item)
        return items


def _pointer(parts):
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def problem(status, title, detail, errors=None, headers=None):
    """Builds an application/problem+json response."""
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    if errors:
        body["errors"] = errors
    response = current_app.response_class(json.dumps(body), status=status, mimetype=PROBLEM_JSON)
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def not_implemented(operation):
    return problem(
        501,
        "Not Implemented",
        f"Operation {operation['operationId']} has no handler yet: implement "
        f"{operation['handler']} in handlers/{operation['tag']}.py.",
    )


def operation_view(api, operation, handlers):
    """Returns the Flask view function of one operation."""

    def view(**path_values):
        return _dispatch(api, operation, handlers, path_values)

    view.__name__ = operation["handler"]
    view.__doc__ = f"{operation['method']} {operation['path']} ({operation['operationId']})"
    return view


def _dispatch(api, operation, handlers, path_values):
    arguments, errors = _read_parameters(api, operation, path_values)
    if errors:
        return problem(400, "Bad Request", "The request parameters are invalid.", errors)
    if operation["body"] is not None:
        outcome = _read_body(api, operation["body"])
        if isinstance(outcome, Response):
            return outcome
        arguments["body"] = outcome
    handler = getattr(handlers, operation["handler"], None)
    if handler is None:
        return not_implemented(operation)
    try:
        result = handler(**arguments)
    except NotImplementedError:
        return not_implemented(operation)
    response = _to_response(result, operation["defaultStatus"])
    if current_app.config.get("OPENAPI_VALIDATE_RESPONSES"):
        return _check_response(api, operation, response)
    return response


def _read_parameters(api, operation, path_values):
    arguments = {}
    groups = {}
    errors = []
    for parameter in operation["parameters"]:
        location = parameter["in"]
        schema = parameter["schema"]
        if location == "path":
            raw = path_values.get(parameter["pythonName"])
            if isinstance(raw, str):
                raw = _read_path(api, parameter, raw)
            value = str(raw) if isinstance(raw, uuid.UUID) else raw
            errors += api.check(schema, value, "path", parameter["name"])
            arguments[parameter["pythonName"]] = raw
            continue
        claimed = {
            other["name"]
            for other in operation["parameters"]
            if other["in"] == location and other is not parameter
        }
        present, value = _read_raw(api, parameter, claimed)
        group = groups.setdefault(location, {})
        if not present:
            if parameter["required"]:
                errors.append(
                    {"in": location, "name": parameter["name"], "path": "", "message": "is required"}
                )
            else:
                default = api.resolve(schema)
                if isinstance(default, dict) and "default" in default:
                    group[parameter["name"]] = default["default"]
            continue
        errors += api.check(schema, value, location, parameter["name"])
        group[parameter["name"]] = value
    for location, keyword in (("query", "query"), ("header", "headers"), ("cookie", "cookies")):
        if any(parameter["in"] == location for parameter in operation["parameters"]):
            arguments[keyword] = groups.get(location, {})
    return arguments, errors


def _read_raw(api, parameter, claimed):
    """Reads one query, header or cookie value and converts it to the schema's types.

    claimed contains the names of the operation's other parameters in the same location, which an
    exploded form object with additionalProperties must leave to them.
    """
    location = parameter["in"]
    name = parameter["name"]
    source = {"query": request.args, "header": request.headers, "cookie": request.cookies}.get(
        location
    )
    if source is None:
        return False, None
    schema = api.resolve(parameter["schema"])
    style = parameter["style"]
    if location == "query" and style == "deepObject" and not parameter["json"]:
        return _read_deep_object(api, source, name, schema)
    target = _object_schema(api, schema)
    if location == "query" and style == "form" and parameter["explode"] and target is not None:
        if not parameter["json"]:
            return _read_form_object(api, source, target, claimed)
    if name not in source:
        return False, None
    if parameter["json"]:
        try:
            return True, json.loads(source.get(name))
        except ValueError:
            return True, source.get(name)
    separator = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(style, ",")
    if _types(api, schema) == {"array"}:
        if location == "query" and parameter["explode"] and style != "deepObject":
            raw_items = source.getlist(name)
        else:
            raw_items = source.get(name).split(separator)
        return True, _convert_all(api, raw_items, schema)
    if target is not None:
        # Header objects (style simple) spell an exploded pair as key=value.
        exploded = location == "header" and parameter["explode"]
        return True, _read_pairs(api, source.get(name), separator, target, exploded)
    return True, _convert(source.get(name), _types(api, schema))


def _read_path(api, parameter, text):
    """Reads a path value by its style: simple (`a,b`), label (`.a.b`) or matrix (`;id=a,b`).

    Arrays are split and objects are read as pairs. A value without the style's prefix is
    read as simple, so validation reports what does not fit.
    """
    schema = api.resolve(parameter["schema"])
    style = parameter.get("style") or "simple"
    explode = bool(parameter.get("explode"))
    separator = ","
    if style == "label" and text.startswith("."):
        text = text[1:]
        separator = "." if explode else ","
    elif style == "matrix" and text.startswith(";"):
        text = text[1:]
        key = parameter["name"] + "="
        if explode and _types(api, schema) == {"array"}:
            # `;id=3;id=4` repeats the name before each item.
            items = [part[len(key):] if part.startswith(key) else part for part in text.split(";")]
            return _convert_all(api, items, schema)
        if explode and _object_schema(api, schema) is not None:
            return _read_pairs(api, text, ";", _object_schema(api, schema), True)
        if text.startswith(key):
            text = text[len(key):]
    if _types(api, schema) == {"array"}:
        return _convert_all(api, text.split(separator) if text else [], schema)
    target = _object_schema(api, schema)
    if target is not None:
        return _read_pairs(api, text, separator, target, explode)
    return _convert(text, _types(api, schema))


_BRACKETED = re.compile(r"\[([^\[\]]*)\]")


def _read_deep_object(api, source, name, schema):
    """Reads `name[field]=value` keys (style deepObject) into a dict, nested brackets included.

    A trailing `[]` or `[<index>]` appends to a list, as in `expand[]=a&expand[]=b`. A plain
    `name=value` is read as one value when no bracketed key is present.
    """
    tree = {}
    found = False
    for key in source.keys():
        if not key.startswith(name + "["):
            continue
        rest = key[len(name):]
        segments = _BRACKETED.findall(rest)
        if "".join(f"[{segment}]" for segment in segments) != rest:
            continue
        if segments and (segments[-1] == "" or segments[-1].isdigit()):
            segments = segments[:-1]
        found = True
        if not segments:
            tree.setdefault("", []).extend(source.getlist(key))
            continue
        node = tree
        for segment in segments[:-1]:
            child = node.get(segment)
            if not isinstance(child, dict):
                child = node[segment] = {}
            node = child
        leaf = node.get(segments[-1])
        if not isinstance(leaf, list):
            leaf = node[segments[-1]] = []
        leaf.extend(source.getlist(key))
    if not found:
        if name not in source:
            return False, None
        return True, _convert_all(api, source.getlist(name), schema)
    if list(tree) == [""]:
        return True, _convert_all(api, tree[""], schema)
    tree.pop("", None)
    return True, _convert_tree(api, tree, schema)


def _read_form_object(api, source, target, claimed):
    """Reads an exploded form object, whose properties arrive as separate query keys."""
    properties = _properties_of(api, target)
    extra = target.get("additionalProperties")
    value = {}
    for key in source.keys():
        if key in properties:
            field = properties[key]
        elif extra is not None and extra is not False and key not in claimed:
            field = extra
        else:
            continue
        value[key] = _convert_all(api, source.getlist(key), field)
    return bool(value), value


def _read_pairs(api, text, separator, target, exploded):
    """Reads an object serialised as `k1,v1,k2,v2` (or `k1=v1,k2=v2` when exploded)."""
    parts = text.split(separator)
    if exploded:
        pairs = [part.partition("=")[::2] for part in parts]
    elif len(parts) % 2 == 0:
        pairs = list(zip(parts[0::2], parts[1::2]))
    else:
        # An odd count cannot be key/value pairs; validation reports the string.
        return text
    return _convert_tree(api, {key: [item] for key, item in pairs}, target)


def _convert_tree(api, tree, schema):
    """Converts a dict of raw string lists to the types of the object schema's properties."""
    target = _object_schema(api, schema) or {}
    properties = _properties_of(api, target)
    extra = target.get("additionalProperties")
    value = {}
    for key, raw in tree.items():
        field = properties.get(key, extra if isinstance(extra, dict) else True)
        if isinstance(raw, dict):
            value[key] = _convert_tree(api, raw, field)
        else:
            value[key] = _convert_all(api, raw, field)
    return value


def _convert_all(api, texts, schema):
    """Converts repeated raw values: a list for array schemas, else the single value."""
    schema = api.resolve(schema)
    if "array" in _types(api, schema) or len(texts) != 1:
        items = api.resolve(schema.get("items", True)) if isinstance(schema, dict) else True
        return [_convert(text, _types(api, items)) for text in texts]
    return _convert(texts[0], _types(api, schema))


def _object_schema(api, schema):
    """Returns the object schema a parameter's value takes, looking into anyOf and oneOf."""
    schema = api.resolve(schema)
    if not isinstance(schema, dict):
        return None
    if "object" in _types(None, schema) or "properties" in schema:
        return schema
    for keyword in ("allOf", "anyOf", "oneOf"):
        for part in schema.get(keyword, ()):
            found = _object_schema(api, part)
            if found is not None:
                return found
    return None


def _properties_of(api, schema, depth=0):
    """Collects the properties of an object schema and of its allOf parts."""
    schema = api.resolve(schema)
    if not isinstance(schema, dict) or depth > 16:
        return {}
    properties = {}
    for part in schema.get("allOf", ()):
        properties.update(_properties_of(api, part, depth + 1))
    properties.update(schema.get("properties", {}))
    return properties


def _types(api, schema, depth=0):
    """Collects the JSON types a schema allows, including those of its anyOf and oneOf branches."""
    if api is not None:
        schema = api.resolve(schema)
    if not isinstance(schema, dict) or depth > 8:
        return set()
    declared = schema.get("type")
    if isinstance(declared, list):
        types = set(declared)
    else:
        types = {declared} if isinstance(declared, str) else set()
    if api is not None:
        for keyword in ("anyOf", "oneOf"):
            for part in schema.get(keyword, ()):
                types |= _types(api, part, depth + 1)
    return types


def _convert(text, types):
    if "integer" in types and re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    if "number" in types:
        try:
            return float(text) if not re.fullmatch(r"[+-]?\d+", text) else int(text)
        except ValueError:
            pass
    if "boolean" in types and text in ("true", "false"):
        return text == "true"
    if "null" in types and "string" not in types and text == "null":
        return None
    return text


def _is_json(media_type):
    return media_type == "application/json" or media_type.endswith("+json")


def _match_media(mimetype, content):
    if mimetype in content:
        return mimetype
    major = mimetype.split("/", 1)[0]
    for candidate in (f"{major}/*", "*/*"):
        if candidate in content:
            return candidate
    return None


def _read_body(api, body):
    """Returns the body value the handler gets, or an error response."""
    raw = request.get_data(cache=True)
    if not raw:
        if body["required"]:
            return problem(
                400,
                "Bad Request",
                "A request body is required.",
                [{"in": "body", "path": "", "message": "is required"}],
            )
        return None
    mimetype = (request.mimetype or "").lower()
    declared = {key.lower(): value for key, value in body["content"].items()}
    media = _match_media(mimetype, declared)
    if media is None:
        accepted = ", ".join(sorted(declared)) or "none"
        return problem(
            415,
            "Unsupported Media Type",
            f"Content type {mimetype or '(none)'} is not accepted; send one of: {accepted}.",
            [{"in": "header", "name": "Content-Type", "path": "", "message": f"must be one of: {accepted}"}],
        )
    schema = declared[media]
    if _is_json(mimetype):
        try:
            value = json.loads(raw)
        except ValueError as error:
            return problem(
                400,
                "Bad Request",
                "The request body is not valid JSON.",
                [{"in": "body", "path": "", "message": str(error)}],
            )
    elif mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        value = _form_values(api.resolve(schema))
        checked = {key: getattr(item, "filename", item) for key, item in value.items()}
        errors = api.check(schema, checked, "body")
        if errors:
            return problem(422, "Unprocessable Content", "The request body does not match the schema.", errors)
        api.strip_read_only(schema, value)
        return value
    else:
        # NOTE: bodies that are neither JSON nor forms reach the handler unvalidated.
        return raw
    errors = api.check(schema, value, "body")
    if errors:
        return problem(422, "Unprocessable Content", "The request body does not match the schema.", errors)
    api.strip_read_only(schema, value)
    return value


def _form_values(schema):
    properties = schema.get("properties", {}) if isinstance(schema, dict) else {}
    values = {}
    for key in request.form:
        items = request.form.getlist(key)
        field = properties.get(key, True)
        if _types(None, field) == {"array"}:
            values[key] = items
        else:
            values[key] = _convert(items[-1], _types(None, field))
    for key in request.files:
        values[key] = request.files[key]
    return values


def _to_response(result, default_status):
    if isinstance(result, Response):
        return result
    if isinstance(result, tuple):
        body, *rest = result
        if body is not None and not isinstance(body, (str, bytes, Response)):
            body = jsonify(body)
        if body is None:
            body = ""
        return current_app.make_response((body, *rest))
    if result is None:
        return current_app.response_class(status=default_status)
    if isinstance(result, (str, bytes)):
        return current_app.make_response((result, default_status))
    response = jsonify(result)
    response.status_code = default_status
    return response


def _check_response(api, operation, response):
    """Validates a handler's response against the spec; a mismatch becomes a 500."""
    status = str(response.status_code)
    responses = operation["responses"]
    # A declared status without content maps to {}, which must still count as declared.
    key = next((key for key in (status, status[0] + "XX", "default") if key in responses), None)
    declared = responses.get(key) if key is not None else None
    if declared is None:
        return problem(
            500,
            "Internal Server Error",
            f"The handler of {operation['operationId']} answered {status}, which the spec does not declare.",
            [{"in": "response", "path": "", "message": f"status {status} is not declared"}],
        )
    mimetype = (response.mimetype or "").lower()
    if not declared or not _is_json(mimetype):
        return response
    media = _match_media(mimetype, {key.lower(): value for key, value in declared.items()})
    if media is None:
        return problem(
            500,
            "Internal Server Error",
            f"The handler of {operation['operationId']} answered {mimetype}, which the spec does not declare for {status}.",
            [{"in": "response", "path": "", "message": f"content type {mimetype} is not declared"}],
        )
    schema = {key.lower(): value for key, value in declared.items()}[media]
    errors = api.check(schema, json.loads(response.get_data() or b"null"), "response")
    if errors:
        current_app.logger.error("response of %s does not match the spec: %s", operation["operationId"], errors)
        return problem(
            500,
            "Internal Server Error",
            f"The response of {operation['operationId']} does not match the spec.",
            errors,
        )
    return response


def handle_http_exception(error):
    """Turns routing and abort() errors (404, 405, ...) into problem+json, keeping their headers."""
    if error.response is not None:
        return error.response
    response = error.get_response()
    body = {"type": "about:blank", "title": error.name, "status": error.code, "detail": error.description}
    response.set_data(json.dumps(body))
    response.mimetype = PROBLEM_JSON
    return response


def handle_server_error(error):
    return problem(500, "Internal Server Error", "The server failed to handle the request.")


def lifecycle_hook(headers_by_endpoint):
    """Returns an after_request function that adds Deprecation and Sunset headers."""

    def add_headers(response):
        headers = headers_by_endpoint.get(request.endpoint)
        if headers:
            for key, value in headers.items():
                response.headers[key] = value
        return response

    return add_headers


def health_routes(app, paths):
    """Adds /healthz and /readyz unless the spec defines those paths itself."""
    if "/healthz" not in paths:
        app.add_url_rule("/healthz", "healthz", _healthy)
    if "/readyz" not in paths:
        app.add_url_rule("/readyz", "readyz", _ready)


def _healthy():
    return {"status": "ok"}


def _ready():
    check = current_app.config.get("READINESS_CHECK")
    if check is not None and not check():
        return problem(503, "Service Unavailable", "The service is not ready.")
    return {"status": "ready"}


__all__ = ["Api", "operation_view", "problem"]
