import { pathShape } from '@specgate/core';

import { addDays, daysBetween } from './dates.js';
import type { LifecycleElement } from './elements.js';
import type { SpecCheckContext } from './spec-checks.js';

/** A version segment anywhere in a path: `/v1`, `/v1.0`, `/v2beta1`. */
const VERSION_SEGMENT = /(?:^|\/)v[0-9]+(?:\.[0-9]+)?(?:alpha[0-9]*|beta[0-9]*)?(?=\/|$)/;

/** An operation placed in its major version, with its path after the version segment. */
interface VersionedOperation {
  element: LifecycleElement;
  major: number;
  /** Method plus the path shape after the version segment. */
  route: string;
}

/** Runs the versioning checks: version segments in paths, successors, preview age. */
export function checkVersioning(context: SpecCheckContext): void {
  const operations = context.elements.filter((element) => element.kind === 'operation');
  const { scheme } = context.policy.versioning;
  if (scheme === 'path') checkPathVersions(context, operations);
  else checkNoPathVersion(context, operations);
  checkPreviewAge(context, operations);
}

function checkNoPathVersion(context: SpecCheckContext, operations: LifecycleElement[]): void {
  for (const element of operations) {
    const path = element.operation?.path ?? '';
    if (!VERSION_SEGMENT.test(path)) continue;
    context.sink.add(
      'version-in-path-forbidden',
      `${element.label} carries a version in its path, but the policy's versioning scheme is "${context.policy.versioning.scheme}". Drop the version segment from the path.`,
      context.document,
      element.node,
      element.operation,
    );
  }
}

function checkPathVersions(context: SpecCheckContext, operations: LifecycleElement[]): void {
  const pattern = new RegExp(context.policy.versioning.pathPattern);
  const basePath = serverBasePath(context.document.root['servers']);
  const versioned: VersionedOperation[] = [];
  for (const element of operations) {
    const path = element.operation?.path ?? '';
    const match = pattern.exec(path) ?? pattern.exec(basePath + path);
    if (!match) {
      context.sink.add(
        'version-path-invalid',
        `${element.label} has no version segment matching ${pattern.source}. Put the major version first in the path, e.g. /v1${path}.`,
        context.document,
        element.node,
        element.operation,
      );
      continue;
    }
    const major = match.groups?.['major'];
    if (major === undefined) continue;
    const rest = `/${match.input.slice(match[0].length)}`.replace(/^\/+/, '/');
    versioned.push({
      element,
      major: Number(major),
      route: `${element.operation?.method ?? ''} ${pathShape(rest)}`,
    });
  }
  checkSuccessors(context, versioned);
}

function checkSuccessors(context: SpecCheckContext, versioned: VersionedOperation[]): void {
  const byRoute = new Map<string, VersionedOperation[]>();
  for (const entry of versioned)
    byRoute.set(entry.route, [...(byRoute.get(entry.route) ?? []), entry]);
  for (const entry of versioned) {
    const successors = (byRoute.get(entry.route) ?? []).filter(
      (other) => other.major > entry.major,
    );
    const successor = successors.sort((a, b) => a.major - b.major)[0];
    if (!successor) continue;
    const { element } = entry;
    if (!element.lifecycle.deprecated) {
      context.sink.add(
        'successor-exists-not-deprecated',
        `${element.label} has a successor in v${successor.major} (${successor.element.label}) but is not deprecated. Deprecate it with a sunset date.`,
        context.document,
        element.node,
        element.operation,
      );
      continue;
    }
    checkSupportWindow(context, element, successor.element);
  }
}

function checkSupportWindow(
  context: SpecCheckContext,
  element: LifecycleElement,
  successor: LifecycleElement,
): void {
  const days = context.policy.versioning.supersededSupportDays;
  const { sunset } = element.lifecycle;
  const since = successor.sinceDate;
  if (days === 0 || sunset === undefined || since === undefined) return;
  const earliest = addDays(since, days);
  if (sunset >= earliest) return;
  context.sink.add(
    'superseded-support-too-short',
    `${element.label} sunsets on ${sunset}, but its successor ${successor.label} shipped on ${since} and the old version must keep working ${days} days after that. Move the sunset to ${earliest} or later.`,
    context.document,
    element.raw.sunset ?? element.node,
    element.operation,
  );
}

function checkPreviewAge(context: SpecCheckContext, operations: LifecycleElement[]): void {
  const maximum = context.policy.versioning.previewMaxAgeDays;
  if (maximum === 0) return;
  for (const element of operations) {
    const { stability } = element.lifecycle;
    if (stability === 'stable' || element.sinceDate === undefined) continue;
    const age = daysBetween(element.sinceDate, context.today);
    if (age <= maximum) continue;
    context.sink.add(
      'preview-too-old',
      `${element.label} has been ${stability} for ${age} days (since ${element.sinceDate}), more than the ${maximum} allowed. Make it stable or remove it.`,
      context.document,
      element.node,
      element.operation,
    );
  }
}

/** The path of the first server URL, without a trailing slash; empty when there is none. */
function serverBasePath(servers: unknown): string {
  if (!Array.isArray(servers)) return '';
  const url = (servers[0] as { url?: unknown } | undefined)?.url;
  if (typeof url !== 'string') return '';
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  return path.replace(/\/+$/, '');
}
