import { asRecord, deref, stableStringify, type SpecDocument, type SpecNode } from '@specgate/core';

import { SCHEMA_CHANGE_LEVELS, type Direction } from './change-kinds.js';
import { viewSchema, type Bound, type SchemaView } from './schema-view.js';
import {
  disjointTypes,
  findOverlap,
  findTagPartition,
  isCovered,
  keywordSwitch,
  tagFilter,
  type TagFilter,
  type TagPartition,
} from './union-members.js';

/** One difference found between two schemas, before it is tied to an operation. */
export interface SchemaDelta {
  /** A key of SCHEMA_CHANGE_LEVELS, e.g. `type-changed`. */
  kind: string;
  /** Property names from the compared schema down to the changed one; `[]` stands for array items. */
  propertyPath: string[];
  base: SpecNode | null;
  revision: SpecNode | null;
  /** Description of the change, e.g. `type changed from string to integer`. */
  detail: string;
}

/** Keywords that describe a schema without restricting the values it accepts. */
const ANNOTATION_KEYWORDS = new Set(['title', 'description', 'example', 'examples', 'deprecated']);

const FORMAT_WIDER: Record<string, string> = { int32: 'int64', float: 'double' };

/**
 * The maximum number of members compared with a plain schema to find the one member it must
 * match, so a large union costs at most this many schema comparisons.
 */
const MAX_RANKED_MEMBERS = 4;

/** A pair nested in another: the property segment it sits under and its cache key. */
interface NestedPair {
  segment: string | null;
  key: string;
  /** The `oneOf`/`anyOf` member that a plain schema was compared with, named in messages. */
  member?: MemberLabel;
  /** Findings on the union's tag property that other members cover, left out when collecting. */
  filter?: TagFilter;
}

/** The keyword and name of a `oneOf`/`anyOf` member, as messages name it. */
interface MemberLabel {
  keyword: 'oneOf' | 'anyOf';
  name: string;
}

/** The comparison of one pair of schema nodes: its own deltas and the nested pairs. */
interface PairResult {
  local: SchemaDelta[];
  children: NestedPair[];
  /** True when neither this pair nor any pair below it changed; undefined while being computed. */
  clean: boolean | undefined;
}

/**
 * Compares schemas of two versions of a spec. Each pair of schema nodes is compared
 * once per direction and kept, so a component shared by many operations costs one
 * comparison, and a pair met again while it is being compared (a recursive schema)
 * ends the walk there. Collecting the deltas below a pair visits each nested pair
 * once, so a schema reached through many property paths is reported once, at the
 * shortest of them.
 */
export class SchemaComparer {
  private readonly pairs = new Map<string, PairResult>();
  private readonly base: SpecDocument;
  private readonly revision: SpecDocument;

  constructor(base: SpecDocument, revision: SpecDocument) {
    this.base = base;
    this.revision = revision;
  }

  /** Lists the differences between two schema nodes, as seen from `direction`. */
  compare(baseNode: SpecNode, revisionNode: SpecNode, direction: Direction): SchemaDelta[] {
    return this.collect(this.comparePair(baseNode, revisionNode, direction));
  }

  private comparePair(baseNode: SpecNode, revisionNode: SpecNode, direction: Direction): string {
    const baseResolved = deref(this.base, baseNode);
    const revisionResolved = deref(this.revision, revisionNode);
    const key = `${direction}|${baseResolved.file.path}#${baseResolved.pointer}|${revisionResolved.file.path}#${revisionResolved.pointer}`;
    if (this.pairs.has(key)) return key;
    const result: PairResult = { local: [], children: [], clean: undefined };
    this.pairs.set(key, result);
    const baseView = viewSchema(this.base, baseResolved);
    const revisionView = viewSchema(this.revision, revisionResolved);
    if (this.compareMerged(baseView, revisionView, direction, result)) return key;
    const add = recordLocal(result, baseView, revisionView);
    compareTypes(baseView, revisionView, add);
    compareValues(baseView, revisionView, add);
    compareBounds(baseView, revisionView, add);
    compareMultipleOf(baseView.multipleOf, revisionView.multipleOf, direction, add);
    this.compareProperties(baseView, revisionView, direction, result);
    this.compareNested(baseView, revisionView, direction, result);
    result.clean =
      result.local.length === 0 &&
      result.children.every((nested) => this.pairs.get(nested.key)?.clean !== false);
    return key;
  }

  /**
   * Compares `oneOf`/`anyOf` members merged into one plain schema with that schema, or hands
   * a split of a plain schema into members to `compareSplit`. Members of another type than
   * the merged schema are reported removed: a request no longer accepts their values, and a
   * response no longer returns them. Among the members of its types, a request compares
   * every member with the merged schema, because clients sent values of each. A response
   * compares only the member the merged schema matches best (see `matchMembers`), because
   * clients handle every value that fits one member, and reports the others removed.
   * Returns false when the pair is not such a merge.
   */
  private compareMerged(
    baseView: SchemaView,
    revisionView: SchemaView,
    direction: Direction,
    result: PairResult,
  ): boolean {
    if (isComposedOnly(revisionView))
      return this.compareSplit(baseView, revisionView, direction, result);
    if (!isComposedOnly(baseView) || hasMembers(revisionView)) return false;
    const members = composedMembers(baseView);
    const revisionTypes = revisionView.types;
    const sameType = members.filter(
      ({ node }) => revisionTypes === null || this.sharesType(this.base, node, revisionTypes),
    );
    if (sameType.length === 0) return false;
    const add = recordLocal(result, baseView, revisionView);
    compareNullability(baseView, revisionView, add);
    const partition = this.partitionOf(this.base, baseView, sameType);
    const compared = this.matchMembers(revisionView.node, sameType, 'merge', direction, partition);
    const labelled = sameType.length > 1;
    for (const member of members) {
      const pair = compared.get(member);
      if (pair !== undefined) {
        result.children.push(labelled ? { ...pair, member: labelOf(member, 'base') } : pair);
        continue;
      }
      result.local.push({
        kind: `${member.prefix}-member-removed`,
        propertyPath: [],
        base: member.node,
        revision: null,
        detail: `${member.keyword} member ${memberName(member.node)} removed${matchedNote(compared, sameType)}`,
      });
    }
    this.markClean(result);
    return true;
  }

