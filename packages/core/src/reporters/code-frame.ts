import type { Location } from '../finding.js';
import { withoutBom } from '../text-locator.js';

import type { Painter } from './ansi.js';
import { codePointWidth, displayWidth } from './display-width.js';

/** Lines of context displayed above and below the line a location points to. */
const CONTEXT_LINES = 2;

/**
 * Characters of source a frame line shows at most. Longer lines (a minified JSON spec is one
 * line) are cut to a window around the location, the same window on every line of the frame.
 */
const MAX_TEXT_WIDTH = 120;

/** Characters of a cut line kept before the location's column. */
const LEAD_WIDTH = 40;

/** Marks the side of a line that a window cut off. */
const ELLIPSIS = '…';

/** The part of each frame line that is shown: `[start, end)` in characters. */
interface Window {
  start: number;
  end: number;
}

/**
 * Renders the source lines around a location: line numbers in a gutter, `>` before the line
 * the location points to, and carets under its columns. Returns no lines when the location's
 * line is not in the source.
 */
export function renderCodeFrame(source: string, location: Location, paint: Painter): string[] {
  const lines = linesOf(source);
  const target = location.line;
  if (target < 1 || target > lines.length) return [];

  const first = Math.max(1, target - CONTEXT_LINES);
  const last = Math.min(lines.length, target + CONTEXT_LINES);
  const width = String(last).length;
  const window = windowOf(lines.slice(first - 1, last), location);

  const frame: string[] = [];
  for (let number = first; number <= last; number += 1) {
    const text = cut(lines[number - 1] ?? '', window);
    const marker = number === target ? paint('red', '>') : ' ';
    frame.push(withGutter(`${marker} ${String(number).padStart(width)} |`, text, paint));
    if (number === target) {
      const carets = paint('red', caretMarker(text, shifted(location, window)));
      frame.push(withGutter(`  ${' '.repeat(width)} |`, carets, paint));
    }
  }
  return frame;
}

/** Picks the window of the frame: whole lines when they fit, else a cut around the column. */
function windowOf(frameLines: readonly string[], location: Location): Window {
  const longest = Math.max(...frameLines.map((line) => line.length));
  if (longest <= MAX_TEXT_WIDTH) return { start: 0, end: longest };
  const start = Math.max(0, location.column - 1 - LEAD_WIDTH);
  return { start, end: start + MAX_TEXT_WIDTH };
}

/** Cuts a line to the window, with an ellipsis on each side where text was left out. */
function cut(text: string, window: Window): string {
  if (window.start === 0 && text.length <= window.end) return text;
  const before = window.start > 0 && text.length > 0 ? ELLIPSIS : '';
  const after = text.length > window.end ? ELLIPSIS : '';
  return `${before}${text.slice(window.start, window.end)}${after}`;
}

/** Moves a location's columns into a cut line, and keeps its carets inside the window. */
function shifted(location: Location, window: Window): Location {
  const offset = window.start > 0 ? window.start - ELLIPSIS.length : 0;
  const column = location.column - offset;
  if (location.endColumn === undefined) return { ...location, column };
  const lastColumn = window.end - offset + 1;
  return { ...location, column, endColumn: Math.min(location.endColumn - offset, lastColumn) };
}

// Reports on large specs show thousands of frames from the same few files, so the last file
// split is kept (findings come sorted by file).
let lastSource: { text: string; lines: string[] } | undefined;

function linesOf(source: string): string[] {
  if (lastSource?.text === source) return lastSource.lines;
  // Columns on line 1 are counted without a byte order mark, so the frame leaves it out too.
  const lines = withoutBom(source).split(/\r\n|\r|\n/);
  // A final line break ends the last line rather than starting an empty one.
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  lastSource = { text: source, lines };
  return lines;
}

function withGutter(gutter: string, text: string, paint: Painter): string {
  const paintedGutter = paint('dim', gutter);
  return text.trimEnd() === '' ? paintedGutter : `${paintedGutter} ${text.trimEnd()}`;
}

/**
 * Builds the marker line: blanks as wide as the source line's text before the column (tabs kept,
 * so the carets line up), then carets as wide as the marked text. Columns count UTF-16 code
 * units, but the marker is measured in terminal cells, so wide characters move the carets.
 */
function caretMarker(text: string, location: Location): string {
  const start = Math.max(0, location.column - 1);
  const before = [...text.slice(0, start)]
    .map((char) => (char === '\t' ? char : ' '.repeat(codePointWidth(char))))
    .join('');
  // A column past the end of the line (the end of a cut window, say) counts one cell each.
  const padding = ' '.repeat(Math.max(0, start - text.length));
  const sameLineEnd =
    location.endLine === location.line && location.endColumn !== undefined
      ? location.endColumn
      : undefined;
  const end = sameLineEnd === undefined ? start + 1 : sameLineEnd - 1;
  const marked =
    displayWidth(text.slice(start, end)) + Math.max(0, end - Math.max(start, text.length));
  return `${before}${padding}${'^'.repeat(Math.max(1, marked))}`;
}
