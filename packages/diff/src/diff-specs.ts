import {
  asRecord,
  compareFindings,
  compareText,
  fingerprint,
  listOperations,
  locateNode,
  todayUtc,
  type Level,
  type OperationView,
  type SpecDocument,
  type SpecNode,
} from '@specgate/core';

import { ChangeLog, type Change, type PendingChange } from './change.js';
import { compareOperation, fixedChange, type OperationContext } from './operation-object.js';
import { SchemaComparer } from './schema-object.js';
import { compareWebhooks } from './callback-object.js';
import { compareSecuritySchemes } from './security-scheme.js';
import { alignOperations, compareServers } from './server-object.js';
import { parseSunset } from './sunset.js';

/** Options of a comparison. */
export interface DiffOptions {
  /** The day sunset dates are compared with, as YYYY-MM-DD; default today in UTC. */
  today?: string;
  /** Level per change id, overriding the built-in one; `off` drops the change. */
  levels?: Record<string, Level | 'off'>;
  /** Called after each operation of the base is compared, so a caller can watch a long run. */
  afterOperation?: (() => void) | undefined;
}

/** One side of a comparison, as the JSON output names it. */
export interface DiffSide {
  source: string;
  version: string | null;
}

/** The result of comparing two versions of a spec. */
export interface DiffResult {
  base: DiffSide;
  revision: DiffSide;
  changes: Change[];
  summary: { error: number; warning: number; info: number; breaking: boolean };
}

/** Compares two versions of a spec and lists every change, with its level and both locations. */
export function diffSpecs(
  base: SpecDocument,
  revision: SpecDocument,
  options: DiffOptions = {},
): DiffResult {
  const log = new ChangeLog();
  const schemas = new SchemaComparer(base, revision);
  const today = options.today ?? todayUtc();
  const documents = { base, revision };
  const aligned = alignOperations(
    log,
    base,
    revision,
    listOperations(base),
    listOperations(revision),
  );
  compareServers(log, base, revision, aligned.basePathMoved === true);
  compareSecuritySchemes(log, base, revision);
  const baseOperations = aligned.base;
  const revisionOperations = aligned.revision;
  for (const [key, before] of baseOperations) {
    const after = revisionOperations.get(key);
    const context: OperationContext = {
      log,
      schemas,
      documents,
      operation: operationRef(after ?? before),
    };
    if (after) compareOperation(context, before, after);
    else recordRemoval(context, before, revision, today);
    options.afterOperation?.();
  }
  for (const [key, after] of revisionOperations) {
    if (baseOperations.has(key)) continue;
    const context: OperationContext = { log, schemas, documents, operation: operationRef(after) };
    fixedChange(context)('endpoint-added', 'operation added', null, after.node);
  }
  compareWebhooks({ log, schemas, documents });
  const changes = finalise(log.changes, options.levels ?? {});
  return {
    base: { source: base.rootFile.displayPath, version: base.apiVersion },
    revision: { source: revision.rootFile.displayPath, version: revision.apiVersion },
    changes,
    summary: summariseChanges(changes),
  };
}

function operationRef(operation: OperationView) {
  return {
    method: operation.method.toUpperCase(),
    path: operation.path,
    operationId: operation.operationId,
  };
}

/** Removing an operation is allowed once it was deprecated and its sunset day has come. */
function recordRemoval(
  context: OperationContext,
  operation: OperationView,
  revision: SpecDocument,
  today: string,
): void {
  const add = fixedChange(context);
  if (!operation.deprecated) {
    add(
      'endpoint-removed-without-deprecation',
      'operation removed without being deprecated first',
      operation.node,
      null,
    );
    return;
  }
  const sunsetValue = asRecord(operation.node.value)?.['x-sunset'];
  const sunset = parseSunset(sunsetValue);
  if (sunset === null) {
    add(
      'endpoint-removed-without-sunset',
      'deprecated operation removed, but it has no valid x-sunset date that announced the removal',
      operation.node,
      null,
    );
  } else if (sunset > today) {
    add(
      'endpoint-removed-before-sunset',
      `deprecated operation removed before its sunset date ${sunset}`,
      operation.node,
      null,
    );
  } else {
    add(
      'endpoint-removed-after-sunset',
      `deprecated operation removed after its sunset date ${sunset}`,
      operation.node,
      null,
    );
  }
}

function finalise(pending: PendingChange[], levels: Record<string, Level | 'off'>): Change[] {
  const seen = new Set<string>();
  const changes: Change[] = [];
  for (const change of pending) {
    const override = levels[change.id];
    if (override === 'off') continue;
    const level = override ?? change.level;
    const baseLocation = change.base ? locate(change.base) : null;
    const revisionLocation = change.revision ? locate(change.revision) : null;
    const operationText = change.operation
      ? `${change.operation.method} ${change.operation.path}`
      : '';
    const print = fingerprint(
      change.id,
      `${operationText}${(revisionLocation ?? baseLocation)?.pointer ?? ''}`,
      change.message,
    );
    if (seen.has(print)) continue;
    seen.add(print);
    changes.push({
      kind: 'change',
      id: change.id,
      level,
      message: change.message,
      operation: change.operation,
      location: revisionLocation ?? baseLocation,
      base: baseLocation,
      revision: revisionLocation,
      fingerprint: print,
    });
  }
  return changes.sort(compareChanges);
}

function locate(node: SpecNode) {
  return locateNode(node);
}

function compareChanges(a: Change, b: Change): number {
  return (
    levelRank(b.level) - levelRank(a.level) ||
    compareText(a.operation?.path ?? '', b.operation?.path ?? '') ||
    compareText(a.operation?.method ?? '', b.operation?.method ?? '') ||
    compareText(a.id, b.id) ||
    compareFindings(a, b)
  );
}

function levelRank(level: Level): number {
  if (level === 'error') return 2;
  if (level === 'warning') return 1;
  return 0;
}

/** Counts changes per level, leaving out waived ones; breaking means any error is left. */
export function summariseChanges(changes: readonly Change[]): DiffResult['summary'] {
  const summary = { error: 0, warning: 0, info: 0, breaking: false };
  for (const change of changes) {
    if (change.waived) continue;
    summary[change.level] += 1;
  }
  summary.breaking = summary.error > 0;
  return summary;
}

/** Builds the stable JSON document that `specgate diff --format json` prints (schemaVersion 1). */
export function diffToJson(result: DiffResult): object {
  return {
    schemaVersion: 1,
    base: result.base,
    revision: result.revision,
    changes: result.changes.map((change) => ({
      id: change.id,
      level: change.level,
      operation: change.operation,
      message: change.message,
      base: change.base,
      revision: change.revision,
      fingerprint: change.fingerprint,
      ...(change.waived ? { waived: change.waived } : {}),
      ...(change.gate ? { gate: change.gate } : {}),
      ...(change.revisionAnchor ? { revisionAnchor: change.revisionAnchor } : {}),
    })),
    summary: result.summary,
  };
}
