import { summarize } from '../finding.js';
import type { Finding } from '../finding.js';

import {
  NO_LOCATION_LABEL,
  baseNote,
  describeVerdict,
  formatOperation,
  groupByFile,
  pluralize,
  displayedLocation,
  withCountedLevels,
} from './finding-text.js';
import type { FileGroup } from './finding-text.js';
import type { ReportInput } from './types.js';

/**
 * Renders GitHub-flavoured Markdown for a pull-request comment or an Actions step summary: a
 * heading with the verdict, a table of counts per level, a table of findings per file, and the
 * waived findings in a collapsed `<details>` section. Text from findings is escaped, so a spec
 * value cannot break a table or inject markup.
 */
export function renderMarkdown(reported: ReportInput): string {
  const input = withCountedLevels(reported);
  const active = input.findings.filter((finding) => !finding.waived);
  const waived = input.findings.filter((finding) => finding.waived);

  const sections = [
    `## specgate ${input.command}`,
    describeVerdict(input).text,
    renderCountTable(input.findings),
    ...groupByFile(active).map(renderFileSection),
  ];
  if (waived.length > 0) sections.push(renderWaivedSection(waived));
  return `${sections.join('\n\n')}\n`;
}

function renderCountTable(findings: readonly Finding[]): string {
  const summary = summarize(findings);
  return [
    '| level | count |',
    '| --- | ---: |',
    `| error | ${summary.error} |`,
    `| warning | ${summary.warning} |`,
    `| info | ${summary.info} |`,
    `| waived | ${summary.waived} |`,
  ].join('\n');
}

function renderFileSection(group: FileGroup): string {
  const heading = `### ${group.file === null ? NO_LOCATION_LABEL : escapeText(group.file)}`;
  const rows = group.findings.map((finding) =>
    tableRow([
      finding.level,
      inlineCode(finding.id),
      finding.operation ? inlineCode(formatOperation(finding.operation)) : '',
      formatLocationCell(finding),
      escapeText(finding.message),
    ]),
  );
  const table = [
    '| level | id | operation | location | message |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ];
  return `${heading}\n\n${table.join('\n')}`;
}

function renderWaivedSection(findings: readonly Finding[]): string {
  const rows = findings.map((finding) =>
    tableRow([
      inlineCode(finding.id),
      formatLocationCell(finding),
      escapeText(finding.waived?.reason ?? ''),
      escapeText(finding.waived?.owner ?? ''),
      escapeText(finding.waived?.expires ?? ''),
    ]),
  );
  return [
    '<details>',
    `<summary>${pluralize(findings.length, 'waived finding')}</summary>`,
    '',
    '| id | location | reason | owner | expires |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '</details>',
  ].join('\n');
}

/**
 * Formats `file:line` as code, marked `(base)` when only the base version has the location,
 * or `(base REF)` when that version was read from a git revision.
 */
function formatLocationCell(finding: Finding): string {
  const displayed = displayedLocation(finding);
  if (!displayed) return '';
  const cell = inlineCode(`${displayed.location.file}:${displayed.location.line}`);
  return displayed.side === 'base' ? `${cell} ${escapeText(baseNote(displayed.location))}` : cell;
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/**
 * Escapes plain text for a table cell: Markdown punctuation gets a backslash, HTML
 * metacharacters become entities, and line breaks become `<br>` because a cell is one line.
 */
export function escapeText(text: string): string {
  return text
    .replace(/[\\`*_[\]~|]/g, (character) => `\\${character}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/**
 * Wraps text in a code span for a table cell. The fence is one backtick longer than the longest
 * backtick run inside, and `|` keeps its backslash because GitHub splits table cells before it
 * parses code spans. A code span cannot hold a line break, so line breaks become spaces.
 */
export function inlineCode(text: string): string {
  const flat = text.replace(/\r\n|\r|\n/g, ' ').replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padding = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${flat}${padding}${fence}`;
}
