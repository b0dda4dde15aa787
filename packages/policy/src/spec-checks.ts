import { asRecord, listOperations, type OperationView, type SpecDocument } from '@specgate/core';

import { addDays, daysBetween } from './dates.js';
import { extension, type LifecycleElement } from './elements.js';
import type { FindingSink } from './finding-sink.js';
import { STABILITY_LEVELS } from './lifecycle.js';
import type { PolicyConfig } from './policy-config.js';

/** What every single-spec check reads. */
export interface SpecCheckContext {
  document: SpecDocument;
  elements: LifecycleElement[];
  policy: PolicyConfig;
  today: string;
  sink: FindingSink;
}

/** Runs the checks that need only one spec: dates, notice, replacement, headers. */
export function checkElements(context: SpecCheckContext): void {
  const resolver = replacementResolver(listOperations(context.document));
  for (const element of context.elements) {
    checkValues(context, element);
    if (element.lifecycle.deprecated) {
      checkDeprecated(context, element);
      if (element.kind === 'operation') checkReplacement(context, element, resolver);
      if (element.kind === 'operation') checkHeaders(context, element);
    } else if (element.lifecycle.sunset !== undefined && element.raw.sunset) {
      report(
        context,
        element,
        'sunset-without-deprecated',
        element.raw.sunset,
        `${element.label} has a sunset date (${element.lifecycle.sunset}) but is not deprecated. Add deprecated: true or remove the sunset.`,
      );
    }
  }
}

function report(
  context: SpecCheckContext,
  element: LifecycleElement,
  id: Parameters<FindingSink['add']>[0],
  node: LifecycleElement['node'] | undefined,
  message: string,
): void {
  context.sink.add(id, message, context.document, node ?? element.node, element.operation);
}

function checkValues(context: SpecCheckContext, element: LifecycleElement): void {
  const { raw, lifecycle } = element;
  if (raw.sunset && lifecycle.sunset === undefined) {
    report(
      context,
      element,
      'sunset-invalid',
      raw.sunset,
      `the sunset of ${element.label} is ${JSON.stringify(raw.sunset.value)}, not a date. Write it as YYYY-MM-DD (or an RFC 3339 date-time or HTTP-date).`,
    );
  }
  if (raw.deprecatedAt && lifecycle.deprecatedAt === undefined) {
    report(
      context,
      element,
      'deprecated-at-invalid',
      raw.deprecatedAt,
      `the deprecation date of ${element.label} is ${JSON.stringify(raw.deprecatedAt.value)}, not a date. Write it as YYYY-MM-DD (or an RFC 3339 date-time or HTTP-date).`,
    );
  }
  if (raw.stability && !element.stabilityExplicit) {
    report(
      context,
      element,
      'stability-invalid',
      raw.stability,
      `the stability level of ${element.label} is ${JSON.stringify(raw.stability.value)}. Use one of ${STABILITY_LEVELS.join(', ')}.`,
    );
  }
}

