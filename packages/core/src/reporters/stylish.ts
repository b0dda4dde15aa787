import { summarize } from '../finding.js';
import type { Finding, Level } from '../finding.js';

import { createPainter } from './ansi.js';
import type { Painter, Style } from './ansi.js';
import { renderCodeFrame } from './code-frame.js';
import {
  NO_LOCATION_LABEL,
  describeVerdict,
  formatCounts,
  formatDisplayedPosition,
  formatOperation,
  groupByFile,
  displayedLocation,
  withCountedLevels,
} from './finding-text.js';
import type { FileGroup } from './finding-text.js';
import type { ReportInput } from './types.js';

const LEVEL_STYLE: Record<Level, Style> = { error: 'red', warning: 'yellow', info: 'blue' };

/**
 * Renders findings for a person at a terminal: grouped by file, each with a
 * `file:line:column  level  id  message` line and, when `readSource` returns the file, a code
 * frame. Waived findings follow in their own list, then the per-level counts and the verdict.
 * Output ends with a newline and is never truncated.
 */
export function renderStylish(reported: ReportInput): string {
  const input = withCountedLevels(reported);
  const paint = createPainter(input.color ?? false);
  const active = input.findings.filter((finding) => !finding.waived);
  const waived = input.findings.filter((finding) => finding.waived);

  const sections = groupByFile(active).map((group) => renderGroup(group, input, paint));
  if (waived.length > 0) sections.push(renderWaived(waived, paint));

  const verdict = describeVerdict(input);
  const summary = [
    paint('bold', formatCounts(summarize(input.findings))),
    paint(verdict.failed ? 'red' : 'green', verdict.text),
  ].join('\n');
  sections.push(summary);

  return `${sections.join('\n\n')}\n`;
}

function renderGroup(group: FileGroup, input: ReportInput, paint: Painter): string {
  const heading = paint('underline', group.file ?? NO_LOCATION_LABEL);
  const entries = group.findings.map((finding) => renderEntry(finding, input, paint));

  // A code frame is several lines tall, so entries that have one are easier to tell apart
  // with a blank line between them.
  const hasFrame = entries.some((entry) => entry.length > 1);
  const body = entries.map((entry) => entry.join('\n')).join(hasFrame ? '\n\n' : '\n');
  return `${heading}\n${body}`;
}

/** Renders the header line of a finding, then the lines of its code frame if there is one. */
function renderEntry(finding: Finding, input: ReportInput, paint: Painter): string[] {
  const displayed = displayedLocation(finding);
  const parts: string[] = [];
  if (displayed) parts.push(formatDisplayedPosition(displayed));
  parts.push(paint(LEVEL_STYLE[finding.level], finding.level));
  parts.push(paint('gray', finding.id));
  if (finding.operation) parts.push(paint('bold', formatOperation(finding.operation)));
  parts.push(indentContinuation(finding.message));

  const lines = [`  ${parts.join('  ')}`];
  // The file on disk is the revision, so it cannot frame a place in a git base version.
  if (!displayed || displayed.location.ref) return lines;

  const source = input.readSource?.(displayed.location.file);
  if (source === undefined) return lines;
  const frame = renderCodeFrame(source, displayed.location, paint);
  return lines.concat(frame.map((line) => `    ${line}`));
}

function renderWaived(findings: readonly Finding[], paint: Painter): string {
  const lines = [paint('underline', 'waived')];
  for (const finding of findings) {
    const displayed = displayedLocation(finding);
    const parts = displayed ? [formatDisplayedPosition(displayed)] : [];
    parts.push(paint('gray', finding.id));
    if (finding.waived) {
      const { reason, owner, expires } = finding.waived;
      parts.push(`${indentContinuation(reason)} (owner ${owner}, expires ${expires})`);
    }
    lines.push(`  ${parts.join('  ')}`);
  }
  return lines.join('\n');
}

/** Indents the later lines of a multi-line text so they stay under the entry they belong to. */
function indentContinuation(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\n    ');
}
