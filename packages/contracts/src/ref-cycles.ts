import { getAtPointer, parsePointer } from '@specgate/core';

/**
 * Returns a copy of a one-file document in which every local `$ref` that closes a cycle is
 * replaced by an empty schema, which accepts any value. openapi-pact-comparator 2.3.1 runs
 * out of stack on recursive schemas, so a recursive property is checked to its first
 * level only. The cycles are found by a depth-first walk from the root, following each
 * `$ref` once.
 */
export function withoutRefCycles(document: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(document);
  const state = new Map<string, 'open' | 'done'>();
  const visit = (pointer: string, node: unknown): void => {
    state.set(pointer, 'open');
    walk(node);
    state.set(pointer, 'done');
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const ref = record['$ref'];
    if (typeof ref === 'string' && ref.startsWith('#')) {
      const target = ref.slice(1);
      const seen = state.get(target);
      if (seen === 'open') {
        delete record['$ref'];
        return;
      }
      if (seen === undefined) {
        // An unresolvable pointer is left for the comparator to report.
        if (parsePointer(ref).length > 0 && getAtPointer(copy, target) !== undefined) {
          visit(target, getAtPointer(copy, target));
        }
      }
      return;
    }
    for (const child of Object.values(record)) walk(child);
  };
  visit('', copy);
  return copy;
}
