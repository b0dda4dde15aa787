import {
  asRecord,
  isRef,
  type OpenApiVersion,
  type SourceFile,
  type SpecDocument,
  type SpecNode,
} from '@specgate/core';

/** A JSON Schema 2020-12 value as the generated Python validates it. */
export type JsonSchema = Record<string, unknown> | boolean;

/** Keywords whose value is one subschema. */
const SCHEMA_KEYWORDS = new Set([
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
]);
/** Keywords whose value is a list of subschemas. */
const SCHEMA_LIST_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Keywords whose value maps names to subschemas. */
const SCHEMA_MAP_KEYWORDS = new Set([
  'properties',
  'patternProperties',
  'dependentSchemas',
  '$defs',
  'definitions',
]);
/**
 * OpenAPI-only or document-level keywords that are dropped: annotations the validator does
 * not need, and `$id`/`$schema`, which would change how the `#/$defs/...` refs resolve.
 */
const DROPPED_KEYWORDS = new Set([
  'discriminator',
  'example',
  'xml',
  'externalDocs',
  'nullable',
  'x-nullable',
  '$id',
  '$schema',
  '$anchor',
  '$dynamicAnchor',
  '$comment',
]);
/** Schema keywords of a Swagger 2.0 parameter object, which also holds `name`, `in` and a boolean `required`. */
const SWAGGER2_PARAMETER_KEYWORDS = [
  'type',
  'format',
  'items',
  'enum',
  'default',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'multipleOf',
  'x-nullable',
];

/**
 * Converts OpenAPI schema objects (2.0, 3.0 or 3.1) into JSON Schema 2020-12 for Python's
 * jsonschema. Every `$ref`, local or into another file, becomes `#/$defs/<name>`; the
 * definitions it collects are emitted once and placed at the root of every validator.
 */
export class SchemaConverter {
  /** Converted definitions by their `$defs` name, in the order they were first reached. */
  readonly definitions = new Map<string, JsonSchema>();
  private readonly namesByTarget = new Map<string, string>();
  private readonly usedNames = new Set<string>();
  private readonly version: OpenApiVersion;

  constructor(private readonly document: SpecDocument) {
    this.version = document.version;
  }

  /** Converts the schema at a node; a null node means "any value". */
  convert(node: SpecNode | null): JsonSchema {
    if (!node) return true;
    return this.convertValue(node.value, node.file, node.pointer);
  }

  /** Follows `#/$defs/...` references among the collected definitions. */
  resolve(schema: JsonSchema): JsonSchema {
    let current = schema;
    for (let depth = 0; depth < 32 && typeof current !== 'boolean'; depth += 1) {
      const ref = current['$ref'];
      if (typeof ref !== 'string') break;
      current = this.definitions.get(ref.replace('#/$defs/', '')) ?? true;
    }
    return current;
  }

  /** Converts the schema keywords of a Swagger 2.0 parameter or header object. */
  convertSwagger2Parameter(node: SpecNode): JsonSchema {
    const record = asRecord(node.value) ?? {};
    const picked: Record<string, unknown> = {};
    for (const key of SWAGGER2_PARAMETER_KEYWORDS) {
      if (record[key] !== undefined) picked[key] = record[key];
    }
    if (picked['type'] === 'file') delete picked['type'];
    return this.convertValue(picked, node.file, node.pointer);
  }

  private convertValue(value: unknown, file: SourceFile, pointer: string): JsonSchema {
    if (typeof value === 'boolean') return value;
    const record = asRecord(value);
    if (!record) return true;
    if (isRef(record)) return this.convertRef(record, file, pointer);
    const schema: Record<string, unknown> = {};
    for (const [key, keywordValue] of Object.entries(record)) {
      if (DROPPED_KEYWORDS.has(key) || key.startsWith('x-')) continue;
      const converted = this.convertKeyword(key, keywordValue, file, `${pointer}/${key}`);
      // A list under `items` is a draft-4 tuple, which 2020-12 spells `prefixItems`.
      if (key === 'items' && Array.isArray(converted)) schema['prefixItems'] = converted;
      else if (converted !== undefined) schema[key] = converted;
    }
    if (schema['type'] === 'file') delete schema['type'];
    if (this.version !== '3.1') this.applyDraft4Rules(record, schema);
    return schema;
  }

