import {
  asRecord,
  child,
  deref,
  stableStringify,
  type SpecDocument,
  type SpecNode,
} from '@specgate/core';

import type { SchemaDelta } from './schema-object.js';
import { viewSchema, type SchemaView } from './schema-view.js';

/**
 * A `oneOf`/`anyOf` union whose members are distinguished by one property: the values that
 * property takes in each member share nothing with those of the other members.
 */
export interface TagPartition {
  property: string;
  /** The tag values of each member, as `stableStringify` text, in the order of the members. */
  values: Set<string>[];
  /** True when every member requires the tag; a value without an optional tag fits them all. */
  required: boolean;
}

/** Enum values of a member's tag property that another member covers, as delta details. */
export interface TagFilter {
  property: string;
  kind: 'enum-value-removed' | 'enum-value-added';
  /** Details of the deltas to leave out, or `all` for every such delta on the tag property. */
  details: Set<string> | 'all';
}

/** Two members that accept one common value: an object with only `properties`. */
export interface MemberOverlap {
  first: number;
  second: number;
  properties: string[];
}

/**
 * The maximum number of members checked pairwise for an overlap, so a large union costs at
 * most this many squared cheap checks.
 */
const MAX_OVERLAP_MEMBERS = 16;

/** Keywords an object member may carry and still be read by `findOverlap`. */
const PLAIN_OBJECT_KEYWORDS = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'title',
  'description',
  'example',
  'examples',
  'deprecated',
  'externalDocs',
]);

/**
 * Finds the property that splits `members` into disjoint sets of values: the union's
 * `discriminator.propertyName` first, then any property every member declares with an
 * `enum` or `const`. Returns undefined when no property does.
 */
export function findTagPartition(
  document: SpecDocument,
  union: SchemaView,
  members: SpecNode[],
): TagPartition | undefined {
  if (members.length < 2) return undefined;
  const views = members.map((member) => viewSchema(document, deref(document, member)));
  const discriminator = union.discriminator;
  if (discriminator !== undefined) {
    const values = members.map((member) => discriminatorValues(union, member));
    if (values.every((set) => set !== undefined) && disjoint(values))
      return { property: discriminator, values, required: requiredByAll(views, discriminator) };
  }
  const [first, ...rest] = views as [SchemaView, ...SchemaView[]];
  for (const property of first.properties.keys()) {
    if (!rest.every((view) => view.properties.has(property))) continue;
    const values = views.map((view) => enumValues(document, view.properties.get(property)));
    if (values.every((set) => set !== undefined) && disjoint(values))
      return { property, values, required: requiredByAll(views, property) };
  }
  return undefined;
}

/**
 * Finds two object members that both accept an object holding only the properties either
 * of them requires, when `plain` (if given) accepts that object too. Every check is
 * conservative: a member with keywords other than plain object ones, or a property whose
 * schemas could admit no common value, is taken as not overlapping.
 */
export function findOverlap(
  document: SpecDocument,
  members: SpecNode[],
  plain: { document: SpecDocument; node: SpecNode } | undefined,
): MemberOverlap | undefined {
  // NOTE: each property schema is taken to accept some value, so a property schema that
  // accepts none (`not: {}`) makes a reported overlap false.
  const plainBase = plain && plainObject(plain.document, plain.node);
  if (plain && !plainBase) return undefined;
  // Each member is read once, not once per pair.
  const read = members.slice(0, MAX_OVERLAP_MEMBERS).map((member) => plainObject(document, member));
  for (let first = 0; first < read.length; first += 1) {
    const a = read[first];
    if (!a) continue;
    for (let second = first + 1; second < read.length; second += 1) {
      const b = read[second];
      if (!b) continue;
      const names = new Set([...a.required, ...b.required]);
      const objects = plainBase ? [a, b, plainBase] : [a, b];
      if (objects.every((object) => sharedValueFits(object, objects, names)))
        return { first, second, properties: [...names].sort() };
    }
  }
  return undefined;
}

/**
 * True when `object` accepts an object with exactly the properties `names`, each holding a
 * value that every one of `objects` declaring it accepts.
 */
