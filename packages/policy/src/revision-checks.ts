import { pathShape, type SpecDocument } from '@specgate/core';

import { addDays, daysBetween } from './dates.js';
import type { LifecycleElement } from './elements.js';
import type { FindingSink } from './finding-sink.js';
import { STABILITY_LEVELS, type StabilityLevel } from './lifecycle.js';
import type { PolicyConfig } from './policy-config.js';
import type { TrafficReport } from './traffic-report.js';

/** What the base-vs-revision checks read. */
export interface RevisionCheckContext {
  base: SpecDocument;
  revision: SpecDocument;
  baseElements: LifecycleElement[];
  revisionElements: LifecycleElement[];
  policy: PolicyConfig;
  today: string;
  sink: FindingSink;
  traffic: TrafficReport | null;
}

/** Runs the checks that compare an element's lifecycle in the base with the revision. */
export function checkRevision(context: RevisionCheckContext): void {
  const before = new Map(context.baseElements.map((element) => [element.key, element]));
  const after = new Map(context.revisionElements.map((element) => [element.key, element]));
  for (const [key, element] of before) {
    const next = after.get(key);
    if (next) compareLifecycle(context, element, next);
    // Removing an operation removes its parameters, which its own finding covers.
    else if (element.kind === 'operation' || after.has(element.parentKey ?? '')) {
      checkRemoval(context, element);
    }
  }
  for (const [key, element] of after) {
    if (before.has(key) || element.kind === 'property' || !element.lifecycle.deprecated) continue;
    if (element.kind === 'parameter' && !before.has(element.parentKey ?? '')) continue;
    onRevision(
      context,
      element,
      'newly-added-deprecated',
      `${element.label} is new in this revision but already deprecated. Add it without deprecated: true, or do not add it.`,
    );
  }
}

function operationExisted(
  before: Map<string, LifecycleElement>,
  element: LifecycleElement,
): boolean {
  return [...before.values()].some(
    (other) => other.kind === 'operation' && element.key.startsWith(`${other.key} `),
  );
}

function onRevision(
  context: RevisionCheckContext,
  element: LifecycleElement,
  id: Parameters<FindingSink['add']>[0],
  message: string,
  node = element.node,
): void {
  context.sink.add(id, message, context.revision, node, element.operation);
}

function isEnforced(policy: PolicyConfig, level: StabilityLevel): boolean {
  return rank(level) >= rank(policy.stability.enforceFrom);
}

function rank(level: StabilityLevel): number {
  return STABILITY_LEVELS.indexOf(level);
}

function checkRemoval(context: RevisionCheckContext, element: LifecycleElement): void {
  const { lifecycle } = element;
  if (!isEnforced(context.policy, lifecycle.stability)) return;
  const add = (id: Parameters<FindingSink['add']>[0], message: string): void =>
    context.sink.add(id, message, context.base, element.node, element.operation);
  if (!lifecycle.deprecated) {
    add(
      'removed-without-deprecation',
      `${element.label} was removed without being deprecated first. Restore it, mark it deprecated with a sunset date, and remove it on or after that date.`,
    );
  } else if (lifecycle.sunset === undefined) {
    add(
      'removed-before-sunset',
      `${element.label} was removed, but it was deprecated without a sunset date. Restore it and announce a sunset date first.`,
    );
  } else if (lifecycle.sunset > context.today) {
    add(
      'removed-before-sunset',
      `${element.label} was removed before its sunset date ${lifecycle.sunset} (${daysBetween(context.today, lifecycle.sunset)} days left). Restore it until then.`,
    );
  }
  if (element.kind === 'operation') checkTrafficOnRemoval(context, element, add);
}

function checkTrafficOnRemoval(
  context: RevisionCheckContext,
  element: LifecycleElement,
  add: (id: 'removed-with-traffic', message: string) => void,
): void {
  const operation = element.operation;
  if (!context.traffic || !operation) return;
  const since = addDays(context.today, -context.policy.removal.requireNoTrafficDays);
  const seen = findTraffic(context.traffic, operation.method, operation.path);
  const recent = seen?.clients.filter((client) => (client.lastSeen ?? '') >= since) ?? [];
  if (!seen || recent.length === 0) return;
  const requests = recent.reduce((sum, client) => sum + client.requests, 0);
  const names = recent
    .slice(0, 3)
    .map((client) => client.id)
    .join(', ');
  add(
    'removed-with-traffic',
    `${element.label} was removed, but ${recent.length} client(s) called it ${requests} time(s) since ${since} (${names}). Keep it until they have migrated.`,
  );
}