  /**
   * Compares a plain schema split into `oneOf`/`anyOf` members with those members, and
   * reports the members of other types added. Among the members of the plain schema's
   * types, a response compares every member with the plain schema, because clients may now
   * receive values of each. A request compares only the member the plain schema matches
   * best (see `matchMembers`), because a value clients sent before needs to fit one member,
   * and reports the others added. Returns false when the pair is not such a split.
   */
  private compareSplit(
    baseView: SchemaView,
    revisionView: SchemaView,
    direction: Direction,
    result: PairResult,
  ): boolean {
    const baseTypes = baseView.types;
    if (hasMembers(baseView) || baseTypes === null) return false;
    const members = composedMembers(revisionView);
    const sameType = members.filter(({ node }) => this.sharesType(this.revision, node, baseTypes));
    if (sameType.length === 0) return false;
    const add = recordLocal(result, baseView, revisionView);
    compareNullability(baseView, revisionView, add);
    const partition = this.partitionOf(this.revision, revisionView, sameType);
    const compared = this.matchMembers(baseView.node, sameType, 'split', direction, partition);
    if (!partition?.required) this.reportOverlap(sameType, baseView.node, add);
    const labelled = sameType.length > 1;
    for (const member of members) {
      const pair = compared.get(member);
      if (pair !== undefined) {
        result.children.push(labelled ? { ...pair, member: labelOf(member, 'revision') } : pair);
        continue;
      }
      result.local.push({
        kind: `${member.prefix}-member-added`,
        propertyPath: [],
        base: null,
        revision: member.node,
        detail: `${member.keyword} member ${memberName(member.node)} added${matchedNote(compared, sameType)}`,
      });
    }
    this.markClean(result);
    return true;
  }

  /**
   * Compares a plain schema with the `oneOf`/`anyOf` members of its types on the other side,
   * and returns the compared pairs by member. Every member is compared when each of them
   * must be covered: a split read as a response (clients may receive any member) and a
   * merge read as a request (clients sent values of any member). Otherwise the plain schema
   * needs to match one member. When a tag property partitions the members, each value of
   * the plain schema fits the member of its tag. So every member is compared, in either
   * case, and the tag values that other members cover are left out of its findings.
   * Otherwise the member with the fewest breaking differences is kept, taken from the
   * `MAX_RANKED_MEMBERS` members whose property names overlap most.
   */
  private matchMembers(
    plain: SpecNode,
    members: ComposedMember[],
    shape: 'split' | 'merge',
    direction: Direction,
    partition: TagPartition | undefined,
  ): Map<ComposedMember, NestedPair> {
    const pairOf = (member: ComposedMember): NestedPair => ({
      segment: null,
      key:
        shape === 'split'
          ? this.comparePair(plain, member.node, direction)
          : this.comparePair(member.node, plain, direction),
    });
    if (partition) {
      return new Map(
        members.map((member, index) => {
          const filter = tagFilter(partition, index, shape);
          return [member, { ...pairOf(member), filter }];
        }),
      );
    }
    const coverEach = (shape === 'split') === (direction === 'response');
    if (coverEach || members.length === 1)
      return new Map(members.map((member) => [member, pairOf(member)]));
    const plainDocument = shape === 'split' ? this.base : this.revision;
    const memberDocument = shape === 'split' ? this.revision : this.base;
    const plainNames = propertyNames(plainDocument, plain);
    const ranked = members
      .map((member, index) => ({
        member,
        index,
        overlap: overlap(plainNames, propertyNames(memberDocument, member.node)),
      }))
      .sort((a, b) => b.overlap - a.overlap || a.index - b.index)
      .slice(0, MAX_RANKED_MEMBERS);
    let best: { member: ComposedMember; pair: NestedPair; score: number[] } | undefined;
    for (const { member } of ranked) {
      const pair = pairOf(member);
      const score = breakingScore(this.collect(pair.key), direction);
      if (!best || compareScores(score, best.score) < 0) best = { member, pair, score };
    }
    const chosen = best as { member: ComposedMember; pair: NestedPair };
    return new Map([[chosen.member, chosen.pair]]);
  }

  /** Finds the tag property of a union's members of the plain schema's types, if any. */
  private partitionOf(
    document: SpecDocument,
    union: SchemaView,
    members: ComposedMember[],
  ): TagPartition | undefined {
    const nodes = members.map((member) => member.node);
    return findTagPartition(document, union, nodes);
  }