function checkDeprecated(context: SpecCheckContext, element: LifecycleElement): void {
  const { lifecycle } = element;
  const { deprecation } = context.policy;
  const stability = lifecycle.stability;
  if (
    lifecycle.sunset === undefined &&
    !element.raw.sunset &&
    deprecation.requireSunset[stability]
  ) {
    report(
      context,
      element,
      'sunset-missing',
      undefined,
      `${element.label} is deprecated (${stability}) but has no sunset date. Add ${context.policy.extensions.sunset[0]}: YYYY-MM-DD.`,
    );
  }
  if (
    lifecycle.deprecatedAt === undefined &&
    !element.raw.deprecatedAt &&
    deprecation.requireDeprecatedAt[stability]
  ) {
    report(
      context,
      element,
      'deprecated-at-missing',
      undefined,
      `${element.label} is deprecated (${stability}) but has no deprecation date. Add ${context.policy.extensions.deprecatedAt[0]}: YYYY-MM-DD.`,
    );
  }
  const { sunset, deprecatedAt } = lifecycle;
  if (sunset !== undefined && sunset <= context.today) {
    report(
      context,
      element,
      'sunset-passed-still-present',
      element.raw.sunset,
      `the sunset of ${element.label} (${sunset}) has passed, so it may be removed now.`,
    );
  }
  if (sunset === undefined || deprecatedAt === undefined) return;
  const notice = daysBetween(deprecatedAt, sunset);
  const minimum = deprecation.minNoticeDays[stability];
  if (notice < 0) {
    report(
      context,
      element,
      'sunset-before-deprecated-at',
      element.raw.sunset,
      `the sunset of ${element.label} (${sunset}) is before its deprecation date (${deprecatedAt}). Move the sunset to ${addDays(deprecatedAt, minimum)} or later.`,
    );
  } else if (notice < minimum) {
    report(
      context,
      element,
      'notice-too-short',
      element.raw.sunset,
      `${element.label} gets ${notice} days of notice (${deprecatedAt} to ${sunset}); ${stability} elements need at least ${minimum}. Move the sunset to ${addDays(deprecatedAt, minimum)} or later.`,
    );
  } else if (deprecation.maxNoticeDays !== null && notice > deprecation.maxNoticeDays) {
    report(
      context,
      element,
      'notice-too-long',
      element.raw.sunset,
      `${element.label} gets ${notice} days of notice (${deprecatedAt} to ${sunset}), more than the maximum of ${deprecation.maxNoticeDays}.`,
    );
  }
}

/** Finds an operation by operationId or by `METHOD /path`. */
type ReplacementResolver = (reference: string) => boolean;

function replacementResolver(operations: OperationView[]): ReplacementResolver {
  const ids = new Set(operations.flatMap((view) => (view.operationId ? [view.operationId] : [])));
  const routes = new Set(operations.map((view) => `${view.method.toUpperCase()} ${view.path}`));
  return (reference) => {
    const text = reference.trim();
    const route = /^([A-Za-z]+)\s+(\/\S*)$/.exec(text);
    if (route) return routes.has(`${(route[1] as string).toUpperCase()} ${route[2] as string}`);
    return ids.has(text);
  };
}

const REPLACEMENT_NOTE = /\b(replac\w*|instead|migrat\w*|successor|superseded)\b/i;

function checkReplacement(
  context: SpecCheckContext,
  element: LifecycleElement,
  resolves: ReplacementResolver,
): void {
  const { replacedBy, migrationGuide } = element.lifecycle;
  if (replacedBy !== undefined) {
    if (resolves(replacedBy)) return;
    report(
      context,
      element,
      'replacement-unresolved',
      extension(element.node, context.policy.extensions.replacedBy),
      `${element.label} is replaced by "${replacedBy}", which is neither an operationId nor a METHOD /path of this spec. Fix the reference.`,
    );
    return;
  }
  if (migrationGuide !== undefined) return;
  const description = asRecord(element.node.value)?.['description'];
  if (typeof description === 'string' && REPLACEMENT_NOTE.test(description)) return;
  report(
    context,
    element,
    'replacement-missing',
    undefined,
    `${element.label} is deprecated but names no replacement. Add ${context.policy.extensions.replacedBy[0]} (an operationId or METHOD /path), ${context.policy.extensions.migrationGuide[0]} (a URL), or say what replaces it in the description.`,
  );
}

function checkHeaders(context: SpecCheckContext, element: LifecycleElement): void {
  const view = element.view;
  if (!view) return;
  const declared = view.responses.some((response) =>
    response.headers.some((header) =>
      ['deprecation', 'sunset'].includes(header.name.toLowerCase()),
    ),
  );
  if (declared) return;
  report(
    context,
    element,
    'deprecation-headers-undeclared',
    undefined,
    `${element.label} is deprecated but no response declares the Deprecation or Sunset header.`,
  );
}
