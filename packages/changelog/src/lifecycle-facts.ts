import { asRecord, listOperations, type OperationRef, type SpecDocument } from '@specgate/core';
import { readLifecycle, type StabilityLevel } from '@specgate/policy';

import { operationAnchor } from './anchor.js';

/** The lifecycle of an operation as a changelog shows it. */
export interface OperationLifecycle {
  deprecated: boolean;
  deprecatedAt: string | null;
  sunset: string | null;
  /** Whole days from the changelog's `today` to the sunset; negative once it has passed. */
  daysToSunset: number | null;
  stability: StabilityLevel;
  replacedBy: string | null;
  migrationGuide: string | null;
}

/** One deprecated operation of a spec, for the sunset table and the deprecation timeline. */
export interface Deprecation {
  anchor: string;
  operation: OperationRef;
  summary: string | null;
  lifecycle: OperationLifecycle;
}

/** An operation of a spec with what a changelog entry shows besides its changes. */
export interface OperationFacts {
  summary: string | null;
  lifecycle: OperationLifecycle;
}

/** Indexes the operations of a spec by `METHOD path`, as the diff engine names them. */
export function indexOperationFacts(
  document: SpecDocument,
  today: string,
): Map<string, OperationFacts> {
  const facts = new Map<string, OperationFacts>();
  for (const operation of listOperations(document)) {
    const node = asRecord(operation.node.value) ?? {};
    const summary = typeof node['summary'] === 'string' ? node['summary'] : null;
    const lifecycle = toLifecycle(node, today);
    facts.set(`${operation.method.toUpperCase()} ${operation.path}`, { summary, lifecycle });
  }
  return facts;
}

/** Lists the deprecated operations of a spec, those with the earliest sunset first. */
export function listDeprecations(document: SpecDocument, today: string): Deprecation[] {
  const rows: Deprecation[] = [];
  for (const operation of listOperations(document)) {
    const node = asRecord(operation.node.value) ?? {};
    const lifecycle = toLifecycle(node, today);
    if (!lifecycle.deprecated) continue;
    const method = operation.method.toUpperCase();
    rows.push({
      anchor: operationAnchor(method, operation.path),
      operation: { method, path: operation.path, operationId: operation.operationId },
      summary: typeof node['summary'] === 'string' ? node['summary'] : null,
      lifecycle,
    });
  }
  return rows.sort(
    (a, b) =>
      (a.lifecycle.sunset ?? '9999').localeCompare(b.lifecycle.sunset ?? '9999') ||
      a.operation.path.localeCompare(b.operation.path) ||
      a.operation.method.localeCompare(b.operation.method),
  );
}

function toLifecycle(node: Record<string, unknown>, today: string): OperationLifecycle {
  const facts = readLifecycle(node);
  return {
    deprecated: facts.deprecated,
    deprecatedAt: facts.deprecatedAt ?? null,
    sunset: facts.sunset ?? null,
    daysToSunset: facts.sunset === undefined ? null : daysBetween(today, facts.sunset),
    stability: facts.stability,
    replacedBy: facts.replacedBy ?? null,
    migrationGuide: facts.migrationGuide ?? null,
  };
}

/** Counts whole days from one YYYY-MM-DD date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