  /**
   * Reports two `oneOf` members of a split that both accept an object the plain schema
   * accepted, because `oneOf` rejects a value that fits more than one member.
   */
  private reportOverlap(members: ComposedMember[], plain: SpecNode | undefined, add: Add): void {
    const oneOf = members.filter((member) => member.keyword === 'oneOf');
    const nodes = oneOf.map((member) => member.node);
    const found = findOverlap(this.revision, nodes, plain && { document: this.base, node: plain });
    if (!found) return;
    const names = [found.first, found.second].map((index) =>
      memberName((oneOf[index] as ComposedMember).node),
    );
    const value =
      found.properties.length === 0
        ? 'an empty object'
        : `an object with only ${found.properties.join(', ')}`;
    add(
      'one-of-members-overlap',
      `oneOf members ${names.join(' and ')} both accept ${value}, and oneOf rejects a value that fits more than one member`,
    );
  }

  /** True when the members' types, or a tag they all require, show that no value fits two. */
  private disjointMembers(union: SchemaView, members: SpecNode[]): boolean {
    const types = members.map((member) => viewSchema(this.revision, deref(this.revision, member)));
    const known = types.map((view) => (view.nullable ? null : view.types));
    if (known.every((set) => set !== null) && disjointTypes(known as Set<string>[])) return true;
    return findTagPartition(this.revision, union, members)?.required === true;
  }

  /** True when a member schema allows at least one of `types`. */
  private sharesType(document: SpecDocument, member: SpecNode, types: Set<string>): boolean {
    const memberTypes = viewSchema(document, deref(document, member)).types;
    return memberTypes !== null && [...memberTypes].some((type) => types.has(type));
  }

  /** Sets `clean` on a pair: true when neither it nor any pair below it changed. */
  private markClean(result: PairResult): void {
    result.clean =
      result.local.length === 0 &&
      result.children.every((nested) => this.pairs.get(nested.key)?.clean !== false);
  }

  /**
   * Gathers the deltas of a pair and every changed pair below it, each pair once. A delta
   * below a `oneOf`/`anyOf` member that a plain schema was compared with names the member,
   * and the same delta found through several members is reported once, naming them all.
   */
  private collect(rootKey: string): SchemaDelta[] {
    const deltas: SchemaDelta[] = [];
    const byMember = new Map<string, { index: number; detail: string; names: string[] }>();
    const visited = new Set<string>([rootKey]);
    const queue: {
      key: string;
      path: string[];
      member: MemberLabel | undefined;
      filter?: { tag: TagFilter; at: string };
    }[] = [{ key: rootKey, path: [], member: undefined }];
    for (let index = 0; index < queue.length; index += 1) {
      const { key, path, member, filter } = queue[index] as (typeof queue)[number];
      const result = this.pairs.get(key) as PairResult;
      for (const delta of result.local) {
        const placed =
          path.length === 0 ? delta : { ...delta, propertyPath: [...path, ...delta.propertyPath] };
        if (filter && isCovered(placed, filter.tag, filter.at)) continue;
        if (!member) {
          deltas.push(placed);
          continue;
        }
        const identity = `${placed.kind}|${placed.propertyPath.join('/')}|${nodeKey(placed.base)}|${nodeKey(placed.revision)}|${member.keyword}`;
        const seen = byMember.get(identity);
        if (!seen) {
          byMember.set(identity, {
            index: deltas.length,
            detail: placed.detail,
            names: [member.name],
          });
          deltas.push({
            ...placed,
            detail: `${placed.detail} (in ${member.keyword} member ${member.name})`,
          });
          continue;
        }
        if (seen.names.includes(member.name)) continue;
        seen.names.push(member.name);
        deltas[seen.index] = {
          ...(deltas[seen.index] as SchemaDelta),
          detail: `${seen.detail} (in ${member.keyword} members ${seen.names.join(', ')})`,
        };
      }
      for (const nested of result.children) {
        // NOTE: a nested pair that two members share (both refer to one component) is
        // visited once, so its deltas name only the first of those members.
        if (visited.has(nested.key) || this.pairs.get(nested.key)?.clean === true) continue;
        visited.add(nested.key);
        const nestedPath = nested.segment === null ? path : [...path, nested.segment];
        const tag = nested.filter;
        queue.push({
          key: nested.key,
          path: nestedPath,
          member: nested.member ?? member,
          ...(tag
            ? { filter: { tag, at: [...nestedPath, tag.property].join('/') } }
            : filter && { filter }),
        });
      }
    }
    return deltas;
  }

  private compareProperties(
    baseView: SchemaView,
    revisionView: SchemaView,
    direction: Direction,
    result: PairResult,
  ): void {
    const names = new Set([...baseView.properties.keys(), ...revisionView.properties.keys()]);
    for (const name of names) {
      const baseProperty = baseView.properties.get(name);
      const revisionProperty = revisionView.properties.get(name);
      if (
        this.isHidden(
          revisionProperty ?? baseProperty,
          revisionProperty ? this.revision : this.base,
          direction,
        )
      )
        continue;
      const wasRequired = baseView.required.has(name);
      const isRequired = revisionView.required.has(name);
      const at = (kind: string, detail: string): void => {
        result.local.push({
          kind,
          propertyPath: [name],
          base: baseProperty ?? null,
          revision: revisionProperty ?? null,
          detail,
        });
      };
      if (!baseProperty && revisionProperty) {
        at(
          isRequired ? 'required-property-added' : 'optional-property-added',
          `${isRequired ? 'required' : 'optional'} property added`,
        );
      } else if (baseProperty && !revisionProperty) {
        at(
          wasRequired ? 'required-property-removed' : 'optional-property-removed',
          `${wasRequired ? 'required' : 'optional'} property removed`,
        );
      } else if (baseProperty && revisionProperty) {
        if (wasRequired && !isRequired) at('property-became-optional', 'property became optional');
        if (!wasRequired && isRequired) at('property-became-required', 'property became required');
        result.children.push({
          segment: name,
          key: this.comparePair(baseProperty, revisionProperty, direction),
        });
      }
    }
  }

