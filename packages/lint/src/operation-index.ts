import { isRef, type BaseResolver, type Document } from '@redocly/openapi-core';
import {
  getAtPointer,
  HTTP_METHODS,
  parsePointer,
  toPointer,
  type OperationRef,
} from '@specgate/core';

import { isObject } from './openapi-objects.js';

/**
 * Finds the operation a problem belongs to from where the problem sits. Operations are keyed by
 * their absolute location (file plus pointer), so a path item moved to another file by `$ref`
 * still maps its problems to the right operation.
 */
export class OperationIndex {
  readonly #operations = new Map<string, OperationRef>();

  /** Records the operations of every path item under the root document's `paths`. */
  static async build(root: Document, resolver: BaseResolver): Promise<OperationIndex> {
    const index = new OperationIndex();
    const paths = isObject(root.parsed) ? root.parsed['paths'] : undefined;
    if (!isObject(paths)) return index;

    const rootFile = root.source.absoluteRef;
    for (const [path, item] of Object.entries(paths)) {
      const place = isRef(item)
        ? await resolvePathItem(item.$ref, rootFile, resolver)
        : { file: rootFile, pointer: toPointer(['paths', path]), node: item };
      if (place !== undefined) index.#add(path, place);
    }
    return index;
  }

  /** Returns the operation whose subtree contains `pointer` in `file`, or null. */
  find(file: string, pointer: string): OperationRef | null {
    // Escaped pointers keep `/` only between segments, so each prefix up to a `/` is a pointer.
    for (let end = pointer.indexOf('/', 1); ; end = pointer.indexOf('/', end + 1)) {
      const prefix = end === -1 ? pointer : pointer.slice(0, end);
      const operation = this.#operations.get(key(file, prefix));
      if (operation !== undefined) return operation;
      if (end === -1) return null;
    }
  }

  #add(path: string, place: PathItemPlace): void {
    if (!isObject(place.node)) return;
    for (const method of HTTP_METHODS) {
      const operation = place.node[method];
      if (!isObject(operation)) continue;
      const operationId =
        typeof operation['operationId'] === 'string' ? operation['operationId'] : null;
      this.#operations.set(key(place.file, `${place.pointer}/${method}`), {
        method: method.toUpperCase(),
        path,
        operationId,
      });
    }
  }
}

interface PathItemPlace {
  file: string;
  pointer: string;
  node: unknown;
}

function key(file: string, pointer: string): string {
  return `${file}#${pointer}`;
}

async function resolvePathItem(
  ref: string,
  rootFile: string,
  resolver: BaseResolver,
): Promise<PathItemPlace | undefined> {
  const [filePart = '', fragment = ''] = ref.split('#');
  const file = filePart === '' ? rootFile : resolver.resolveExternalRef(rootFile, filePart);
  const document = await resolver.resolveDocument(rootFile, file).catch(() => undefined);
  if (document === undefined || document instanceof Error) return undefined;
  const pointer = toPointer(parsePointer(fragment));
  return { file, pointer, node: getAtPointer(document.parsed, pointer) };
}
