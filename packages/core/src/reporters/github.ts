import type { Finding, Level } from '../finding.js';

import { annotationLocation, annotationMessage, withCountedLevels } from './finding-text.js';
import type { ReportInput } from './types.js';

const COMMAND: Record<Level, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * Renders one GitHub Actions workflow command per finding (`::error`, `::warning`,
 * `::notice`), which Actions shows as an annotation on the file and line. Waived findings
 * are left out. A finding located only in a git base version is placed at its revision anchor,
 * the nearest enclosing node that still exists, with the base place in the message. With no
 * anchor and no revision-side location it becomes an annotation without a file, because a
 * base-side line number would point at the wrong line of the current file.
 */
export function renderGithub(reported: ReportInput): string {
  const input = withCountedLevels(reported);
  const lines = input.findings
    .filter((finding) => !finding.waived)
    .map((finding) => renderCommand(finding));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function renderCommand(finding: Finding): string {
  const properties: Array<[string, string | number]> = [];
  const location = annotationLocation(finding);
  if (location) {
    properties.push(['file', location.file], ['line', location.line], ['col', location.column]);
    if (location.endLine !== undefined) properties.push(['endLine', location.endLine]);
    if (location.endColumn !== undefined) properties.push(['endColumn', location.endColumn]);
  }
  properties.push(['title', finding.id]);

  const propertyText = properties
    .map(([name, value]) => `${name}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${COMMAND[finding.level]} ${propertyText}::${escapeData(annotationMessage(finding))}`;
}

/** Escapes a command's message, as the Actions runner decodes it: `%`, CR and LF. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property value: the message escapes plus `:` and `,`, the delimiters. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