  /** Requests do not carry readOnly properties, and responses do not carry writeOnly ones. */
  private isHidden(
    node: SpecNode | undefined,
    document: SpecDocument,
    direction: Direction,
  ): boolean {
    if (!node) return false;
    const schema = asRecord(deref(document, node).value);
    return direction === 'request' ? schema?.['readOnly'] === true : schema?.['writeOnly'] === true;
  }

  /** True when `additionalProperties` is a schema that rejects some values; `{}` rejects none. */
  private constrains(extra: boolean | SpecNode, document: SpecDocument): boolean {
    if (typeof extra === 'boolean') return false;
    const schema = asRecord(deref(document, extra).value) ?? {};
    return Object.keys(schema).some(
      (key) => !ANNOTATION_KEYWORDS.has(key) && !key.startsWith('x-'),
    );
  }

  private compareNested(
    baseView: SchemaView,
    revisionView: SchemaView,
    direction: Direction,
    result: PairResult,
  ): void {
    if (baseView.items && revisionView.items) {
      result.children.push({
        segment: '[]',
        key: this.comparePair(baseView.items, revisionView.items, direction),
      });
    }
    const baseExtra = baseView.additionalProperties;
    const revisionExtra = revisionView.additionalProperties;
    const add = recordLocal(result, baseView, revisionView);
    if (baseExtra !== false && revisionExtra === false)
      add('additional-properties-narrowed', 'additional properties no longer allowed');
    if (baseExtra === false && revisionExtra !== false)
      add('additional-properties-widened', 'additional properties now allowed');
    const baseConstrains = this.constrains(baseExtra, this.base);
    const revisionConstrains = this.constrains(revisionExtra, this.revision);
    if (baseExtra === true && revisionConstrains)
      add('additional-properties-narrowed', 'additional properties must now match a schema');
    if (baseConstrains && revisionExtra === true)
      add(
        'additional-properties-widened',
        'additional properties no longer need to match a schema',
      );
    if (typeof baseExtra === 'object' && typeof revisionExtra === 'object') {
      result.children.push({
        segment: '*',
        key: this.comparePair(baseExtra, revisionExtra, direction),
      });
    }
    this.compareKeywordSwitch(baseView, revisionView, add);
    const [baseOneOf, revisionOneOf, baseAnyOf, revisionAnyOf] = alignCompositions(
      baseView,
      revisionView,
    );
    this.compareMembers(
      baseOneOf,
      revisionOneOf,
      'one-of',
      direction,
      baseView,
      revisionView,
      result,
    );
    this.compareMembers(
      baseAnyOf,
      revisionAnyOf,
      'any-of',
      direction,
      baseView,
      revisionView,
      result,
    );
  }

  /**
   * Reports an `anyOf` that became a `oneOf` or the reverse, unless the new members are
   * distinguished by type or by a tag they all require, because then no value fits two of them and
   * the keywords accept the same values. When the members stayed the same and two of them
   * accept a common value, the new `oneOf` rejects that value, which the `anyOf` accepted.
   */
  private compareKeywordSwitch(baseView: SchemaView, revisionView: SchemaView, add: Add): void {
    const switched = keywordSwitch(baseView, revisionView);
    if (switched === undefined) return;
    const revisionMembers = [...revisionView.oneOf, ...revisionView.anyOf];
    if (this.disjointMembers(revisionView, revisionMembers)) return;
    if (switched === 'one-of-became-any-of') add(switched, 'oneOf became anyOf');
    if (switched !== 'any-of-became-one-of') return;
    add(switched, 'anyOf became oneOf');
    const same =
      baseView.anyOf.length === revisionView.oneOf.length &&
      baseView.anyOf.every(
        (member, index) =>
          stableStringify(deref(this.base, member).value) ===
          stableStringify(deref(this.revision, revisionView.oneOf[index] as SpecNode).value),
      );
    if (!same) return;
    const members = composedMembers(revisionView);
    this.reportOverlap(members, undefined, add);
  }

  /**
   * Reports a `oneOf`/`anyOf` added to a schema that keeps its own keywords, or removed from
   * one, as one change. Next to `type` or `properties` the members are a further condition
   * that every value must also meet, not alternatives to the schema, so adding them narrows
   * what the schema accepts and removing them widens it. Returns false for anything else,
   * such as members added to an existing list or a schema split into members.
   */
  private reportConstraint(
    baseMembers: SpecNode[],
    revisionMembers: SpecNode[],
    unmatched: SpecNode[],
    prefix: string,
    baseView: SchemaView,
    revisionView: SchemaView,
    result: PairResult,
  ): boolean {
    if (!constrainsOnItsOwn(baseView.node) || !constrainsOnItsOwn(revisionView.node)) return false;
    const keyword = prefix === 'one-of' ? 'oneOf' : 'anyOf';
    // A single member is merged into the view, so only the written keyword shows that a side has one.
    const written = (view: SchemaView): boolean =>
      asRecord(view.node.value)?.[keyword] !== undefined;
    // An anyOf with a member every value of the plain side meets accepts what that side accepted.
    const anyOfWidens = (members: SpecNode[], document: SpecDocument, plain: SchemaView): boolean =>
      keyword === 'anyOf' && members.some((member) => impliedBy(deref(document, member), plain));
    const report = (action: 'added' | 'removed', detail: string): true => {
      result.local.push({
        kind: `${prefix}-constraint-${action}`,
        propertyPath: [],
        base: baseView.node,
        revision: revisionView.node,
        detail,
      });
      return true;
    };

    if (
      baseMembers.length === 0 &&
      !written(baseView) &&
      unmatched.length === revisionMembers.length &&
      !anyOfWidens(revisionMembers, this.revision, baseView)
    ) {
      return report(
        'added',
        `${keyword} of ${revisionMembers.length} members added, which every value must now also match`,
      );
    }
    if (
      revisionMembers.length === 0 &&
      !written(revisionView) &&
      !anyOfWidens(baseMembers, this.base, revisionView)
    ) {
      return report(
        'removed',
        `${keyword} of ${baseMembers.length} members removed, which every value had to match`,
      );
    }
    return false;
  }