function sharedValueFits(
  object: PlainObject,
  objects: readonly PlainObject[],
  names: ReadonlySet<string>,
): boolean {
  if (object.required.some((name) => !names.has(name))) return false;
  for (const name of names) {
    if (!object.properties.has(name) && object.closed) return false;
    const texts = objects.flatMap((other) => {
      const text = other.properties.get(name);
      return text === undefined ? [] : [text];
    });
    if (!commonValueLikely(texts)) return false;
  }
  return true;
}

/**
 * True when property schemas, given as texts, surely share a value: they are all the same,
 * or all but one are a bare `{ type: T }` of the type the remaining one has.
 */
function commonValueLikely(texts: readonly string[]): boolean {
  if (texts.some((text) => text === HIDDEN || text === CONFLICT)) return false;
  const distinct = [...new Set(texts)];
  if (distinct.length <= 1) return true;
  const schemas = distinct.map((text) => asRecord(JSON.parse(text)) ?? {});
  const bare = schemas.filter((schema) => Object.keys(schema).length === 1 && 'type' in schema);
  if (distinct.length - bare.length > 1) return false;
  const types = schemas.map((schema) => schema['type']);
  if (types.some((type) => type === undefined)) return false;
  return new Set(types.map((type) => stableStringify(type))).size === 1;
}

/** Values a discriminator maps to a `$ref` member, or its component name when none is mapped. */
function discriminatorValues(union: SchemaView, member: SpecNode): Set<string> | undefined {
  const ref = asRecord(member.value)?.['$ref'];
  if (typeof ref !== 'string') return undefined;
  const name = ref.slice(ref.lastIndexOf('/') + 1);
  const mapped = Object.entries(union.discriminatorMapping ?? {})
    .filter(([, target]) => target === ref || target === name)
    .map(([value]) => stableStringify(value));
  return new Set(mapped.length > 0 ? mapped : [stableStringify(name)]);
}

function requiredByAll(views: SchemaView[], property: string): boolean {
  return views.every((view) => view.required.has(property));
}

function enumValues(document: SpecDocument, node: SpecNode | undefined): Set<string> | undefined {
  if (!node) return undefined;
  const values = viewSchema(document, deref(document, node)).enum;
  if (!values || values.length === 0) return undefined;
  return new Set(values.map(stableStringify));
}

function disjoint(sets: Set<string>[]): boolean {
  const seen = new Set<string>();
  for (const set of sets) {
    for (const value of set) {
      if (seen.has(value)) return false;
    }
    for (const value of set) seen.add(value);
  }
  return true;
}

/**
 * A plain object schema, or an `allOf` of them: what it requires, whether it rejects other
 * properties, and the schema text of each property it declares.
 */
interface PlainObject {
  required: string[];
  closed: boolean;
  /** Schema text by property name: `HIDDEN` for read-only or write-only, `CONFLICT` for two texts. */
  properties: Map<string, string>;
}

/** Marks a property that is read-only or write-only. */
const HIDDEN = '';

/** Marks a property that two `allOf` parts declare with different schemas. */
const CONFLICT = '\u0000';

/** `allOf` nesting beyond which a member is taken as not plain. */
const MAX_PART_DEPTH = 8;

/**
 * Reads a member that is a plain object schema (`type: object` with properties, required and
 * boolean extras), or an `allOf` of such parts, or returns undefined.
 */
function plainObject(document: SpecDocument, node: SpecNode, depth = 0): PlainObject | undefined {
  const resolved = deref(document, node);
  const schema = asRecord(resolved.value);
  if (!schema || depth > MAX_PART_DEPTH) return undefined;
  const keys = Object.keys(schema);
  const allowed = (key: string): boolean =>
    PLAIN_OBJECT_KEYWORDS.has(key) || key.startsWith('x-') || key === 'allOf';
  if (!keys.every(allowed)) return undefined;
  const extra = schema['additionalProperties'];
  if (extra !== undefined && typeof extra !== 'boolean') return undefined;
  const own: PlainObject = {
    required: Array.isArray(schema['required']) ? schema['required'].map(String) : [],
    closed: extra === false,
    properties: propertyTexts(document, resolved),
  };

  const parts = child(resolved, 'allOf');
  if (parts === null) return isObjectType(schema['type']) ? own : undefined;
  if (!Array.isArray(parts.value) || own.closed) return undefined;
  // An object type given by the schema or by one of its parts, and no other type.
  let typed = isObjectType(schema['type']);
  if (schema['type'] !== undefined && !typed) return undefined;
  const joined = own;

  for (let index = 0; index < parts.value.length; index += 1) {
    const part = child(parts, index) as SpecNode;
    const partSchema = asRecord(deref(document, part).value) ?? {};
    if (partSchema['type'] !== undefined && !isObjectType(partSchema['type'])) return undefined;
    typed ||= isObjectType(partSchema['type']);
    const read = plainObject(document, part, depth + 1) ?? untypedPart(document, part, depth);
    // `additionalProperties: false` in a part also rejects the other parts' properties.
    if (!read || read.closed) return undefined;
    joined.required.push(...read.required);
    for (const [name, text] of read.properties) {
      const earlier = joined.properties.get(name);
      joined.properties.set(name, earlier === undefined || earlier === text ? text : CONFLICT);
    }
  }
  return typed ? joined : undefined;
}

