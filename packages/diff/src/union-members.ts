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
 * conservative: a member with keywords other than plain object ones, or a shared property
 * whose schemas differ in any way, is taken as not overlapping.
 */
export function findOverlap(
  document: SpecDocument,
  members: SpecNode[],
  plain: { document: SpecDocument; node: SpecNode } | undefined,
): MemberOverlap | undefined {
  // NOTE: each property schema is taken to accept some value, so a property schema that
  // accepts none (`not: {}`) makes a reported overlap false.
  const count = Math.min(members.length, MAX_OVERLAP_MEMBERS);
  for (let first = 0; first < count; first += 1) {
    for (let second = first + 1; second < count; second += 1) {
      const a = members[first] as SpecNode;
      const b = members[second] as SpecNode;
      const candidate = commonObject(document, a, b);
      if (candidate === undefined) continue;
      if (!accepts(document, a, candidate) || !accepts(document, b, candidate)) continue;
      if (plain && !accepts(plain.document, plain.node, candidate)) continue;
      return { first, second, properties: [...candidate.keys()].sort() };
    }
  }
  return undefined;
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
 * Builds the object with only the properties `a` or `b` requires, each given the schema
 * of the member that declares it (as text), or `{}` when neither does. Returns undefined
 * when a member is not a plain object schema or a required property is read-only or
 * write-only, because such an object may fit in one direction only.
 */
function commonObject(
  document: SpecDocument,
  a: SpecNode,
  b: SpecNode,
): Map<string, string> | undefined {
  const left = plainObject(document, a);
  const right = plainObject(document, b);
  if (!left || !right) return undefined;
  const candidate = new Map<string, string>();
  for (const name of [...left.required, ...right.required]) {
    const text = propertyText(document, left, name) ?? propertyText(document, right, name) ?? '{}';
    if (text === HIDDEN) return undefined;
    candidate.set(name, text);
  }
  return candidate;
}

/**
 * True when the object schema at `node` accepts an object with exactly the properties of
 * `candidate`, each declared with the same schema text or left to `additionalProperties`.
 */
function accepts(document: SpecDocument, node: SpecNode, candidate: Map<string, string>): boolean {
  const object = plainObject(document, node);
  if (!object) return false;
  if (object.required.some((name) => !candidate.has(name))) return false;
  for (const [name, text] of candidate) {
    const declared = propertyText(document, object, name);
    if (declared === undefined ? object.closed : declared !== text) return false;
  }
  return true;
}

/** A plain object schema: `type: object` with properties, required and boolean extras. */
interface PlainObject {
  node: SpecNode;
  required: string[];
  closed: boolean;
}

/** Reads a member that is a plain object schema, or returns undefined. */
function plainObject(document: SpecDocument, node: SpecNode): PlainObject | undefined {
  const resolved = deref(document, node);
  const schema = asRecord(resolved.value);
  if (!schema) return undefined;
  const type = schema['type'];
  const isObject =
    type === 'object' || (Array.isArray(type) && type.length === 1 && type[0] === 'object');
  if (!isObject) return undefined;
  const keys = Object.keys(schema);
  if (keys.some((key) => !PLAIN_OBJECT_KEYWORDS.has(key) && !key.startsWith('x-')))
    return undefined;
  const extra = schema['additionalProperties'];
  if (extra !== undefined && typeof extra !== 'boolean') return undefined;
  const required = Array.isArray(schema['required']) ? schema['required'].map(String) : [];
  return { node: resolved, required, closed: extra === false };
}

/** Marks a property that is read-only or write-only. */
const HIDDEN = '';

/**
 * Returns the text of the schema `object` declares for property `name` after `$ref`
 * resolution, `HIDDEN` for a read-only or write-only one, or undefined when not declared.
 */
function propertyText(
  document: SpecDocument,
  object: PlainObject,
  name: string,
): string | undefined {
  const properties = child(object.node, 'properties');
  const property = properties && child(properties, name);
  if (!property) return undefined;
  const value = asRecord(deref(document, property).value) ?? {};
  if (value['readOnly'] === true || value['writeOnly'] === true) return HIDDEN;
  return stableStringify(value);
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