  /**
   * Pairs `oneOf`/`anyOf` members by what they are, not where they sit: the same
   * component name first, then equal content, then position among the rest.
   */
  private compareMembers(
    baseMembers: SpecNode[],
    revisionMembers: SpecNode[],
    prefix: string,
    direction: Direction,
    baseView: SchemaView,
    revisionView: SchemaView,
    result: PairResult,
  ): void {
    if (baseMembers.length === 0 && revisionMembers.length === 0) return;
    // A plain schema wrapped as one member among new ones is that member, not an added one.
    const baseContent = baseMembers.length === 0 ? stableStringify(baseView.node.value) : null;
    const unmatched = revisionMembers.filter(
      (member) => stableStringify(deref(this.revision, member).value) !== baseContent,
    );
    if (
      this.reportConstraint(
        baseMembers,
        revisionMembers,
        unmatched,
        prefix,
        baseView,
        revisionView,
        result,
      )
    )
      return;
    const leftovers: SpecNode[] = [];
    for (const member of baseMembers) {
      const index = findMatch(member, unmatched, this.base, this.revision);
      if (index === -1) leftovers.push(member);
      else {
        const other = unmatched.splice(index, 1)[0] as SpecNode;
        result.children.push({ segment: null, key: this.comparePair(member, other, direction) });
      }
    }
    // Members that still look alike (same title, mostly the same properties) are edits of
    // each other, even when a member was inserted before them.
    if (leftovers.length !== unmatched.length) {
      for (let index = 0; index < leftovers.length;) {
        const member = leftovers[index] as SpecNode;
        const match = closestMember(member, unmatched, this.base, this.revision);
        if (match === -1) {
          index += 1;
          continue;
        }
        const other = unmatched.splice(match, 1)[0] as SpecNode;
        leftovers.splice(index, 1);
        result.children.push({ segment: null, key: this.comparePair(member, other, direction) });
      }
    }
    // When as many members remain on both sides, they are taken as edits of each other, in order.
    if (leftovers.length === unmatched.length) {
      leftovers.forEach((member, index) => {
        const other = unmatched[index] as SpecNode;
        result.children.push({ segment: null, key: this.comparePair(member, other, direction) });
      });
      return;
    }
    const keyword = prefix === 'one-of' ? 'oneOf' : 'anyOf';
    for (const member of leftovers) {
      result.local.push({
        kind: `${prefix}-member-removed`,
        propertyPath: [],
        base: member,
        revision: null,
        detail: `${keyword} member ${memberName(member)} removed`,
      });
    }
    for (const member of unmatched) {
      result.local.push({
        kind: `${prefix}-member-added`,
        propertyPath: [],
        base: null,
        revision: member,
        detail: `${keyword} member ${memberName(member)} added`,
      });
    }
  }
}

/** Keywords that leave what a schema accepts as it is, besides its `oneOf` and `anyOf`. */
const NON_CONSTRAINING = new Set([...ANNOTATION_KEYWORDS, 'oneOf', 'anyOf', 'discriminator']);

/** True when a schema node has keywords of its own that restrict values, besides its members. */
function constrainsOnItsOwn(node: SpecNode): boolean {
  const schema = asRecord(node.value) ?? {};
  return Object.keys(schema).some((key) => !NON_CONSTRAINING.has(key) && !key.startsWith('x-'));
}

/**
 * True when every value of `view` matches `member` for sure: the member only requires
 * properties that the schema already requires. An added `anyOf` with such a member accepts
 * what the schema accepted. One example is `required: [state]` becoming `anyOf: [{ required:
 * [state] }, { required: [assignees] }]`, which widens the schema, so its members are
 * reported as added. A `oneOf` still narrows, because a value that also fits another member
 * fits two and is rejected.
 */
function impliedBy(member: SpecNode, view: SchemaView): boolean {
  const schema = asRecord(member.value) ?? {};
  const required = schema['required'];
  return (
    Object.keys(schema).every(
      (key) => key === 'required' || ANNOTATION_KEYWORDS.has(key) || key.startsWith('x-'),
    ) &&
    (required === undefined ||
      (Array.isArray(required) && required.every((name) => view.required.has(String(name)))))
  );
}

/** A `oneOf` or `anyOf` member with the names its changes take. */
interface ComposedMember {
  node: SpecNode;
  keyword: 'oneOf' | 'anyOf';
  prefix: 'one-of' | 'any-of';
  /** The member's position in its keyword's list. */
  index: number;
}

function composedMembers(view: SchemaView): ComposedMember[] {
  return [
    ...view.oneOf.map((node, index) => ({
      node,
      keyword: 'oneOf' as const,
      prefix: 'one-of' as const,
      index,
    })),
    ...view.anyOf.map((node, index) => ({
      node,
      keyword: 'anyOf' as const,
      prefix: 'any-of' as const,
      index,
    })),
  ];
}

function hasMembers(view: SchemaView): boolean {
  return view.oneOf.length + view.anyOf.length > 0;
}

