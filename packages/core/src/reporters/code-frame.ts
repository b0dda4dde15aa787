import type { Location } from '../finding.js';

import type { Painter } from './ansi.js';

/** Lines of context displayed above and below the line a location points to. */
const CONTEXT_LINES = 2;

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

  const frame: string[] = [];
  for (let number = first; number <= last; number += 1) {
    const text = lines[number - 1] ?? '';
    const marker = number === target ? paint('red', '>') : ' ';
    frame.push(withGutter(`${marker} ${String(number).padStart(width)} |`, text, paint));
    if (number === target) {
      const carets = paint('red', caretMarker(text, location));
      frame.push(withGutter(`  ${' '.repeat(width)} |`, carets, paint));
    }
  }
  return frame;
}

// Reports on large specs show thousands of frames from the same few files, so the last file
// split is kept (findings come sorted by file).
let lastSource: { text: string; lines: string[] } | undefined;

function linesOf(source: string): string[] {
  if (lastSource?.text === source) return lastSource.lines;
  const lines = source.split(/\r\n|\r|\n/);
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
 * Builds the marker line: the part of the source line before the column with every character
 * but tabs turned into spaces, so the carets line up, then one caret per marked column.
 */
function caretMarker(text: string, location: Location): string {
  const before = text.slice(0, Math.max(0, location.column - 1)).replace(/[^\t]/g, ' ');
  const padding = ' '.repeat(Math.max(0, location.column - 1 - before.length));
  const sameLineEnd =
    location.endLine === location.line && location.endColumn !== undefined
      ? location.endColumn
      : undefined;
  const width = sameLineEnd === undefined ? 1 : Math.max(1, sameLineEnd - location.column);
  return `${before}${padding}${'^'.repeat(width)}`;
}
