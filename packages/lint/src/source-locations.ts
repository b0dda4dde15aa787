import { TextLocator, withoutBom, type LineColumn } from '@specgate/core';

/** A place in a file: 1-based start, and the column just past the last character. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface LocatedFile {
  locator: TextLocator;
  lines: string[];
  json: boolean;
}

/**
 * Maps Redocly problem locations to line and column ranges from the file text, without
 * the YAML AST Redocly's own `getLineColLocation` builds for every file (about a second
 * per 4 MB of YAML). A problem about a mapping member covers its scalar value on the
 * key's line, or its key when Redocly reports on the key or the value is a block.
 */
export class SourceLocations {
  readonly #texts: (file: string) => string | undefined;
  readonly #files = new Map<string, LocatedFile | null>();

  constructor(texts: (file: string) => string | undefined) {
    this.#texts = texts;
  }

  /** Returns the range of the value (or key) at `pointer` in `file`, or null for an unknown file. */
  range(file: string, pointer: string, onKey: boolean): SourceRange | null {
    const located = this.#file(file);
    if (located === null) return null;
    const start = located.locator.locate(pointer);
    const lineText = (located.lines[start.line - 1] ?? '').replace(/\r$/, '');
    const isItem = /^\d+$/.test(lastSegment(pointer)) && lineText[start.column - 1] === '-';
    const flow = located.json || insideFlow(lineText, start.column - 1);
    const [from, to] = isItem
      ? itemSpan(lineText, start.column - 1)
      : memberSpan(lineText, start, onKey, flow);
    return { line: start.line, column: from + 1, endLine: start.line, endColumn: to + 1 };
  }

  /**
   * Returns the key at `pointer` as `file` writes it, quotes included, or null for an unknown
   * file. A pointer deeper than the text shows gets the deepest key found.
   */
  keyText(file: string, pointer: string): string | null {
    const range = this.range(file, pointer, true);
    const located = this.#file(file);
    if (range === null || located === null) return null;
    const line = located.lines[range.line - 1] ?? '';
    return line.slice(range.column - 1, range.endColumn - 1);
  }

  #file(file: string): LocatedFile | null {
    if (!this.#files.has(file)) {
      // A byte order mark is left out, so line 1's columns match the locator's.
      const rawText = this.#texts(file);
      const text = rawText === undefined ? undefined : withoutBom(rawText);
      const json = text !== undefined && /^\s*[[{]/.test(text);
      this.#files.set(
        file,
        text === undefined
          ? null
          : {
              locator: new TextLocator(text, json ? 'json' : 'yaml'),
              lines: text.split('\n'),
              json,
            },
      );
    }
    return this.#files.get(file) ?? null;
  }
}

function lastSegment(pointer: string): string {
  return pointer.slice(pointer.lastIndexOf('/') + 1);
}

/** Returns the span of a block sequence item's content after its `-`, to the end of the line. */
function itemSpan(line: string, dash: number): [number, number] {
  let start = dash + 1;
  while (line[start] === ' ' || line[start] === '\t') start += 1;
  const end = contentEnd(line, start);
  return end > start ? [start, end] : [dash, dash + 1];
}

/** Returns the span of a `key: value` line's scalar value, or of its key when requested or when the value is a block. */
function memberSpan(
  line: string,
  start: LineColumn,
  onKey: boolean,
  flow: boolean,
): [number, number] {
  const keyStart = start.column - 1;
  const keyEnd = keyEndOf(line, keyStart);
  if (onKey || keyEnd <= keyStart) return [keyStart, Math.max(keyEnd, keyStart + 1)];
  let colon = keyEnd;
  while (line[colon] === ' ' || line[colon] === '\t') colon += 1;
  if (line[colon] !== ':') return [keyStart, keyEnd];
  let valueStart = colon + 1;
  while (line[valueStart] === ' ' || line[valueStart] === '\t') valueStart += 1;
  const valueEnd = flow ? flowContentEnd(line, valueStart) : contentEnd(line, valueStart);
  const value = line.slice(valueStart, valueEnd);
  // A value that opens a collection spanning lines is shown by its key.
  if (value === '' || value.startsWith('#') || value === '{' || value === '[')
    return [keyStart, keyEnd];
  return [valueStart, valueEnd];
}

/** Returns the end of a quoted or plain key starting at `start`. */
function keyEndOf(line: string, start: number): number {
  const quote = line[start];
  if (quote === '"' || quote === "'") return quotedEnd(line, start);
  let index = start;
  while (index < line.length) {
    if (line[index] === ':' && (index + 1 === line.length || /[\s,]/.test(line[index + 1] ?? '')))
      break;
    index += 1;
  }
  let end = index;
  while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t')) end -= 1;
  return end;
}

/** Returns the index just past the closing quote of a string that opens at `start`. */
function quotedEnd(line: string, start: number): number {
  const quote = line[start];
  let index = start + 1;
  while (index < line.length) {
    const char = line[index];
    if (quote === '"' && char === '\\') index += 2;
    else if (char === quote && quote === "'" && line[index + 1] === "'") index += 2;
    else if (char === quote) return index + 1;
    else index += 1;
  }
  return line.length;
}

/** Returns the end of the value text from `start`: its closing quote, or the line end without a comment or a JSON comma. */
function contentEnd(line: string, start: number): number {
  const first = line[start];
  if (first === '"' || first === "'") return quotedEnd(line, start);
  let end = line.length;
  const comment = line.indexOf(' #', start);
  if (comment !== -1) end = comment;
  while (end > start && /[\s,]/.test(line[end - 1] ?? '')) end -= 1;
  return end;
}

/**
 * Returns the end of a value inside JSON or a YAML flow collection: its closing quote, or
 * the first `,`, `}`, `]` or space after a plain value such as a number.
 */
function flowContentEnd(line: string, start: number): number {
  const first = line[start];
  if (first === '"' || first === "'") return quotedEnd(line, start);
  if (first === '{' || first === '[') return start + 1;
  let end = start;
  while (end < line.length && !/[\s,\]}]/.test(line[end] ?? '')) end += 1;
  return end;
}

/** True when `column` of a YAML line sits inside a `{` or `[` opened earlier on the line. */
function insideFlow(line: string, column: number): boolean {
  let depth = 0;
  for (let index = 0; index < column; index += 1) {
    const char = line[index];
    if (char === '"' || char === "'") index = quotedEnd(line, index) - 1;
    else if (char === '{' || char === '[') depth += 1;
    else if ((char === '}' || char === ']') && depth > 0) depth -= 1;
    else if (char === '#' && (index === 0 || line[index - 1] === ' ')) return false;
  }
  return depth > 0;
}
