import { createRequire } from 'node:module';

import type { LineCounter, Node } from 'yaml';

import { JsonLocator } from './locate-json.js';
import { YamlLocator } from './locate-yaml.js';
import { parsePointer } from './pointer.js';

// The yaml package is only needed for YAML the fast scanner does not follow, so it is loaded then.
const require = createRequire(import.meta.url);
const yamlModule = (): typeof import('yaml') => require('yaml') as typeof import('yaml');

/** 1-based line and column. */
export interface LineColumn {
  line: number;
  column: number;
}

/**
 * Removes a byte order mark (U+FEFF) that opens the text. Editors do not show it, so
 * line 1's columns are counted without it.
 */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Maps JSON pointers to places in the text of a YAML or JSON file without parsing
 * the data, so callers that already hold the parsed data (a lint engine, say) can
 * locate pointers cheaply.
 */
export class TextLocator {
  private readonly text: string;
  private readonly format: 'json' | 'yaml';
  private jsonLocator: JsonLocator | undefined;
  private yamlLocator: YamlLocator | undefined;
  private yamlTree: { root: Node | null; lines: LineCounter } | undefined;
  private lineStarts: number[] | undefined;

  constructor(text: string, format: 'json' | 'yaml') {
    this.text = withoutBom(text);
    this.format = format;
  }

  /**
   * Returns where the value at `pointer` is written (the key's place for a mapping
   * member). A pointer that goes deeper than the text shows (through an alias, say)
   * gets the deepest place found.
   */
  locate(pointer: string): LineColumn {
    const segments = parsePointer(pointer);
    if (this.format === 'json') {
      this.jsonLocator ??= new JsonLocator(this.text);
      const found = this.jsonLocator.find(segments);
      this.lineStarts ??= lineStartsOf(this.text);
      return lineColumnAt(this.lineStarts, found.keyOffset);
    }
    this.yamlLocator ??= new YamlLocator(this.text);
    const found = this.yamlLocator.find(segments);
    if (found.complete) return { line: found.line + 1, column: found.column + 1 };
    return this.locateWithTree(segments);
  }

  private locateWithTree(segments: readonly string[]): LineColumn {
    if (!this.yamlTree) {
      const { LineCounter, parseDocument } = yamlModule();
      const lines = new LineCounter();
      const document = parseDocument(this.text, {
        lineCounter: lines,
        uniqueKeys: false,
      });
      this.yamlTree = { root: document.contents, lines };
    }
    const { isMap, isScalar, isSeq } = yamlModule();
    const { root, lines } = this.yamlTree;
    let node: Node | null = root;
    let offset = node?.range?.[0] ?? 0;
    for (const segment of segments) {
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isScalar(item.key) && String(item.key.value) === segment,
        );
        if (!pair) break;
        offset = (pair.key as Node).range?.[0] ?? offset;
        node = pair.value as Node | null;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)] as Node | undefined;
        if (!item) break;
        offset = dashBefore(this.text, item.range?.[0] ?? offset);
        node = item;
      } else break;
    }
    const place = lines.linePos(offset);
    return { line: place.line, column: place.col };
  }
}

/** Moves a block sequence item's offset back to its `-`, the place the fast locator reports. */
function dashBefore(text: string, offset: number): number {
  let index = offset - 1;
  while (index >= 0 && (text[index] === ' ' || text[index] === '\t')) index -= 1;
  return text[index] === '-' ? index : offset;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  let index = text.indexOf('\n');
  while (index !== -1) {
    starts.push(index + 1);
    index = text.indexOf('\n', index + 1);
  }
  return starts;
}

/** Finds the line holding an offset by binary search over the line starts. */
function lineColumnAt(lineStarts: number[], offset: number): LineColumn {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((lineStarts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] as number) + 1 };
}
