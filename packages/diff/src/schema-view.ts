import { asRecord, child, deref, keysOf, type SpecDocument, type SpecNode } from '@specgate/core';

/** A numeric bound with its exclusiveness, from either the 3.0 or the 3.1 form. */
export interface Bound {
  value: number;
  exclusive: boolean;
}

/**
 * A schema in the form the comparison reads: references followed, `allOf` members merged,
 * nullability from every form it can take (3.0 `nullable`, 2.0 `x-nullable`, 3.1
 * type arrays, a `null` branch of `oneOf`/`anyOf`) folded into one flag.
 */
export interface SchemaView {
  node: SpecNode;
  /** Identity of the underlying node, for memoising and cycle detection. */
  key: string;
  /** Allowed JSON types without `null`; null means any type. */
  types: Set<string> | null;
  nullable: boolean;
  format: string | undefined;
  enum: unknown[] | undefined;
  properties: Map<string, SpecNode>;
  required: Set<string>;
  /** true, false, or the schema of extra properties. */
  additionalProperties: boolean | SpecNode;
  items: SpecNode | null;
  oneOf: SpecNode[];
  anyOf: SpecNode[];
  maximum: Bound | undefined;
  minimum: Bound | undefined;
  maxLength: number | undefined;
  minLength: number | undefined;
  maxItems: number | undefined;
  minItems: number | undefined;
  maxProperties: number | undefined;
  minProperties: number | undefined;
  multipleOf: number | undefined;
  uniqueItems: boolean;
  pattern: string | undefined;
  readOnly: boolean;
  writeOnly: boolean;
  discriminator: string | undefined;
  /** Discriminator values mapped to schema references. */
  discriminatorMapping: Record<string, string> | undefined;
  /** Values of `x-extensible-enum`: known values a client must expect more of. */
  extensibleEnum: unknown[] | undefined;
  default: unknown;
}

/** Builds the view of a schema node; `allOf` members are merged into it. */
export function viewSchema(document: SpecDocument, node: SpecNode): SchemaView {
  const resolved = deref(document, node);
  const view = emptyView(resolved);
  mergeInto(view, document, resolved, new Set());
  return view;
}

function emptyView(node: SpecNode): SchemaView {
  return {
    node,
    key: `${node.file.path}#${node.pointer}`,
    types: null,
    nullable: false,
    format: undefined,
    enum: undefined,
    properties: new Map(),
    required: new Set(),
    additionalProperties: true,
    items: null,
    oneOf: [],
    anyOf: [],
    maximum: undefined,
    minimum: undefined,
    maxLength: undefined,
    minLength: undefined,
    maxItems: undefined,
    minItems: undefined,
    maxProperties: undefined,
    minProperties: undefined,
    multipleOf: undefined,
    uniqueItems: false,
    pattern: undefined,
    readOnly: false,
    writeOnly: false,
    discriminator: undefined,
    discriminatorMapping: undefined,
    extensibleEnum: undefined,
    default: undefined,
  };
}

/**
 * Joins the schemas that two `allOf` parts give one property into a node that reads as their
 * `allOf`, so a keyword from either part (a type from one, an enum from the other) counts.
 * Each part keeps its own file and pointer. The joined node has a pointer of its own, so that
 * comparisons of a part alone stay apart from it.
 */
function bothParts(earlier: SpecNode, later: SpecNode): SpecNode {
  const list = earlier.children?.['allOf'];
  const parts = list ? [...Object.values(list.children ?? {}), later] : [earlier, later];
  const first = parts[0] as SpecNode;
  // The later part usually refines the property (an enum, a bound), so a finding is shown
  // there: a pointer below it that no file has resolves to it.
  const pointer = `${later.pointer}/allOf`;
  const values = parts.map((part) => part.value);
  const children = Object.fromEntries(parts.map((part, index) => [String(index), part]));
  return {
    value: { allOf: values },
    file: later.file,
    pointer,
    children: { allOf: { value: values, file: first.file, pointer, children } },
  };
}

function mergeInto(
  view: SchemaView,
  document: SpecDocument,
  node: SpecNode,
  seen: Set<string>,
): void {
  const key = `${node.file.path}#${node.pointer}`;
  if (seen.has(key)) return;
  seen.add(key);
  const schema = asRecord(node.value);
  if (!schema) return;
  mergeTypes(view, schema, document.version);
  mergeKeywords(view, schema);
  for (const name of keysOf(child(node, 'properties'))) {
    const property = child(child(node, 'properties') as SpecNode, name) as SpecNode;
    const earlier = view.properties.get(name);
    view.properties.set(name, earlier ? bothParts(earlier, property) : property);
  }
  if (Array.isArray(schema['required'])) {
    for (const name of schema['required']) view.required.add(String(name));
  }
  const additional = schema['additionalProperties'];
  if (additional === false) view.additionalProperties = false;
  else if (asRecord(additional))
    view.additionalProperties = child(node, 'additionalProperties') as SpecNode;
  view.items ??= child(node, 'items');
  mergeComposition(view, document, node, 'oneOf', seen);
  mergeComposition(view, document, node, 'anyOf', seen);
  const allOf = child(node, 'allOf');
  if (allOf && Array.isArray(allOf.value)) {
    allOf.value.forEach((_, index) => {
      mergeInto(view, document, deref(document, child(allOf, index) as SpecNode), seen);
    });
  }
}

