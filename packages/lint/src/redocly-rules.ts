/**
 * One-line descriptions, in specgate's words, of the Redocly built-in rules that the
 * `recommended` preset of @redocly/openapi-core 2.64.0 turns on for Swagger 2.0 and
 * OpenAPI 3.0 to 3.2. The rule catalogue shows them next to the specgate rules.
 */
export const REDOCLY_RULE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'info-license': '`info` has a `license`.',
  'info-license-strict': 'The license has a `url` or an `identifier`.',
  'no-ambiguous-paths': 'No two paths can match the same URL.',
  'no-duplicated-enum-values': 'Enum values are unique.',
  'no-duplicated-tag-names': 'Root tag names are unique.',
  'no-empty-servers': '`servers` is present and lists at least one server.',
  'no-enum-type-mismatch': 'Every enum value has the schema `type`.',
  'no-example-value-and-externalValue':
    'An Example Object sets `value` or `externalValue`, not both.',
  'no-identical-paths': 'No two paths differ only in path parameter names.',
  'no-illogical-composition-keywords':
    '`allOf`, `anyOf` and `oneOf` have more than one branch and no duplicate branches.',
  'no-invalid-media-type-examples':
    'Media type examples validate against their schema (the preset also rejects undeclared properties).',
  'no-invalid-parameter-examples': 'Parameter examples validate against the parameter schema.',
  'no-invalid-schema-examples':
    'Schema `example` and `examples` values validate against the schema.',
  'no-mixed-number-range-constraints':
    'A schema does not set both `minimum` and `exclusiveMinimum`, or both maximum forms (3.1 and later).',
  'no-path-trailing-slash': 'Paths do not end with `/`.',
  'no-required-schema-properties-undefined': 'Every name in `required` is a declared property.',
  'no-schema-type-mismatch':
    'Type-specific keywords match the schema type, e.g. `items` only on arrays.',
  'no-server-example.com': 'Server URLs do not point at example.com or localhost.',
  'no-server-trailing-slash': 'Server URLs do not end with `/`.',
  'no-server-variables-empty-enum': 'A server variable `enum` is not empty.',
  'no-undefined-server-variable': 'Every `{variable}` in a server URL is declared.',
  'no-unresolved-refs': 'Every `$ref` resolves.',
  'no-unsafe-markdown': 'Descriptions contain no script tags or other unsafe HTML.',
  'no-unused-components': 'Every component is referenced somewhere.',
  'nullable-type-sibling': '`nullable` has a `type` next to it (OpenAPI 3.0).',
  'operation-2xx-response': 'Every operation has a 2XX response.',
  'operation-4xx-response': 'Every operation has a 4XX response.',
  'operation-operationId': 'Every operation has an `operationId`.',
  'operation-operationId-unique': 'Operation ids are unique.',
  'operation-operationId-url-safe': 'Operation ids use only URL-safe characters.',
  'operation-parameters-unique': 'An operation declares each parameter (name and location) once.',
  'operation-summary': 'Every operation has a `summary`.',
  'path-declaration-must-exist': 'Path templates contain no empty `{}`.',
  'path-not-include-query': 'Paths contain no query string.',
  'path-parameters-defined':
    'Every `{parameter}` in a path is defined as a path parameter, and the reverse.',
  'security-defined':
    'Every operation has security, its own or the root one, and names only declared schemes.',
  'security-scopes-defined':
    'OAuth scopes used in security requirements are declared by the scheme.',
  'spec-components-invalid-map-name': 'Component names use only letters, digits, `.`, `-` and `_`.',
  'spec-discriminator-defaultMapping':
    'A discriminator on an optional property has a `defaultMapping` to an existing schema (3.2).',
  'spec-example-values':
    'An Example Object does not combine fields the specification forbids together.',
  'spec-no-invalid-encoding-combinations':
    '`encoding` is not combined with `prefixEncoding` or `itemEncoding` (3.2).',
  'spec-no-invalid-tag-parents': 'Tag parents exist and form no cycle (3.2).',
  'spec-querystring-parameters':
    'At most one `in: querystring` parameter, never next to `in: query` parameters (3.2).',
  'spec-ref-siblings': 'Keys next to `$ref` appear only where the OpenAPI version allows them.',
  struct: 'The document has the shape the OpenAPI specification defines.',
  'tag-description': 'Root tags have a description.',
};
