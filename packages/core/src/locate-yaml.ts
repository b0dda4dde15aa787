import { resolvePlain } from './yaml-scalars.js';

/** The start of a node: 0-based line and column. */
interface Place {
  line: number;
  column: number;
}

/** A block container: the line and column where its first child starts. */
interface Block {
  line: number;
  column: number;
}

interface Child {
  /** The place of the key, or of the sequence dash. */
  key: Place;
  /** The block holding the child's own children, when it is a block collection. */
  block: Block | null;
  /** True when the value is written inline in a form we do not descend into. */
  opaque: boolean;
}

/** Thrown inside the scanner when the text uses a form it does not follow. */
class UnsupportedYamlError extends Error {}

/**
 * Finds where a JSON pointer's node is in block-style YAML by reading indentation,
 * indexing each mapping or sequence once on first use. It is much faster than a
 * full YAML syntax tree on multi-megabyte specs. Flow collections, complex keys and
 * anchors stop the walk at the deepest node reached; the caller may then fall back
 * to a full parser.
 */
export class YamlLocator {
  private readonly lines: string[];
  /** Indentation of each line, or -1 for a blank or comment-only line, measured once. */
  private readonly indents: Int32Array;
  private readonly index = new Map<string, Map<string, Child>>();

  constructor(text: string) {
    this.lines = text.includes('\r') ? text.split(/\r?\n/) : text.split('\n');
    this.indents = new Int32Array(this.lines.length);
    for (let line = 0; line < this.lines.length; line += 1) {
      this.indents[line] = contentIndent(this.lines[line] as string);
    }
  }

  /** Place of the deepest node found along the pointer, how many segments matched, and whether the walk was cut short by an unsupported form. */
  find(segments: readonly string[]): {
    line: number;
    column: number;
    matched: number;
    complete: boolean;
  } {
    let block: Block | null = this.rootBlock();
    let place: Place = block ?? { line: 0, column: 0 };
    let matched = 0;
    try {
      for (const segment of segments) {
        if (!block) return { ...place, matched, complete: false };
        const child = this.children(block).get(segment);
        if (!child) break;
        place = child.key;
        block = child.block;
        matched += 1;
        if (child.opaque && matched < segments.length) {
          return { ...place, matched, complete: false };
        }
      }
    } catch (error) {
      if (error instanceof UnsupportedYamlError) return { ...place, matched, complete: false };
      throw error;
    }
    return { ...place, matched, complete: true };
  }

  private rootBlock(): Block | null {
    for (let line = 0; line < this.lines.length; line += 1) {
      const text = this.lines[line] as string;
      if (isSkippable(text) || text.startsWith('---') || text.startsWith('%')) continue;
      return { line, column: indentOf(text) };
    }
    return null;
  }

  private children(block: Block): Map<string, Child> {
    const cacheKey = `${block.line}:${block.column}`;
    const cached = this.index.get(cacheKey);
    if (cached) return cached;
    const firstLine = this.lines[block.line] as string;
    const start = firstLine[block.column];
    // A flow collection written on its own lines (JSON saved as .yaml, say) is not block style.
    if (start === '{' || start === '[') throw new UnsupportedYamlError();
    const isSequence = /^-(\s|$)/.test(firstLine.slice(block.column));
    const children = isSequence ? this.indexSequence(block) : this.indexMapping(block);
    this.index.set(cacheKey, children);
    return children;
  }

  private indexMapping(block: Block): Map<string, Child> {
    const children = new Map<string, Child>();
    const indents = this.indents;
    for (let line = block.line; line < this.lines.length; line += 1) {
      const indent = indents[line] as number;
      // Deeper lines belong to a child's value; most lines of a large block are such lines.
      if (line !== block.line && (indent === -1 || indent > block.column)) continue;
      const text = this.lines[line] as string;
      const column = line === block.line ? block.column : indent;
      if (column < block.column || text.startsWith('---') || text.startsWith('...')) break;
      if (column > block.column) continue;
      const rest = text.slice(column);
      // An indentless sequence: the items of the previous key's value.
      if (rest.startsWith('- ') || rest === '-') continue;
      if (rest.startsWith('? ')) throw new UnsupportedYamlError();
      const entry = parseKey(rest);
      if (!entry) continue;
      const key = { line, column };
      children.set(entry.key, this.childAfter(key, column + entry.valueColumn, block.column, true));
    }
    return children;
  }