/** Reads an `allOf` part that gives no type of its own, as if it declared `type: object`. */
function untypedPart(
  document: SpecDocument,
  part: SpecNode,
  depth: number,
): PlainObject | undefined {
  const resolved = deref(document, part);
  const schema = asRecord(resolved.value);
  if (!schema || schema['type'] !== undefined) return undefined;
  return plainObject(
    document,
    { value: { ...schema, type: 'object' }, file: resolved.file, pointer: resolved.pointer },
    depth + 1,
  );
}

function isObjectType(type: unknown): boolean {
  return type === 'object' || (Array.isArray(type) && type.length === 1 && type[0] === 'object');
}

/** Returns the schema text of each property the schema at `node` declares. */
function propertyTexts(document: SpecDocument, node: SpecNode): Map<string, string> {
  const texts = new Map<string, string>();
  const properties = child(node, 'properties');
  const value = asRecord(properties?.value);
  if (!properties || !value) return texts;
  for (const name of Object.keys(value)) {
    const property = child(properties, name) as SpecNode;
    const schema = asRecord(deref(document, property).value) ?? {};
    const hidden = schema['readOnly'] === true || schema['writeOnly'] === true;
    texts.set(name, hidden ? HIDDEN : stableStringify(schema));
  }
  return texts;
}

/** Builds the filter of member `index`: every other member's tag values, or all for all but the first. */
export function tagFilter(
  partition: TagPartition,
  index: number,
  shape: 'split' | 'merge',
): TagFilter {
  const kind = shape === 'split' ? 'enum-value-removed' : 'enum-value-added';
  const property = partition.property;
  // A tag value no member covers is reported once, through the first member.
  if (index > 0) return { property, kind, details: 'all' };
  const verb = shape === 'split' ? 'removed' : 'added';
  const others = partition.values.slice(1).flatMap((values) => [...values]);
  // NOTE: deltas are matched by their detail text, so this must follow `compareValues`.
  return { property, kind, details: new Set(others.map((value) => `enum value ${value} ${verb}`)) };
}

/** True when a delta is a tag value change that the filter leaves out. */
export function isCovered(delta: SchemaDelta, tag: TagFilter, at: string): boolean {
  if (delta.kind !== tag.kind || delta.propertyPath.join('/') !== at) return false;
  return tag.details === 'all' || tag.details.has(delta.detail);
}

/** True when no two type sets share a type; integer values are numbers too. */
export function disjointTypes(sets: Set<string>[]): boolean {
  const seen = new Set<string>();
  for (const set of sets) {
    const widened = set.has('integer') ? new Set([...set, 'number']) : set;
    if ([...widened].some((type) => seen.has(type))) return false;
    for (const type of widened) seen.add(type);
  }
  return true;
}

/** Names the switch between `anyOf` and `oneOf` with no members in the other keyword. */
export function keywordSwitch(
  base: SchemaView,
  revision: SchemaView,
): 'any-of-became-one-of' | 'one-of-became-any-of' | undefined {
  const onlyAnyOf = (view: SchemaView) => view.anyOf.length > 0 && view.oneOf.length === 0;
  const onlyOneOf = (view: SchemaView) => view.oneOf.length > 0 && view.anyOf.length === 0;
  if (onlyAnyOf(base) && onlyOneOf(revision)) return 'any-of-became-one-of';
  if (onlyOneOf(base) && onlyAnyOf(revision)) return 'one-of-became-any-of';
  return undefined;
}
