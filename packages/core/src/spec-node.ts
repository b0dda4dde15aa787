import { SpecgateError } from './errors.js';
import { getAtPointer } from './pointer.js';
import type { SourceFile } from './source-file.js';
import type { SpecDocument } from './spec-document.js';

/** A value in a spec together with where it is written. */
export interface SpecNode {
  value: unknown;
  file: SourceFile;
  pointer: string;
  /**
   * Nodes to return for some keys in place of the ones at `pointer`/key. Set on a value built
   * from parts written elsewhere, such as the form body of Swagger 2.0 `formData`
   * parameters, so each part keeps its own file and pointer.
   */
  children?: Readonly<Record<string, SpecNode>>;
}

/** Returns the root node of a loaded spec. */
export function rootNode(document: SpecDocument): SpecNode {
  return { value: document.root, file: document.rootFile, pointer: '' };
}

/** Returns the child of an object or array node, or null when it is absent. */
export function child(node: SpecNode, key: string | number): SpecNode | null {
  const placed = node.children?.[String(key)];
  if (placed) return placed;
  const value = node.value;
  if (value === null || typeof value !== 'object') return null;
  const childValue = (value as Record<string, unknown>)[key];
  if (childValue === undefined) return null;
  return { value: childValue, file: node.file, pointer: `${node.pointer}/${escape(String(key))}` };
}

/** Follows `$ref`s until a node that is not a reference; a cycle of references is an input error. */
export function deref(document: SpecDocument, node: SpecNode): SpecNode {
  let current = node;
  const seen = new Set<string>();
  while (isRef(current.value)) {
    const key = `${current.file.path}#${current.pointer}`;
    if (seen.has(key)) {
      throw new SpecgateError(
        'INVALID_DOCUMENT',
        `${current.file.displayPath}: $ref cycle through ${current.pointer} with no schema in it. Point one of the $refs at a real object.`,
        { file: current.file.displayPath },
      );
    }
    seen.add(key);
    const target = document.resolveRef(current.value.$ref, current.file);
    current = { value: target.value, file: target.file, pointer: target.pointer };
  }
  return current;
}

/** True for an object with a string `$ref`. */
export function isRef(value: unknown): value is { $ref: string } {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as Record<string, unknown>)['$ref'] === 'string'
  );
}

/** Reads a plain-object value, or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Keys of an object node, in document order. */
export function keysOf(node: SpecNode | null): string[] {
  const record = node ? asRecord(node.value) : undefined;
  return record ? Object.keys(record) : [];
}

/** Reads the value at a pointer inside a node. */
export function valueAt(node: SpecNode, pointer: string): unknown {
  return getAtPointer(node.value, pointer);
}

function escape(segment: string): string {
  if (!segment.includes('~') && !segment.includes('/')) return segment;
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