/** True for a schema that is only its `oneOf`/`anyOf` members, with no type or properties of its own. */
function isComposedOnly(view: SchemaView): boolean {
  return hasMembers(view) && view.types === null && view.properties.size === 0;
}

/**
 * Names a member by its component or title, else by its position and side (`#0 of the base`),
 * for messages shorter than a pointer.
 */
function labelOf(member: ComposedMember, side: 'base' | 'revision'): MemberLabel {
  const named = refName(member.node) ?? asRecord(member.node.value)?.['title'];
  const name = typeof named === 'string' ? named : `#${member.index} of the ${side}`;
  return { keyword: member.keyword, name };
}

/** Builds the note that names the member a plain schema matched, for the members left out. */
function matchedNote(
  compared: Map<ComposedMember, NestedPair>,
  sameType: ComposedMember[],
): string {
  if (compared.size !== 1 || sameType.length < 2) return '';
  const [matched] = [...compared.keys()] as [ComposedMember];
  return `; the plain schema matches member ${memberName(matched.node)}`;
}

function propertyNames(document: SpecDocument, node: SpecNode): Set<string> {
  return new Set(viewSchema(document, node).properties.keys());
}

/** Shared property names over all property names of the two; 0 when either has none. */
function overlap(left: Set<string>, right: Set<string>): number {
  if (left.size === 0 || right.size === 0) return 0;
  const shared = [...left].filter((name) => right.has(name)).length;
  return shared / new Set([...left, ...right]).size;
}

/** Counts deltas at the error, warning and info levels of `direction`, in that order. */
function breakingScore(deltas: SchemaDelta[], direction: Direction): number[] {
  let errors = 0;
  let warnings = 0;
  let others = 0;
  for (const delta of deltas) {
    const level = SCHEMA_CHANGE_LEVELS[delta.kind]?.[direction];
    if (level === 'error') errors += 1;
    else if (level === 'warning') warnings += 1;
    else others += 1;
  }
  return [errors, warnings, others];
}