/** The traffic entry of an operation, matched by method and path shape. */
export function findTraffic(traffic: TrafficReport, method: string, path: string) {
  const shape = pathShape(path);
  return traffic.operations.find(
    (entry) =>
      entry.method.toUpperCase() === method.toUpperCase() && pathShape(entry.path) === shape,
  );
}

function compareLifecycle(
  context: RevisionCheckContext,
  before: LifecycleElement,
  after: LifecycleElement,
): void {
  const old = before.lifecycle;
  const now = after.lifecycle;
  const sunsetNode = after.raw.sunset;
  if (old.deprecated && !now.deprecated) {
    onRevision(context, after, 'undeprecated', `${after.label} is no longer deprecated.`);
  }
  if (old.sunset !== undefined && now.sunset === undefined && !after.raw.sunset && now.deprecated) {
    onRevision(
      context,
      after,
      'sunset-removed',
      `the sunset date ${old.sunset} of ${after.label} was deleted while it stays deprecated. Restore it, or move it later.`,
    );
  }
  const minimum = context.policy.deprecation.minNoticeDays[now.stability];
  const earliest = addDays(context.today, minimum);
  if (
    old.sunset !== undefined &&
    now.sunset !== undefined &&
    now.sunset < old.sunset &&
    now.sunset < earliest
  ) {
    onRevision(
      context,
      after,
      'sunset-moved-earlier',
      `the sunset of ${after.label} moved from ${old.sunset} to ${now.sunset}, less than the ${minimum} days of notice from today (${earliest}). Keep ${old.sunset} or choose ${earliest} or later.`,
      sunsetNode,
    );
  }
  checkDeprecationDate(context, before, after);
  if (!old.deprecated && now.deprecated && context.policy.deprecation.minNoticeFromToday) {
    if (
      now.sunset !== undefined &&
      now.sunset < earliest &&
      isEnforced(context.policy, now.stability)
    ) {
      onRevision(
        context,
        after,
        'notice-from-today-too-short',
        `${after.label} is deprecated in this revision with a sunset on ${now.sunset}, ${daysBetween(context.today, now.sunset)} days from today; ${now.stability} elements need ${minimum}. Move the sunset to ${earliest} or later.`,
        sunsetNode,
      );
    }
  }
  checkStability(context, before, after);
}

function checkDeprecationDate(
  context: RevisionCheckContext,
  before: LifecycleElement,
  after: LifecycleElement,
): void {
  const old = before.lifecycle.deprecatedAt;
  const now = after.lifecycle.deprecatedAt;
  const node = after.raw.deprecatedAt;
  if (old !== undefined && now !== undefined && old !== now) {
    onRevision(
      context,
      after,
      'deprecated-at-changed',
      `the deprecation date of ${after.label} changed from ${old} to ${now}; a published deprecation date stays as it is. Restore ${old}.`,
      node,
    );
    return;
  }
  const tolerance = context.policy.deprecation.backdateToleranceDays;
  const oldest = addDays(context.today, -tolerance);
  if (old === undefined && now !== undefined && now < oldest) {
    onRevision(
      context,
      after,
      'deprecated-at-backdated',
      `${after.label} gets the deprecation date ${now}, which is before ${oldest} (today minus ${tolerance} days); clients could not have known. Use today's date, ${context.today}.`,
      node,
    );
  }
}

function checkStability(
  context: RevisionCheckContext,
  before: LifecycleElement,
  after: LifecycleElement,
): void {
  // Inherited levels change with the operation or API; only the element that sets one reports.
  if (!before.stabilityExplicit && !after.stabilityExplicit) return;
  const old = before.lifecycle.stability;
  const now = after.lifecycle.stability;
  if (rank(now) < rank(old) && isEnforced(context.policy, old)) {
    onRevision(
      context,
      after,
      'stability-decreased',
      `the stability of ${after.label} went down from ${old} to ${now}. Keep it ${old}, or publish the ${now} version as a new operation.`,
      after.raw.stability,
    );
  } else if (rank(now) > rank(old)) {
    onRevision(
      context,
      after,
      'stability-increased',
      `the stability of ${after.label} went up from ${old} to ${now}.`,
      after.raw.stability,
    );
  }
}