  private convertKeyword(key: string, value: unknown, file: SourceFile, pointer: string): unknown {
    if (SCHEMA_KEYWORDS.has(key)) return this.convertValue(value, file, pointer);
    if (key === 'items' && !Array.isArray(value)) return this.convertValue(value, file, pointer);
    if ((SCHEMA_LIST_KEYWORDS.has(key) || key === 'items') && Array.isArray(value)) {
      return value.map((item, index) => this.convertValue(item, file, `${pointer}/${index}`));
    }
    if (SCHEMA_MAP_KEYWORDS.has(key)) {
      const entries = Object.entries(asRecord(value) ?? {});
      return Object.fromEntries(
        entries.map(([name, item]) => [name, this.convertValue(item, file, `${pointer}/${name}`)]),
      );
    }
    if (key === 'required' && !Array.isArray(value)) return undefined;
    return value;
  }

  /** OpenAPI 3.0 and Swagger 2.0 schemas follow draft 4 in `nullable` and exclusive bounds. */
  private applyDraft4Rules(source: Record<string, unknown>, schema: Record<string, unknown>): void {
    for (const [flag, bound] of [
      ['exclusiveMinimum', 'minimum'],
      ['exclusiveMaximum', 'maximum'],
    ] as const) {
      if (typeof schema[flag] !== 'boolean') continue;
      if (schema[flag] === true && typeof schema[bound] === 'number') {
        schema[flag] = schema[bound];
        delete schema[bound];
      } else {
        delete schema[flag];
      }
    }
    if (source['nullable'] === true || source['x-nullable'] === true) makeNullable(schema);
  }

  private convertRef(record: { $ref: string }, file: SourceFile, pointer: string): JsonSchema {
    let target;
    try {
      target = this.document.resolveRef(record.$ref, file);
    } catch {
      // Unresolvable refs were reported when the spec loaded; this one accepts any value.
      return true;
    }
    const key = `${target.file.path}#${target.pointer}`;
    let name = this.namesByTarget.get(key);
    if (name === undefined) {
      name = this.reserveName(target.pointer, target.file.path);
      this.namesByTarget.set(key, name);
      this.definitions.set(name, true);
      this.definitions.set(name, this.convertValue(target.value, target.file, target.pointer));
    }
    const reference: Record<string, unknown> = { $ref: `#/$defs/${name}` };
    // A 3.1 `$ref` may have sibling keywords; in 3.0 and 2.0 they are ignored, except
    // readOnly and writeOnly, which specs often set beside a ref and the runtime reads.
    if (this.version !== '3.1') {
      for (const flag of ['readOnly', 'writeOnly'] as const) {
        if ((record as Record<string, unknown>)[flag] === true) reference[flag] = true;
      }
      return reference;
    }
    const siblings = Object.keys(record).filter((key) => key !== '$ref');
    if (siblings.length === 0) return reference;
    const rest = Object.fromEntries(siblings.map((key) => [key, (record as never)[key]]));
    const converted = this.convertValue(rest, file, pointer);
    return typeof converted === 'boolean' ? reference : { ...converted, ...reference };
  }

  private reserveName(pointer: string, filePath: string): string {
    const segments = pointer.split('/').filter((segment) => segment !== '');
    const last = segments.at(-1) ?? filePath.replace(/^.*\/|\.[^.]*$/g, '');
    const base = decodeSegment(last).replace(/[^A-Za-z0-9_.-]/g, '_') || 'schema';
    let name = base;
    for (let suffix = 2; this.usedNames.has(name); suffix += 1) name = `${base}_${suffix}`;
    this.usedNames.add(name);
    return name;
  }
}

function decodeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Lets a 3.0 `nullable` schema accept null. */
function makeNullable(schema: Record<string, unknown>): void {
  const type = schema['type'];
  if (typeof type === 'string') schema['type'] = [type, 'null'];
  else if (Array.isArray(type) && !type.includes('null')) schema['type'] = [...type, 'null'];
  if (Array.isArray(schema['enum']) && !schema['enum'].includes(null)) {
    schema['enum'] = [...schema['enum'], null];
  }
  for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) {
    if (type === undefined && Array.isArray(schema[keyword])) {
      // `nullable` next to a composition allows null as well as the composition.
      const composed = { [keyword]: schema[keyword] };
      delete schema[keyword];
      schema['anyOf'] = [{ type: 'null' }, composed];
      return;
    }
  }
}