function mergeTypes(view: SchemaView, schema: Record<string, unknown>, version: string): void {
  const type = schema['type'];
  const listed = Array.isArray(type) ? type.map(String) : typeof type === 'string' ? [type] : null;
  if (listed) {
    if (listed.includes('null')) view.nullable = true;
    const types = new Set(listed.filter((name) => name !== 'null'));
    // allOf members narrow each other: keep the types every member allows.
    view.types = view.types ? new Set([...view.types].filter((name) => types.has(name))) : types;
  }
  if (schema['nullable'] === true && version !== '3.1') view.nullable = true;
  if (schema['x-nullable'] === true) view.nullable = true;
  if ('const' in schema && schema['const'] === null) view.nullable = true;
  if (Array.isArray(schema['enum']) && schema['enum'].includes(null)) view.nullable = true;
}

function mergeKeywords(view: SchemaView, schema: Record<string, unknown>): void {
  if (typeof schema['format'] === 'string') view.format ??= schema['format'];
  if (Array.isArray(schema['enum'])) view.enum ??= schema['enum'].filter((value) => value !== null);
  if ('const' in schema && schema['const'] !== null) view.enum ??= [schema['const']];
  view.maximum ??= boundOf(schema, 'maximum', 'exclusiveMaximum');
  view.minimum ??= boundOf(schema, 'minimum', 'exclusiveMinimum');
  view.maxLength ??= numberOf(schema['maxLength']);
  view.minLength ??= numberOf(schema['minLength']);
  view.maxItems ??= numberOf(schema['maxItems']);
  view.minItems ??= numberOf(schema['minItems']);
  view.maxProperties ??= numberOf(schema['maxProperties']);
  view.minProperties ??= numberOf(schema['minProperties']);
  view.multipleOf ??= numberOf(schema['multipleOf']);
  if (schema['uniqueItems'] === true) view.uniqueItems = true;
  if (typeof schema['pattern'] === 'string') view.pattern ??= schema['pattern'];
  if (schema['readOnly'] === true) view.readOnly = true;
  if (schema['writeOnly'] === true) view.writeOnly = true;
  const discriminator = schema['discriminator'];
  const property =
    typeof discriminator === 'string' ? discriminator : asRecord(discriminator)?.['propertyName'];
  if (typeof property === 'string') view.discriminator ??= property;
  const mapping = asRecord(asRecord(discriminator)?.['mapping']);
  if (mapping) {
    view.discriminatorMapping ??= Object.fromEntries(
      Object.entries(mapping).map(([value, target]) => [value, String(target)]),
    );
  }
  if (Array.isArray(schema['x-extensible-enum']))
    view.extensibleEnum ??= schema['x-extensible-enum'];
  if ('default' in schema) view.default ??= schema['default'];
}

function mergeComposition(
  view: SchemaView,
  document: SpecDocument,
  node: SpecNode,
  keyword: 'oneOf' | 'anyOf',
  seen: Set<string>,
): void {
  const list = child(node, keyword);
  if (!list || !Array.isArray(list.value)) return;
  const members: SpecNode[] = [];
  list.value.forEach((_, index) => {
    const member = child(list, index) as SpecNode;
    const resolved = asRecord(deref(document, member).value);
    // A `{type: 'null'}` branch only makes the schema nullable, and not even that when the
    // schema's own `type` leaves null out, because a value must meet both.
    if (resolved && resolved['type'] === 'null' && Object.keys(resolved).length <= 2) {
      if (view.types === null || view.types.has('null') || view.nullable) view.nullable = true;
      return;
    }
    members.push(member);
  });
  // A single member is the schema itself (`oneOf: [X, {type: 'null'}]` is X made nullable),
  // so it is merged as if written in place.
  if (members.length === 1) {
    mergeInto(view, document, deref(document, members[0] as SpecNode), seen);
    return;
  }
  // Members that each only list values (`oneOf: [{const: a}, {enum: [b]}]`) are one enum.
  const values = valueOnlyMembers(document, members);
  if (values) {
    view.enum ??= values.enum;
    if (values.types) view.types ??= values.types;
    return;
  }
  view[keyword].push(...members);
}

const VALUE_ONLY_KEYS = new Set(['type', 'enum', 'const', 'title', 'description']);

/** The union of values and types of members that only list values, or null when one does more. */
function valueOnlyMembers(
  document: SpecDocument,
  members: SpecNode[],
): { enum: unknown[]; types: Set<string> | null } | null {
  const values: unknown[] = [];
  let types: Set<string> | null = new Set();
  for (const member of members) {
    const schema = asRecord(deref(document, member).value);
    if (!schema || !Object.keys(schema).every((key) => VALUE_ONLY_KEYS.has(key))) return null;
    if (Array.isArray(schema['enum'])) values.push(...schema['enum']);
    else if ('const' in schema) values.push(schema['const']);
    else return null;
    if (typeof schema['type'] === 'string') types?.add(schema['type']);
    else types = null;
  }
  return { enum: values.filter((value) => value !== null), types };
}

function boundOf(
  schema: Record<string, unknown>,
  inclusiveKey: string,
  exclusiveKey: string,
): Bound | undefined {
  const exclusive = schema[exclusiveKey];
  if (typeof exclusive === 'number') return { value: exclusive, exclusive: true };
  const value = numberOf(schema[inclusiveKey]);
  if (value === undefined) return undefined;
  return { value, exclusive: exclusive === true };
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
