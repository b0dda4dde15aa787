import type { JsonSchema } from './schema-object.js';

const FORMAT_SAMPLES: Record<string, string> = {
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  date: '2026-01-31',
  'date-time': '2026-01-31T12:00:00Z',
  email: 'user@example.org',
  uri: 'https://example.org/',
  'uri-reference': '/example',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  hostname: 'example.org',
};

/**
 * Builds a value that satisfies a converted schema, for the generated contract tests. Returns
 * undefined when no simple value is known to (a `pattern` without an example, `not`).
 */
export function sampleValue(
  schema: JsonSchema,
  definitions: ReadonlyMap<string, JsonSchema>,
  depth = 0,
): { value: unknown } | undefined {
  if (depth > 12) return undefined;
  if (schema === true) return { value: 'sample' };
  if (schema === false) return undefined;
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const target = definitions.get(ref.replace('#/$defs/', ''));
    return target === undefined ? undefined : sampleValue(target, definitions, depth + 1);
  }
  for (const key of ['const', 'default'] as const) {
    if (schema[key] !== undefined) return { value: schema[key] };
  }
  if (Array.isArray(schema['examples']) && schema['examples'].length > 0) {
    return { value: schema['examples'][0] };
  }
  if (Array.isArray(schema['enum'])) {
    const first = schema['enum'].find((item) => item !== null);
    return first === undefined ? undefined : { value: first };
  }
  if (schema['not'] !== undefined || schema['if'] !== undefined) return undefined;
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const options = schema[keyword];
    if (Array.isArray(options)) {
      // A oneOf sample must match exactly one branch, which only a single branch guarantees.
      return keyword === 'anyOf' || options.length === 1
        ? sampleValue(options[0] as JsonSchema, definitions, depth + 1)
        : undefined;
    }
  }
  if (Array.isArray(schema['allOf'])) return undefined;
  const types = Array.isArray(schema['type']) ? schema['type'] : [schema['type']];
  if (types.includes('object') || schema['properties'] !== undefined) {
    return sampleObject(schema, definitions, depth);
  }
  if (types.includes('array')) {
    const count = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0;
    if (count === 0) return { value: [] };
    const item = sampleValue((schema['items'] ?? true) as JsonSchema, definitions, depth + 1);
    if (!item || schema['uniqueItems'] === true) return undefined;
    return { value: Array.from({ length: count }, () => item.value) };
  }
  if (types.includes('integer') || types.includes('number')) return sampleNumber(schema);
  if (types.includes('boolean')) return { value: true };
  if (types.includes('string')) return sampleString(schema);
  if (types.includes('null')) return { value: null };
  return undefined;
}

function sampleObject(
  schema: Record<string, unknown>,
  definitions: ReadonlyMap<string, JsonSchema>,
  depth: number,
): { value: unknown } | undefined {
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
  const value: Record<string, unknown> = {};
  const closed = schema['additionalProperties'] === false;
  for (const name of required) {
    // A required name that a closed object does not list can never validate.
    if (closed && properties[name] === undefined) return undefined;
    const sample = sampleValue(properties[name] ?? true, definitions, depth + 1);
    if (!sample) return undefined;
    value[name] = sample.value;
  }
  const minimum = schema['minProperties'];
  if (typeof minimum === 'number' && Object.keys(value).length < minimum) return undefined;
  return { value };
}

function sampleNumber(schema: Record<string, unknown>): { value: unknown } | undefined {
  const minimum = schema['minimum'];
  const exclusive = schema['exclusiveMinimum'];
  const maximum = schema['maximum'];
  let value = 1;
  if (typeof minimum === 'number') value = Math.max(value, Math.ceil(minimum));
  if (typeof exclusive === 'number') value = Math.max(value, Math.floor(exclusive) + 1);
  if (typeof maximum === 'number' && value > maximum) value = Math.floor(maximum);
  if (schema['multipleOf'] !== undefined) return undefined;
  return { value };
}

function sampleString(schema: Record<string, unknown>): { value: unknown } | undefined {
  const format = typeof schema['format'] === 'string' ? schema['format'] : '';
  if (schema['pattern'] !== undefined) return undefined;
  let value = FORMAT_SAMPLES[format] ?? 'sample';
  const minLength = schema['minLength'];
  const maxLength = schema['maxLength'];
  if (typeof minLength === 'number' && value.length < minLength) {
    if (FORMAT_SAMPLES[format] !== undefined) return undefined;
    value = value.padEnd(minLength, 'x');
  }
  if (typeof maxLength === 'number' && value.length > maxLength) {
    if (FORMAT_SAMPLES[format] !== undefined) return undefined;
    value = value.slice(0, maxLength);
  }
  return { value };
}