  private indexSequence(block: Block): Map<string, Child> {
    const children = new Map<string, Child>();
    let index = 0;
    const indents = this.indents;
    for (let line = block.line; line < this.lines.length; line += 1) {
      const indent = indents[line] as number;
      if (line !== block.line && (indent === -1 || indent > block.column)) continue;
      const text = this.lines[line] as string;
      const column = line === block.line ? block.column : indent;
      if (column < block.column || text.startsWith('---')) break;
      if (column > block.column) continue;
      const rest = text.slice(column);
      if (!/^-(\s|$)/.test(rest)) break;
      const key = { line, column };
      const contentColumn = column + 1 + (rest.slice(1).length - rest.slice(1).trimStart().length);
      children.set(String(index), this.childAfter(key, contentColumn, block.column, false));
      index += 1;
    }
    return children;
  }

  /** Describes the value that starts at `valueColumn` on the key's line. */
  private childAfter(
    key: Place,
    valueColumn: number,
    parentColumn: number,
    inMapping: boolean,
  ): Child {
    const text = this.lines[key.line] as string;
    const value = stripComment(text.slice(valueColumn)).trim();
    const inline = value.replace(/^(&\S+|!\S*)\s*/g, '').trim();
    if (inline === '' || inline.startsWith('&') || inline.startsWith('!')) {
      return { key, block: this.nextBlock(key.line, parentColumn, inMapping), opaque: false };
    }
    if (!inMapping && (/^-(\s|$)/.test(inline) || parseKey(inline))) {
      return { key, block: { line: key.line, column: valueColumn }, opaque: false };
    }
    const opaque = inline.startsWith('{') || inline.startsWith('[') || inline.startsWith('*');
    return { key, block: null, opaque };
  }

  private nextBlock(afterLine: number, parentColumn: number, inMapping: boolean): Block | null {
    for (let line = afterLine + 1; line < this.lines.length; line += 1) {
      const column = this.indents[line] as number;
      if (column === -1) continue;
      const text = this.lines[line] as string;
      if (column > parentColumn) return { line, column };
      // A mapping's sequence value may sit at the key's own indentation.
      if (inMapping && column === parentColumn && /^-(\s|$)/.test(text.slice(column))) {
        return { line, column };
      }
      return null;
    }
    return null;
  }
}

function indentOf(text: string): number {
  let column = 0;
  while (column < text.length && text.charCodeAt(column) === 32) column += 1;
  return column;
}

const LEADING_SPACES = / */y;

/** Returns the indentation of a line, or -1 for a blank or comment-only line. */
function contentIndent(text: string): number {
  // A regular expression counts the spaces. A loop over them ran three times slower in V8's
  // interpreter and baseline code, which is the code a short run executes.
  LEADING_SPACES.lastIndex = 0;
  LEADING_SPACES.test(text);
  const column = LEADING_SPACES.lastIndex;
  const next = text.charCodeAt(column);
  // Most lines continue with a printable ASCII character. Others (tabs, other white space,
  // the end of the line) take the slower test.
  if (next > 0x20 && next < 0x7f) return next === 0x23 ? -1 : column;
  return isSkippable(text) ? -1 : column;
}

function isSkippable(text: string): boolean {
  const trimmed = text.trimStart();
  return trimmed === '' || trimmed.startsWith('#');
}

function stripComment(text: string): string {
  const match = /(^|\s)#/.exec(text);
  return match ? text.slice(0, match.index) : text;
}

/** Reads `key:` at the start of a line; returns the key and where its value starts. */
function parseKey(rest: string): { key: string; valueColumn: number } | null {
  const first = rest[0];
  if (first === '"' || first === "'") {
    const end = findClosingQuote(rest, first);
    if (end === -1) return null;
    const colon = /^\s*:(\s|$)/.exec(rest.slice(end + 1));
    if (!colon) return null;
    const raw = rest.slice(0, end + 1);
    const key = first === '"' ? (JSON.parse(raw) as string) : raw.slice(1, -1).replace(/''/g, "'");
    return { key, valueColumn: end + 1 + colon[0].trimEnd().length };
  }
  const match = /^([^#\s][^\n]*?):(\s|$)/.exec(rest);
  if (!match || match[1] === undefined) return null;
  // A plain key is typed like any plain scalar and then turned into text: `0x1F` is "31".
  return { key: String(resolvePlain(match[1].trimEnd())), valueColumn: match[1].length + 1 };
}

function findClosingQuote(text: string, quote: string): number {
  for (let index = 1; index < text.length; index += 1) {
    const char = text[index];
    if (quote === '"' && char === '\\') {
      index += 1;
      continue;
    }
    if (char !== quote) continue;
    if (quote === "'" && text[index + 1] === "'") {
      index += 1;
      continue;
    }
    return index;
  }
  return -1;
}