function compareScores(a: number[], b: number[]): number {
  for (let index = 0; index < a.length; index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function nodeKey(node: SpecNode | null): string {
  return node ? `${node.file.path}#${node.pointer}` : '';
}

function compareNullability(base: SchemaView, revision: SchemaView, add: Add): void {
  if (!base.nullable && revision.nullable) add('became-nullable', 'became nullable');
  if (base.nullable && !revision.nullable) add('became-not-nullable', 'is no longer nullable');
}

/**
 * Lines up `oneOf` and `anyOf` members. When one side switched from one keyword to the
 * other with no members in the first, the members are compared as one list, so a
 * switch alone reports no members added or removed.
 */
/** Returns a function that records a delta of the compared pair itself, not of a property. */
function recordLocal(result: PairResult, baseView: SchemaView, revisionView: SchemaView): Add {
  return (kind, detail) => {
    result.local.push({
      kind,
      propertyPath: [],
      base: baseView.node,
      revision: revisionView.node,
      detail,
    });
  };
}

function alignCompositions(
  base: SchemaView,
  revision: SchemaView,
): [SpecNode[], SpecNode[], SpecNode[], SpecNode[]] {
  const switchedToOneOf =
    base.oneOf.length === 0 &&
    revision.anyOf.length === 0 &&
    base.anyOf.length > 0 &&
    revision.oneOf.length > 0;
  if (switchedToOneOf) return [base.anyOf, revision.oneOf, [], []];
  const switchedToAnyOf =
    base.anyOf.length === 0 &&
    revision.oneOf.length === 0 &&
    base.oneOf.length > 0 &&
    revision.anyOf.length > 0;
  if (switchedToAnyOf) return [[], [], base.oneOf, revision.anyOf];
  return [base.oneOf, revision.oneOf, base.anyOf, revision.anyOf];
}

function findMatch(
  member: SpecNode,
  candidates: SpecNode[],
  base: SpecDocument,
  revision: SpecDocument,
): number {
  const name = refName(member);
  if (name) {
    const byName = candidates.findIndex((candidate) => refName(candidate) === name);
    if (byName !== -1) return byName;
  }
  const content = stableStringify(deref(base, member).value);
  return candidates.findIndex(
    (candidate) => stableStringify(deref(revision, candidate).value) === content,
  );
}

/**
 * Finds the candidate most like a member: the same `title`, or at least half of the property
 * names of both in common. Returns -1 when none is alike enough.
 */
function closestMember(
  member: SpecNode,
  candidates: SpecNode[],
  base: SpecDocument,
  revision: SpecDocument,
): number {
  const before = asRecord(deref(base, member).value) ?? {};
  let best = -1;
  let bestScore = 0.5;
  candidates.forEach((candidate, index) => {
    const after = asRecord(deref(revision, candidate).value) ?? {};
    const score =
      typeof before['title'] === 'string' && before['title'] === after['title']
        ? 1
        : propertyOverlap(before, after);
    if (score >= bestScore && (best === -1 || score > bestScore)) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

function propertyOverlap(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const names = (schema: Record<string, unknown>) =>
    Object.keys(asRecord(schema['properties']) ?? {});
  return overlap(new Set(names(a)), new Set(names(b)));
}

function refName(node: SpecNode): string | undefined {
  const ref = asRecord(node.value)?.['$ref'];
  return typeof ref === 'string' ? ref.slice(ref.lastIndexOf('/') + 1) : undefined;
}

function memberName(node: SpecNode): string {
  const name = refName(node);
  if (name) return name;
  const title = asRecord(node.value)?.['title'];
  return typeof title === 'string' ? `"${title}"` : `at ${node.pointer}`;
}

type Add = (kind: string, detail: string) => void;

function compareTypes(base: SchemaView, revision: SchemaView, add: Add): void {
  const baseTypes = base.types;
  const revisionTypes = revision.types;
  // The views keep null apart from the types (as `nullable`); the message names it, last.
  const describe = (types: Set<string> | null, nullable: boolean): string =>
    types ? [...[...types].sort(), ...(nullable ? ['null'] : [])].join('|') || 'none' : 'any';
  const detail = `type changed from ${describe(baseTypes, base.nullable)} to ${describe(revisionTypes, revision.nullable)}`;
  if (baseTypes && !revisionTypes) add('type-widened', detail);
  else if (!baseTypes && revisionTypes) add('type-narrowed', detail);
  else if (baseTypes && revisionTypes && !sameSet(baseTypes, revisionTypes)) {
    if (covers(revisionTypes, baseTypes)) add('type-widened', detail);
    else if (covers(baseTypes, revisionTypes)) add('type-narrowed', detail);
    else add('type-changed', detail);
  }
  if (!base.nullable && revision.nullable) add('became-nullable', 'became nullable');
  if (base.nullable && !revision.nullable) add('became-not-nullable', 'is no longer nullable');
  // A format only applies to its type, so when the type changed the type change is reported alone.
  const sameTypes =
    (baseTypes === null && revisionTypes === null) ||
    (baseTypes !== null && revisionTypes !== null && sameSet(baseTypes, revisionTypes));
  if (sameTypes)
    compareFormats(
      effectiveFormat(base.format, baseTypes),
      effectiveFormat(revision.format, revisionTypes),
      add,
    );
}

/**
 * Returns the format a number or integer has when none is written: JSON numbers are read as
 * doubles and integers as 64-bit, so writing `int64` or `double` narrows nothing.
 */
function effectiveFormat(
  format: string | undefined,
  types: Set<string> | null,
): string | undefined {
  if (format !== undefined || types === null || types.size !== 1) return format;
  if (types.has('integer')) return 'int64';
  if (types.has('number')) return 'double';
  return undefined;
}

/** True when every type in `inner` is allowed by `outer` (integer values are numbers). */
function covers(outer: Set<string>, inner: Set<string>): boolean {
  return [...inner].every((type) => outer.has(type) || (type === 'integer' && outer.has('number')));
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((value) => b.has(value));
}

function compareFormats(base: string | undefined, revision: string | undefined, add: Add): void {
  if (base === revision) return;
  const detail = `format changed from ${base ?? 'none'} to ${revision ?? 'none'}`;
  if (revision === undefined || (base !== undefined && FORMAT_WIDER[base] === revision))
    add('format-widened', detail);
  else if (base === undefined || FORMAT_WIDER[revision] === base) add('format-narrowed', detail);
  else add('format-changed', detail);
}

function compareValues(base: SchemaView, revision: SchemaView, add: Add): void {
  if (base.enum && revision.enum) {
    const baseValues = new Set(base.enum.map(stableStringify));
    const revisionValues = new Set(revision.enum.map(stableStringify));
    for (const value of revisionValues)
      if (!baseValues.has(value)) add('enum-value-added', `enum value ${value} added`);
    for (const value of baseValues)
      if (!revisionValues.has(value)) add('enum-value-removed', `enum value ${value} removed`);
  } else if (!base.enum && revision.enum) {
    add('enum-added', `values restricted to ${revision.enum.map(stableStringify).join(', ')}`);
  } else if (base.enum && !revision.enum) {
    add('enum-removed', 'enum restriction removed');
  }
  if (base.pattern !== revision.pattern) {
    if (base.pattern === undefined) add('pattern-added', `pattern ${revision.pattern} added`);
    else if (revision.pattern === undefined)
      add('pattern-removed', `pattern ${base.pattern} removed`);
    else add('pattern-changed', `pattern changed from ${base.pattern} to ${revision.pattern}`);
  }
  if (!base.uniqueItems && revision.uniqueItems)
    add('unique-items-set', 'items must now be unique');
  if (base.uniqueItems && !revision.uniqueItems)
    add('unique-items-removed', 'items no longer need to be unique');
  if (base.discriminator !== revision.discriminator && base.discriminator !== undefined) {
    add(
      'discriminator-changed',
      `discriminator property changed from ${base.discriminator} to ${revision.discriminator ?? 'none'}`,
    );
  }
  compareDiscriminatorMapping(base, revision, add);
  compareExtensibleEnum(base, revision, add);
  if (
    base.default !== undefined &&
    stableStringify(base.default) !== stableStringify(revision.default)
  ) {
    add(
      'default-changed',
      `default changed from ${stableStringify(base.default)} to ${stableStringify(revision.default)}`,
    );
  }
}

function compareDiscriminatorMapping(base: SchemaView, revision: SchemaView, add: Add): void {
  const before = base.discriminatorMapping ?? {};
  const after = revision.discriminatorMapping ?? {};
  for (const [value, target] of Object.entries(before)) {
    if (after[value] === undefined)
      add('discriminator-mapping-changed', `discriminator value ${value} no longer mapped`);
    else if (after[value] !== target)
      add(
        'discriminator-mapping-changed',
        `discriminator value ${value} now maps to ${after[value]} instead of ${target}`,
      );
  }
  for (const [value, target] of Object.entries(after)) {
    if (before[value] === undefined)
      add('discriminator-mapping-changed', `discriminator value ${value} mapped to ${target}`);
  }
}

/** `x-extensible-enum` lists known values without rejecting others, so changes to it are soft. */
function compareExtensibleEnum(base: SchemaView, revision: SchemaView, add: Add): void {
  if (!base.extensibleEnum && !revision.extensibleEnum) return;
  const before = new Set((base.extensibleEnum ?? []).map(stableStringify));
  const after = new Set((revision.extensibleEnum ?? []).map(stableStringify));
  for (const value of after)
    if (!before.has(value))
      add('extensible-enum-value-added', `x-extensible-enum value ${value} added`);
  for (const value of before)
    if (!after.has(value))
      add('extensible-enum-value-removed', `x-extensible-enum value ${value} removed`);
}

function compareBounds(base: SchemaView, revision: SchemaView, add: Add): void {
  // A new enum whose values all met the old bounds replaces them: it takes nothing back.
  const enumWithin = (test: (value: unknown) => boolean): boolean =>
    !base.enum && revision.enum !== undefined && revision.enum.every(test);
  const numeric = enumWithin((value) => typeof value === 'number' && withinBounds(value, base));
  const textual = enumWithin(
    (value) =>
      typeof value === 'string' &&
      value.length <= (base.maxLength ?? Infinity) &&
      value.length >= (base.minLength ?? 0),
  );
  if (!numeric) {
    compareBound('max', base.maximum, revision.maximum, 1, add);
    compareBound('min', base.minimum, revision.minimum, -1, add);
  }
  if (!textual) {
    compareLimit('max-length', base.maxLength, revision.maxLength, 1, add);
    compareLimit('min-length', base.minLength, revision.minLength, -1, add);
  }
  compareLimit('max-items', base.maxItems, revision.maxItems, 1, add);
  compareLimit('min-items', base.minItems, revision.minItems, -1, add);
  compareLimit('max-properties', base.maxProperties, revision.maxProperties, 1, add, false);
  compareLimit('min-properties', base.minProperties, revision.minProperties, -1, add, false);
}

/**
 * Reports a `multipleOf` change on the side it can break: a request when fewer values
 * are accepted (2 to 4, or newly set), a response when more values may come back
 * (4 to 2, or removed). A change to an unrelated step (4 to 6) breaks both.
 */
function compareMultipleOf(
  base: number | undefined,
  revision: number | undefined,
  direction: Direction,
  add: Add,
): void {
  if (base === revision) return;
  const narrows = revision !== undefined && (base === undefined || isMultipleOf(revision, base));
  const widens = base !== undefined && (revision === undefined || isMultipleOf(base, revision));
  if (direction === 'request' ? widens : narrows) return;
  add('multiple-of-changed', `multipleOf changed from ${base ?? 'none'} to ${revision ?? 'none'}`);
}

/** True when `value` is a whole multiple of `step`, allowing for decimal rounding (0.3 of 0.1). */
function isMultipleOf(value: number, step: number): boolean {
  const quotient = value / step;
  return Math.abs(quotient - Math.round(quotient)) < 1e-9;
}

function withinBounds(value: number, view: SchemaView): boolean {
  const { maximum, minimum } = view;
  if (maximum && (maximum.exclusive ? value >= maximum.value : value > maximum.value)) return false;
  if (minimum && (minimum.exclusive ? value <= minimum.value : value < minimum.value)) return false;
  return true;
}

/**
 * Compares numeric bounds. `sign` is 1 for an upper bound (lowering it narrows) and
 * -1 for a lower bound; an exclusive bound at the same value is the narrower one.
 */
function compareBound(
  name: string,
  base: Bound | undefined,
  revision: Bound | undefined,
  sign: 1 | -1,
  add: Add,
): void {
  if (!base && !revision) return;
  const show = (bound: Bound | undefined): string =>
    bound ? `${bound.exclusive ? 'exclusive ' : ''}${bound.value}` : 'none';
  const detail = `${name === 'max' ? 'maximum' : 'minimum'} changed from ${show(base)} to ${show(revision)}`;
  if (!base) return add(`${name}-set`, detail);
  if (!revision) return add(`${name}-removed`, detail);
  const difference = (revision.value - base.value) * sign;
  const tighter = difference < 0 || (difference === 0 && revision.exclusive && !base.exclusive);
  const looser = difference > 0 || (difference === 0 && !revision.exclusive && base.exclusive);
  if (tighter) add(sign === 1 ? `${name}-decreased` : `${name}-increased`, detail);
  else if (looser) add(sign === 1 ? `${name}-increased` : `${name}-decreased`, detail);
}

function compareLimit(
  name: string,
  base: number | undefined,
  revision: number | undefined,
  sign: 1 | -1,
  add: Add,
  reportSetAndRemoved = true,
): void {
  if (base === revision) return;
  // A lower limit of 0 on a length or count constrains nothing: setting or dropping one is no change.
  if (sign === -1 && (base ?? 0) === 0 && (revision ?? 0) === 0) return;
  const detail = `${name.replace('-', ' ')} changed from ${base ?? 'none'} to ${revision ?? 'none'}`;
  if (base === undefined) {
    if (reportSetAndRemoved) add(`${name}-set`, detail);
    else add(sign === 1 ? `${name}-decreased` : `${name}-increased`, detail);
    return;
  }
  if (revision === undefined) {
    if (reportSetAndRemoved) add(`${name}-removed`, detail);
    else add(sign === 1 ? `${name}-increased` : `${name}-decreased`, detail);
    return;
  }
  const tighter = (revision - base) * sign < 0;
  add(tighter === (sign === 1) ? `${name}-decreased` : `${name}-increased`, detail);
}
