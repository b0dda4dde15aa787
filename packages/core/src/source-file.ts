import { readFileSync, statSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import type { ParseError } from 'jsonc-parser';

import { SpecgateError } from './errors.js';
import { TextLocator, withoutBom, type LineColumn } from './text-locator.js';
import { parseYamlFast } from './yaml-fast.js';

export type { LineColumn } from './text-locator.js';

/** One parsed file of a spec: its text, its data and a way to locate pointers in it. */
export class SourceFile {
  readonly path: string;
  /** The name error messages use: a path, or `REF:path` for a file read from a git revision. */
  readonly displayPath: string;
  /** The git revision the file was read from (`HEAD`, `origin/main`); undefined for a file on disk. */
  readonly ref: string | undefined;
  /** The path that locations name; for a file read from git, its path without the revision. */
  readonly locationPath: string;
  readonly text: string;
  readonly format: 'json' | 'yaml';
  readonly data: unknown;
  private locator: TextLocator | undefined;

  constructor(options: {
    path: string;
    displayPath: string;
    text: string;
    ref?: string;
    locationPath?: string;
  }) {
    this.path = options.path;
    this.displayPath = options.displayPath;
    this.ref = options.ref;
    this.locationPath = options.locationPath ?? options.displayPath;
    this.text = options.text;
    this.format = detectFormat(options.path, options.text);
    this.data = parseText(this.text, this.format, this.displayPath);
  }

  /**
   * Returns where the value at `pointer` is written (the key's place for a mapping
   * member). A pointer that goes deeper than the text shows (through an alias, say)
   * gets the deepest place found.
   */
  locate(pointer: string): LineColumn {
    this.locator ??= new TextLocator(this.text, this.format);
    return this.locator.locate(pointer);
  }
}

/**
 * Reads and parses a spec file from disk, with the usual input checks. The file is read
 * synchronously, because parsing takes far longer than reading, and a run that reads nothing
 * asynchronously never starts libuv's thread pool.
 */
export async function readSourceFile(filePath: string, displayPath: string): Promise<SourceFile> {
  let info: Stats;
  try {
    info = statSync(filePath);
  } catch (error) {
    throw new SpecgateError(
      'FILE_NOT_FOUND',
      `${displayPath}: file not found. Check the path, or create the file.`,
      { file: displayPath, cause: error },
    );
  }
  if (info.isDirectory()) {
    throw new SpecgateError(
      'NOT_A_FILE',
      `${displayPath}: is a directory, not a file. Pass the spec's root file, e.g. ${path.join(displayPath, 'openapi.yaml')}.`,
      { file: displayPath },
    );
  }
  const text = readFileSync(filePath, 'utf8');
  return new SourceFile({ path: filePath, displayPath, text });
}

function detectFormat(filePath: string, text: string): 'json' | 'yaml' {
  const extension = path.extname(filePath).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

function parseText(text: string, format: 'json' | 'yaml', displayPath: string): unknown {
  if (isBlank(text)) {
    throw new SpecgateError(
      'EMPTY_FILE',
      `${displayPath}: the file is empty. Write an OpenAPI document in it, or pass another file.`,
      { file: displayPath },
    );
  }
  return format === 'json' ? parseJson(text, displayPath) : parseYaml(text, displayPath);
}

/** True for text with nothing but blank lines and YAML comments. */
function isBlank(text: string): boolean {
  const first = /\S/.exec(text);
  if (!first) return true;
  // Only text that opens with a comment can be all comments; this keeps large files cheap.
  if (first[0] !== '#' && first[0] !== '\uFEFF') return false;
  return text.split('\n').every((line) => {
    const trimmed = line.trim();
    return trimmed === '' || trimmed === '\uFEFF' || trimmed.startsWith('#');
  });
}

function parseJson(text: string, displayPath: string): unknown {
  const json = withoutBom(text);
  try {
    return JSON.parse(json);
  } catch (error) {
    // V8's messages do not always give a position, so jsonc-parser finds the first error.
    const errors: ParseError[] = [];
    jsonc().parse(json, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    const where = offsetToLineColumn(json, first?.offset ?? 0);
    const reason = first ? describeJsonError(first.error) : 'unexpected end of input';
    throw new SpecgateError(
      'PARSE_ERROR',
      `${displayPath}:${where.line}:${where.column}: invalid JSON (${reason}). Fix the syntax at that place.`,
      { file: displayPath, cause: error },
    );
  }
}

// jsonc-parser is only needed to place a JSON syntax error, so it is loaded then.
const require = createRequire(import.meta.url);
const jsonc = (): typeof import('jsonc-parser') =>
  require('jsonc-parser') as typeof import('jsonc-parser');
// js-yaml parses only what the fast parser gives up on, so most runs never load it.
const jsYaml = (): typeof import('js-yaml') => require('js-yaml') as typeof import('js-yaml');

/** `CloseBraceExpected` → `close brace expected`. */
function describeJsonError(code: ParseError['error']): string {
  return jsonc()
    .printParseErrorCode(code)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/** Nodes a document may expand to through YAML aliases, at most, before it is rejected. */
const MAX_EXPANDED_NODES = 20_000_000;
/** Above this many expanded nodes, aliases may repeat content at most this many times over. */
const ALIAS_CHECK_FLOOR = 200_000;
const MAX_ALIAS_FACTOR = 20;

/**
 * An anchor (`&name`) starts the text or follows a space, a colon or a flow indicator.
 * Aliases need an anchor, so a document without one cannot expand, whatever `&` and `*`
 * its prose contains.
 */
const ANCHOR = /(?:^|[\s[{,:])&[^\s,[\]{}]/;

function parseYaml(text: string, displayPath: string): unknown {
  // The fast parser covers most specs. js-yaml parses the rest and reports every error.
  const fast = parseYamlFast(text);
  if (fast !== undefined) {
    // Aliases of scalars add no nodes. Only a shared mapping or sequence can expand.
    const aliased = fast.aliasedCollections;
    if (aliased.length > 0 && !expandsWithin(ALIAS_CHECK_FLOOR, text.length, aliased))
      checkAliasExpansion(fast.data, displayPath);
    return fast.data;
  }
  const data = loadWithJsYaml(text, displayPath);
  if (ANCHOR.test(text)) checkAliasExpansion(data, displayPath);
  return data;
}

/**
 * Nesting js-yaml accepts before it stops with an error (its default is 100). JSON specs have
 * no such limit here, and the analysis handles documents thousands of levels deep.
 */
const MAX_YAML_DEPTH = 1000;

function loadWithJsYaml(text: string, displayPath: string): unknown {
  try {
    const { load, CORE_SCHEMA, mergeTag } = jsYaml();
    // Merge keys (`<<: *base`) are read as Redocly and Prism read them. js-yaml 5 leaves them
    // out of its default schema.
    return load(text, {
      filename: displayPath,
      schema: CORE_SCHEMA.withTags(mergeTag),
      maxDepth: MAX_YAML_DEPTH,
    });
  } catch (error) {
    const mark =
      (error as { mark?: { line: number; column: number } }).mark ?? secondDocumentMark(text);
    const reason = (error as { reason?: string }).reason ?? String(error);
    const where = mark ? `${mark.line + 1}:${mark.column + 1}` : '1:1';
    if (/maxDepth/.test(reason)) {
      throw new SpecgateError(
        'PARSE_ERROR',
        `${displayPath}:${where}: the YAML is nested more than ${MAX_YAML_DEPTH.toLocaleString('en-US')} levels deep. Flatten it, or move deep parts into components.`,
        { file: displayPath, cause: error },
      );
    }
    throw new SpecgateError(
      'PARSE_ERROR',
      `${displayPath}:${where}: invalid YAML (${reason}). Fix the syntax at that place.`,
      { file: displayPath, cause: error },
    );
  }
}

/**
 * Finds the `---` that starts a second YAML document, for js-yaml's "expected a single
 * document" error, which has no position. Returns it 0-based, as js-yaml's marks are.
 */
function secondDocumentMark(text: string): { line: number; column: number } | undefined {
  let content = false;
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (/^---(?:\s|$)/.test(line) && content) return { line: index, column: 0 };
    if (/^(?:---|\.\.\.)?\s*(?:#.*)?$/.test(line) || line.startsWith('%')) continue;
    content = true;
  }
  return undefined;
}

/**
 * Rejects documents whose aliases expand to an unreasonable number of nodes. A YAML
 * parser shares aliased nodes, but every walk over the document visits each use, so
 * a 1 KB "billion laughs" file would otherwise hang the analysis.
 */
function checkAliasExpansion(data: unknown, displayPath: string): void {
  const sizes = new Map<object, number>();
  const size = expandedSize(data, sizes, 0);
  const repeated = size > ALIAS_CHECK_FLOOR && size > MAX_ALIAS_FACTOR * sizes.size;
  if (size > MAX_EXPANDED_NODES || repeated) {
    throw new SpecgateError(
      'PARSE_ERROR',
      `${displayPath}: YAML aliases expand ${sizes.size.toLocaleString('en-US')} distinct nodes to ${size.toLocaleString('en-US')}. Replace the nested aliases with plain content.`,
      { file: displayPath },
    );
  }
}

/**
 * Returns the number of nodes `node` expands to, with every alias replaced by what it names.
 * `sizes` keeps the size of each object met, so a shared object is walked once.
 */
function expandedSize(node: unknown, sizes: Map<object, number>, depth: number): number {
  if (node === null || typeof node !== 'object' || depth > 10_000) return 1;
  const known = sizes.get(node);
  if (known !== undefined) return known;
  sizes.set(node, 1);
  let size = 1;
  for (const value of Object.values(node)) size += expandedSize(value, sizes, depth + 1);
  sizes.set(node, size);
  return size;
}

/**
 * True when a document that the fast parser read expands to at most `limit` nodes, found by
 * walking only the collections its aliases name. Each node but the root starts with a
 * character of its own (a key, a `-`, a flow item, an alias), so the text has at most one
 * node per character and the root. Each alias adds what it names, less the node it counts as.
 */
function expandsWithin(limit: number, textLength: number, aliased: readonly object[]): boolean {
  const sizes = new Map<object, number>();
  let total = textLength + 1;
  for (const target of aliased) {
    total += expandedSize(target, sizes, 0) - 1;
    if (total > limit) return false;
  }
  return true;
}

/** Converts a character offset into a 1-based line and column. */
export function offsetToLineColumn(text: string, offset: number): LineColumn {
  let line = 1;
  let lineStart = 0;
  let index = text.indexOf('\n');
  while (index !== -1 && index < offset) {
    line += 1;
    lineStart = index + 1;
    index = text.indexOf('\n', lineStart);
  }
  return { line, column: offset - lineStart + 1 };
}
