import {
  child,
  listServers,
  operationKey,
  parsePointer,
  rootNode,
  type OperationView,
  type SpecDocument,
  type ServerView,
  type SpecNode,
} from '@specgate/core';

import { CHANGE_LEVELS } from './change-kinds.js';
import type { ChangeLog } from './change.js';

/** The operations of both versions keyed so that the same endpoint has the same key. */
export interface AlignedOperations {
  base: Map<string, OperationView>;
  revision: Map<string, OperationView>;
  /** True when the base path moved between the server URL and the paths, leaving URLs as they were. */
  basePathMoved?: boolean;
}

/**
 * Keys the operations of both versions by full URL path (server path plus path template),
 * or by path template alone when that matches more of them. The full path lines up a
 * Swagger 2.0 `basePath` with a 3.x server URL and a base path moved into the paths; the
 * template alone lines up an API whose base path changed, which is then reported once
 * as `api-base-path-changed` instead of as every operation removed and added.
 */
export function alignOperations(
  log: ChangeLog,
  baseDocument: SpecDocument,
  revisionDocument: SpecDocument,
  baseOperations: OperationView[],
  revisionOperations: OperationView[],
): AlignedOperations {
  const [baseServer] = listServers(baseDocument);
  const [revisionServer] = listServers(revisionDocument);
  const basePrefix = baseServer?.basePath ?? '';
  const revisionPrefix = revisionServer?.basePath ?? '';
  const full = {
    base: keyed(baseOperations, fullPath(baseDocument, basePrefix)),
    revision: keyed(revisionOperations, fullPath(revisionDocument, revisionPrefix)),
  };
  if (basePrefix === revisionPrefix) return full;
  const relative = {
    base: keyed(baseOperations, (operation) => operation.pathKey),
    revision: keyed(revisionOperations, (operation) => operation.pathKey),
  };
  if (matches(relative) <= matches(full)) return { ...full, basePathMoved: true };
  log.add({
    id: 'api-base-path-changed',
    level: CHANGE_LEVELS['api-base-path-changed'] ?? 'error',
    message: `base path of every operation changed from "${basePrefix || '/'}" to "${revisionPrefix || '/'}"`,
    operation: null,
    base: nodeAt(baseDocument, baseServer?.pointer ?? ''),
    revision: nodeAt(revisionDocument, revisionServer?.pointer ?? ''),
  });
  return relative;
}

/**
 * Records servers added and removed, compared by URL with variables at their defaults.
 * `basePathMoved` compares them without their paths, which moved into the operations.
 */
export function compareServers(
  log: ChangeLog,
  baseDocument: SpecDocument,
  revisionDocument: SpecDocument,
  basePathMoved = false,
): void {
  // When the base path only moved into the paths, servers are compared without their paths.
  const keyOf = (server: ServerView) =>
    (basePathMoved
      ? server.url.slice(0, server.url.length - server.basePath.length)
      : server.url
    ).replace(/\/+$/, '');
  const declared = (document: SpecDocument) =>
    new Map(
      listServers(document)
        .filter((server) => server.pointer !== '')
        .map((server) => [keyOf(server), server]),
    );
  const before = declared(baseDocument);
  const after = declared(revisionDocument);
  for (const [url, server] of before) {
    if (after.has(url)) continue;
    log.add({
      id: 'server-removed',
      level: CHANGE_LEVELS['server-removed'] ?? 'warning',
      message: `server ${server.url} removed; clients configured with it must move`,
      operation: null,
      base: nodeAt(baseDocument, server.pointer),
      revision: null,
    });
  }
  for (const [url, server] of after) {
    if (before.has(url)) continue;
    log.add({
      id: 'server-added',
      level: CHANGE_LEVELS['server-added'] ?? 'info',
      message: `server ${server.url} added`,
      operation: null,
      base: null,
      revision: nodeAt(revisionDocument, server.pointer),
    });
  }
}

function fullPath(document: SpecDocument, prefix: string) {
  // A Swagger 2.0 operation path already starts with the base path.
  return (operation: OperationView): string =>
    document.version === '2.0' ? operation.path : prefix + operation.pathKey;
}

function keyed(
  operations: OperationView[],
  pathOf: (operation: OperationView) => string,
): Map<string, OperationView> {
  return new Map(
    operations.map((operation) => [
      operationKey({ method: operation.method, path: pathOf(operation) }),
      operation,
    ]),
  );
}

function matches(aligned: AlignedOperations): number {
  let count = 0;
  for (const key of aligned.base.keys()) if (aligned.revision.has(key)) count += 1;
  return count;
}

function nodeAt(document: SpecDocument, pointer: string): SpecNode {
  let node = rootNode(document);
  for (const segment of parsePointer(pointer)) {
    const next = child(node, segment);
    if (!next) break;
    node = next;
  }
  return node;
}
