import { asCounted, atOrAbove, gateLevelOf } from '../finding.js';
import type { Finding, Level, Location, OperationRef, Summary } from '../finding.js';

import type { ReportInput } from './types.js';

/** Heading for findings that point into no file. */
export const NO_LOCATION_LABEL = '(no location)';

/**
 * The location a human reader should see: the revision-side location, or the base-side one
 * when the finding exists only in the base (for example, a removed operation).
 */
export interface DisplayedLocation {
  location: Location;
  side: 'revision' | 'base';
}

/** Findings that share one file, in input order. `file` is null for findings with no location. */
export interface FileGroup {
  file: string | null;
  findings: Finding[];
}

/**
 * Picks the location to show for a finding, falling back to its base-side location. A
 * location read from a git revision (`ref` set) is a base-side one.
 */
export function displayedLocation(finding: Finding): DisplayedLocation | null {
  if (finding.location) {
    return { location: finding.location, side: finding.location.ref ? 'base' : 'revision' };
  }
  if (finding.baseLocation) return { location: finding.baseLocation, side: 'base' };
  return null;
}

/** Formats `file:line:column`, the form terminals and editors turn into links. */
export function formatPosition(location: Location): string {
  return `${location.file}:${location.line}:${location.column}`;
}

/** Formats a displayed location as `file:line:column`, followed by `(base REF)` on the base side. */
export function formatDisplayedPosition(displayed: DisplayedLocation): string {
  const position = formatPosition(displayed.location);
  return displayed.side === 'base' ? `${position} ${baseNote(displayed.location)}` : position;
}

/** `(base HEAD)` for a location read from a git revision, `(base)` for a base file on disk. */
export function baseNote(location: Location): string {
  return location.ref ? `(base ${location.ref})` : '(base)';
}

/**
 * Returns where an annotation on the revision's files can point: the finding's location, or
 * for a finding located in a git base version, its revision anchor. Returns null when neither
 * exists, because a base line number would mark the wrong line of the current file.
 */
export function annotationLocation(finding: Finding): Location | null {
  if (finding.location && !finding.location.ref) return finding.location;
  return finding.revisionAnchor ?? null;
}

/**
 * Returns a message for an annotation: a finding located in a git base version gets the
 * place it had there appended, since the annotation cannot point at it.
 */
export function annotationMessage(finding: Finding): string {
  const location = finding.location;
  if (!location?.ref) return finding.message;
  return `${finding.message} (in ${location.ref}: ${formatPosition(location)})`;
}

/** Formats an operation as `GET /v1/dogs/{dogId}`. */
export function formatOperation(operation: OperationRef): string {
  return `${operation.method.toUpperCase()} ${operation.path}`;
}

/**
 * Groups findings by the file of their displayed location, keeping the order in which files first
 * appear. The group of findings with no location comes last.
 */
export function groupByFile(findings: readonly Finding[]): FileGroup[] {
  const groups = new Map<string | null, Finding[]>();
  for (const finding of findings) {
    const file = displayedLocation(finding)?.location.file ?? null;
    const group = groups.get(file);
    if (group) group.push(finding);
    else groups.set(file, [finding]);
  }

  const result: FileGroup[] = [];
  for (const [file, group] of groups) {
    if (file !== null) result.push({ file, findings: group });
  }
  const unlocated = groups.get(null);
  if (unlocated) result.push({ file: null, findings: unlocated });
  return result;
}

/** Formats `count` with a singular or plural noun: `1 error`, `2 errors`. */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** Formats per-level counts as `2 errors, 1 warning, 0 info (1 waived)`. */
export function formatCounts(summary: Summary): string {
  const counts = [
    pluralize(summary.error, 'error'),
    pluralize(summary.warning, 'warning'),
    `${summary.info} info`,
  ].join(', ');
  return summary.waived > 0 ? `${counts} (${summary.waived} waived)` : counts;
}

/** The outcome of a run: whether it fails, and a one-sentence statement of why. */
export interface Verdict {
  failed: boolean;
  /** For example `Failed: 1 breaking change.` or `Passed: no problems at level error or above.` */
  text: string;
}

/** Counts the findings that fail the run: not waived, and gated at or above the failure level. */
export function countFailing(findings: readonly Finding[], failLevel: Level): number {
  return findings.filter((finding) => failsRun(finding, failLevel)).length;
}

/** True when a finding fails the run: not waived, and its gate level at or above the failure level. */
export function failsRun(finding: Finding, failLevel: Level): boolean {
  return !finding.waived && atOrAbove(gateLevelOf(finding), failLevel);
}

/** States whether the run fails, naming the findings in the command's own vocabulary. */
export function describeVerdict(input: ReportInput): Verdict {
  const failing = countFailing(input.findings, input.failLevel);
  const { singular, plural, qualifier } = failingNoun(input.command, input.failLevel);
  const counted = failing === 0 ? `no ${plural}` : pluralize(failing, singular, plural);
  const prefix = failing === 0 ? 'Passed' : 'Failed';
  return { failed: failing > 0, text: `${prefix}: ${counted}${qualifier}.` };
}

function failingNoun(
  command: string,
  failLevel: Level,
): { singular: string; plural: string; qualifier: string } {
  const qualifier = ` at level ${failLevel} or above`;
  // A diff change at level `error` is by definition a breaking change.
  if (command === 'diff' && failLevel === 'error') {
    return { singular: 'breaking change', plural: 'breaking changes', qualifier: '' };
  }
  if (command === 'diff') return { singular: 'change', plural: 'changes', qualifier };
  if (command === 'lint') return { singular: 'problem', plural: 'problems', qualifier };
  return { singular: 'finding', plural: 'findings', qualifier };
}

/**
 * Returns the input with every finding at the level it counts at, so a report shows one level
 * per finding and its counts agree with the verdict. See `asCounted`.
 */
export function withCountedLevels(input: ReportInput): ReportInput {
  return { ...input, findings: input.findings.map(asCounted) };
}
