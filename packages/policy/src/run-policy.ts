import {
  child,
  rootNode,
  summarize,
  type Finding,
  type SpecDocument,
  type Summary,
} from '@specgate/core';

import { daysBetween } from './dates.js';
import { collectElements, type LifecycleElement } from './elements.js';
import { FindingSink, type PolicyFinding } from './finding-sink.js';
import type { PolicyConfig } from './policy-config.js';
import { checkRevision, findTraffic } from './revision-checks.js';
import { checkElements, type SpecCheckContext } from './spec-checks.js';
import type { TrafficReport } from './traffic-report.js';
import { checkVersioning } from './version-checks.js';

/** Days before a sunset from which calls to the operation are reported as a warning. */
export const SUNSET_WARNING_DAYS = 60;

/** What the policy checks of one API read. */
export interface PolicyOptions {
  revision: SpecDocument;
  /** The spec at the base revision; null when the API is new or was not diffed. */
  base?: SpecDocument | null;
  /** The diff's changes between base and revision, for the major-version rule. */
  changes?: readonly Finding[];
  policy: PolicyConfig;
  /** The day dates are compared with, YYYY-MM-DD. */
  today: string;
  /** The API's stability from `specgate.yaml`, used where the spec sets none. */
  apiStability?: string | undefined;
  traffic?: TrafficReport | null;
}

/** The policy findings of one API. */
export interface PolicyResult {
  findings: PolicyFinding[];
  summary: Summary;
}

/**
 * Applies the lifecycle policy to one API: single-spec checks on the revision, then,
 * with a base, the checks that compare the two, then the traffic checks.
 */
export function checkPolicy(options: PolicyOptions): PolicyResult {
  const sink = new FindingSink(options.policy.levels);
  const elementOptions = { policy: options.policy, apiStability: options.apiStability };
  const elements = collectElements(options.revision, elementOptions);
  const context: SpecCheckContext = {
    document: options.revision,
    elements,
    policy: options.policy,
    today: options.today,
    sink,
  };
  checkElements(context);
  checkVersioning(context);
  if (options.base) {
    checkRevision({
      base: options.base,
      revision: options.revision,
      baseElements: collectElements(options.base, elementOptions),
      revisionElements: elements,
      policy: options.policy,
      today: options.today,
      sink,
      traffic: options.traffic ?? null,
    });
    checkMajorVersion(options, sink);
  }
  if (options.traffic) checkTraffic(context, options.traffic);
  return { findings: sink.findings, summary: summarize(sink.findings) };
}

/** Major version of a semver `info.version`, or null when it is not semver (dates, `v1`). */
function semverMajor(version: string | null): number | null {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version ?? '');
  return match ? Number(match[1]) : null;
}

function checkMajorVersion(options: PolicyOptions, sink: FindingSink): void {
  const breaking = (options.changes ?? []).filter(
    (change) => change.level === 'error' && !change.waived,
  );
  if (breaking.length === 0 || !options.base) return;
  const before = semverMajor(options.base.apiVersion);
  const after = semverMajor(options.revision.apiVersion);
  if (before === null || after === null || after > before) return;
  const root = rootNode(options.revision);
  const node = child(child(root, 'info') ?? root, 'version') ?? root;
  const first = breaking[0] as Finding;
  sink.add(
    'breaking-without-major-bump',
    `${breaking.length} breaking change(s), e.g. ${first.id}, but info.version stays at major ${after} (${options.base.apiVersion} to ${options.revision.apiVersion}). Release them as version ${before + 1}.0.0 or under a new path version.`,
    options.revision,
    node,
    null,
  );
}

function checkTraffic(context: SpecCheckContext, traffic: TrafficReport): void {
  for (const element of context.elements) {
    if (element.kind !== 'operation' || !element.operation) continue;
    const { sunset, deprecated } = element.lifecycle;
    if (!deprecated || sunset === undefined) continue;
    const seen = findTraffic(traffic, element.operation.method, element.operation.path);
    if (!seen || seen.requests === 0) continue;
    const days = daysBetween(context.today, sunset);
    reportInUse(context, element, seen.requests, seen.clients.length, days);
  }
}

function reportInUse(
  context: SpecCheckContext,
  element: LifecycleElement,
  requests: number,
  clients: number,
  days: number,
): void {
  const sunset = element.lifecycle.sunset as string;
  const usage = `${requests} request(s) from ${clients} client(s)`;
  if (days <= 0) {
    context.sink.add(
      'sunset-passed-in-use',
      `${element.label} passed its sunset (${sunset}) but the traffic report shows ${usage}. Contact those clients before removing it.`,
      context.document,
      element.raw.sunset ?? element.node,
      element.operation,
    );
  } else if (days <= SUNSET_WARNING_DAYS) {
    context.sink.add(
      'sunset-approaching-in-use',
      `${element.label} sunsets in ${days} days (${sunset}) and the traffic report shows ${usage}. Remind those clients to migrate.`,
      context.document,
      element.raw.sunset ?? element.node,
      element.operation,
    );
  }
}
