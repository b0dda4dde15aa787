import type { Location, SpecDocument } from '@specgate/core';

import { daysBetween } from './dates.js';
import { collectElements } from './elements.js';
import type { PolicyConfig } from './policy-config.js';

/** One API to report on. */
export interface SunsetReportApi {
  name: string;
  owner?: string | undefined;
  stability?: string | undefined;
  document: SpecDocument;
}

/** One deprecated element and its dates. */
export interface SunsetEntry {
  api: string;
  owner: string | null;
  kind: 'operation' | 'parameter' | 'property';
  element: string;
  method: string | null;
  path: string | null;
  operationId: string | null;
  stability: string;
  deprecatedAt: string | null;
  sunset: string | null;
  /** Days from the report day to the sunset; negative once it has passed, null without one. */
  daysLeft: number | null;
  replacedBy: string | null;
  migrationGuide: string | null;
  location: Location;
}

/** The JSON `specgate sunset report --format json` prints. */
export interface SunsetReport {
  schemaVersion: 1;
  today: string;
  entries: SunsetEntry[];
}

/**
 * Lists every deprecated operation, parameter and schema property across the APIs,
 * soonest sunset first; elements without a sunset come last.
 */
export function buildSunsetReport(
  apis: readonly SunsetReportApi[],
  policy: PolicyConfig,
  today: string,
): SunsetReport {
  const entries: SunsetEntry[] = [];
  for (const api of apis) {
    const elements = collectElements(api.document, { policy, apiStability: api.stability });
    const seen = new Set<string>();
    for (const element of elements) {
      if (!element.lifecycle.deprecated) continue;
      const location = api.document.locate(element.node);
      // A shared parameter is listed once, at the first operation that uses it.
      const place = `${element.kind === 'parameter' ? '' : element.key}${location.file}#${location.pointer}`;
      if (seen.has(place)) continue;
      seen.add(place);
      const { lifecycle } = element;
      entries.push({
        api: api.name,
        owner: api.owner ?? null,
        kind: element.kind,
        element: element.label,
        method: element.operation?.method ?? null,
        path: element.operation?.path ?? null,
        operationId: element.operation?.operationId ?? null,
        stability: lifecycle.stability,
        deprecatedAt: lifecycle.deprecatedAt ?? null,
        sunset: lifecycle.sunset ?? null,
        daysLeft: lifecycle.sunset === undefined ? null : daysBetween(today, lifecycle.sunset),
        replacedBy: lifecycle.replacedBy ?? null,
        migrationGuide: lifecycle.migrationGuide ?? null,
        location,
      });
    }
  }
  entries.sort(
    (a, b) =>
      (a.sunset ?? '9999-12-31').localeCompare(b.sunset ?? '9999-12-31') ||
      a.api.localeCompare(b.api) ||
      a.element.localeCompare(b.element),
  );
  return { schemaVersion: 1, today, entries };
}

/** Renders the report as a Markdown table for API owners. */
export function renderSunsetMarkdown(report: SunsetReport): string {
  const lines = [`# Deprecated API elements (as of ${report.today})`, ''];
  if (report.entries.length === 0) return [...lines, 'Nothing is deprecated.', ''].join('\n');
  lines.push(
    '| API | Element | Stability | Deprecated | Sunset | Days left | Replacement |',
    '|---|---|---|---|---|---:|---|',
  );
  for (const entry of report.entries) {
    const replacement = [entry.replacedBy, entry.migrationGuide].filter(Boolean).join(', ');
    lines.push(
      `| ${cell(entry.api)} | ${cell(entry.element)} | ${entry.stability} | ${entry.deprecatedAt ?? '-'} | ${entry.sunset ?? '-'} | ${daysLeftText(entry.daysLeft)} | ${cell(replacement || '-')} |`,
    );
  }
  return [...lines, ''].join('\n');
}

function daysLeftText(days: number | null): string {
  if (days === null) return '-';
  return days < 0 ? `${days} (passed)` : String(days);
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
