/**
 * A YAML parser for the block-style subset that OpenAPI documents use, built to run fast
 * from a cold start. A one-shot CLI run parses each spec once, before V8 has compiled
 * js-yaml's per-character scanner, so that scanner runs interpreted. On two OpenAI specs of
 * 131 KB and 102 KB, js-yaml 5.5.0 took 70 to 190 ms and this parser 20 to 50 ms (medians of
 * `scripts/bench/parse-yaml.mjs` runs on a shared 2-core VM). This parser lets native code
 * do the scanning. `indexOf` and sticky regular expressions find line ends, indentation, keys
 * and plain scalars, `JSON.parse` decodes double-quoted scalars, and values are sliced out of
 * the text.
 *
 * It takes one document whose root is a block mapping or block sequence. Inside it may use
 * plain, single-quoted and double-quoted scalars (also over several lines), literal and
 * folded block scalars with any chomping and indentation indicator, flow collections of
 * one-line scalars, comments, a leading `---`, anchors on values and aliases as values.
 *
 * It gives up, returning `undefined`, on anything else. That covers tags, directives, `...`
 * or a second document, explicit (`?`) or multi-line keys, anchors on keys, merge keys (`<<`)
 * and duplicate keys. It also covers scalars over several lines inside flow collections, tabs,
 * non-printable characters, YAML escapes that JSON lacks (`\x41`, `\e`), and text that
 * js-yaml rejects. The caller then parses with js-yaml, so errors and their messages stay
 * js-yaml's.
 *
 * What it returns equals what js-yaml 5.5.0 `load` returns with the default schema (YAML 1.2
 * core). Scalars get the same types, keys are converted with `String` as js-yaml's default
 * mapping does, and each anchored collection is one object shared by its aliases. The tests
 * compare both parsers on every YAML file of the repository, on public specs and on
 * generated and edited documents.
 */

import {
  blockScalarValue,
  chompBlock,
  countLineBreaks,
  decodeDoubleQuoted,
  flowScalar,
  foldQuotedLines,
  GIVE_UP,
  maxLineLength,
  NON_JSON_ESCAPE,
  resolvePlain,
} from './yaml-scalars.js';
import { withoutBom } from './text-locator.js';

/** Collection nesting beyond which the parser gives up, well below js-yaml's limit of 100. */
const MAX_DEPTH = 64;

// Plain scalars in block context: the first character is no indicator (`-?:` only before a
// non-space), then no `: ` and no ` #`. Inside a flow collection `,[]{}` also end them.
const PLAIN_FIRST = String.raw`(?:[^ \t\n\-?:,\[\]{}#&*!|>'"%@\x60]|[-?:](?=[^ \t\n]))`;
const PLAIN_CHAR = String.raw`(?:[^ \t\n:#]|:(?=[^ \t\n]))`;
const PLAIN_REST = `(?:${PLAIN_CHAR}|#)*(?:[ \\t]+${PLAIN_CHAR}(?:${PLAIN_CHAR}|#)*)*`;
const FLOW_FIRST = String.raw`(?:[^ \t\n\-?:,\[\]{}#&*!|>'"%@\x60]|[-?:](?=[^ \t\n,\[\]{}]))`;
const FLOW_CHAR = String.raw`(?:[^ \t\n:#,\[\]{}]|:(?=[^ \t\n,\[\]{}]))`;
const FLOW_PLAIN = `${FLOW_FIRST}(?:${FLOW_CHAR}|#)*(?:[ \\t]+${FLOW_CHAR}(?:${FLOW_CHAR}|#)*)*`;
const DOUBLE_QUOTED_LINE = String.raw`"((?:[^"\\\n]|\\[^\n])*)"`;
const SINGLE_QUOTED_LINE = String.raw`'((?:[^'\n]|'')*)'`;

/** Blank and comment lines, then the indentation of the next line. */
const LINE = /(?:[ \t]*(?:#[^\n]*)?\n)* */y;
/** A mapping key (plain, double- or single-quoted) and its `:`. */
const KEY = new RegExp(
  `(?:(${PLAIN_FIRST}${PLAIN_REST})|${DOUBLE_QUOTED_LINE}|${SINGLE_QUOTED_LINE})[ \\t]*:(?=[ \\n])`,
  'y',
);
/** A plain scalar's first line, with the comment that may end it. */
const PLAIN_LINE = new RegExp(`(${PLAIN_FIRST}${PLAIN_REST})(?: +(#[^\\n]*)| *)\\n`, 'y');
/** A further line of a multi-line plain scalar, after its indentation. */
const PLAIN_MORE = new RegExp(`(${PLAIN_CHAR}${PLAIN_REST})[ ]*\\n`, 'y');
/** Blank lines, then the indentation of the next line. */
const BLANK_LINES = /((?: *\n)*)( *)/y;
/** The spaces or comment that may follow a complete value on its line. */
const LINE_END = /(?: +#[^\n]*| *)\n/y;
/** A block scalar header: style, then chomping and indentation indicators in either order. */
const BLOCK_HEADER = /([|>])(?:([-+])([1-9])?|([1-9])([-+])?)?(?: +#[^\n]*| *)\n/y;
const DOUBLE_QUOTED = /"((?:[^"\\]|\\[^])*)"/y;
const ANCHOR = /[&*]([^ \n,[\]{}]+)(?= |\n)/y;
/**
 * The next token of a flow collection: a flow indicator, a one-line quoted scalar or a plain
 * scalar. Before it come spaces and, when the collection goes on over several lines, line
 * breaks, blank lines and comments, then the indentation of the token's line.
 */
const FLOW_TOKEN = new RegExp(
  `((?: +#[^\\n]*| *)\\n(?: *(?:#[^\\n]*)?\\n)*)?( *)` +
    `(?:([\\[\\]{},:])|${DOUBLE_QUOTED_LINE}|${SINGLE_QUOTED_LINE}|(${FLOW_PLAIN}))`,
  'y',
);
/** Characters js-yaml rejects or treats specially. A BOM may only open the text. */
const UNSUPPORTED_CHARACTER =
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\t\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
/**
 * The same characters with every surrogate in place of the lone ones: one character class,
 * which scans several times faster. Most texts have none of them and need no other test.
 */
const UNSUPPORTED_OR_SURROGATE =
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\t\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;
const DOCUMENT_MARKER = /(?:---|\.\.\.)[ \n]/y;

/** Sticky regular expressions for the lines of a block scalar, one per content indentation. */
const blockLinesByIndent = new Map<number, RegExp>();

/**
 * Parses `text` when it stays within the subset described above, or returns `undefined`
 * so the caller parses it with js-yaml.
 */
export function parseYamlFast(
  text: string,
): { data: unknown; aliasedCollections: object[] } | undefined {
  let source = withoutBom(text);
  if (source.includes('\r')) {
    source = source.replace(/\r\n/g, '\n');
    if (source.includes('\r')) return undefined;
  }
  if (UNSUPPORTED_OR_SURROGATE.test(source) && UNSUPPORTED_CHARACTER.test(source)) return undefined;
  if (!source.endsWith('\n')) {
    // Spaces on a last line without a line break can belong to a block scalar.
    if (/\n *$/.test(source) || /^ +$/.test(source)) return undefined;
    source += '\n';
  }
  try {
    const parser = new FastYamlParser(source);
    const data = parser.parseDocument();
    return { data, aliasedCollections: parser.aliasedCollections };
  } catch {
    // Besides GIVE_UP, any failure (a stack overflow, say) leaves the text to js-yaml.
    return undefined;
  }
}

class FastYamlParser {
  private readonly text: string;
  /** Start of the line the parser is at between nodes, or a place inside the line it reads. */
  private pos = 0;
  /** The place and indentation of the next content line, valid while `seenAt === pos`. */
  private seenAt = -1;
  private content = 0;
  private indent = 0;
  private depth = 0;
  /** Indentation of the block node that contains the flow collection being read. */
  private flowParent = 0;
  private readonly anchors = new Map<string, unknown>();
  /** Mappings and sequences named by aliases, once per alias: only those can expand. */
  readonly aliasedCollections: object[] = [];

  constructor(text: string) {
    this.text = text;
  }

  parseDocument(): unknown {
    let indent = this.nextLine(true);
    DOCUMENT_MARKER.lastIndex = this.content;
    if (indent === 0 && DOCUMENT_MARKER.test(this.text)) {
      if (!this.text.startsWith('---', this.content)) throw GIVE_UP;
      LINE_END.lastIndex = this.content + 3;
      if (!LINE_END.test(this.text)) throw GIVE_UP;
      this.pos = LINE_END.lastIndex;
      indent = this.nextLine(false);
    }
    if (indent < 0) throw GIVE_UP;

    let data: unknown;
    if (this.atDash(this.content)) data = this.parseSequence(indent, undefined);
    else if (this.matchKey(this.content)) data = this.parseMapping(indent, undefined);
    else throw GIVE_UP;

    if (this.nextLine(false) !== -1) throw GIVE_UP;
    return data;
  }

  /**
   * Moves to the next line that has content and returns its indentation, or -1 at the
   * end of the text. `content` is then where that content starts.
   */
  private nextLine(atStart: boolean): number {
    if (this.seenAt === this.pos) return this.indent;
    // `test` and `lastIndexOf` in place of `exec` spare an array and a string per line.
    LINE.lastIndex = this.pos;
    LINE.test(this.text);
    this.content = LINE.lastIndex;
    this.pos = this.text.lastIndexOf('\n', this.content - 1) + 1;
    this.indent = this.content - this.pos;
    this.seenAt = this.pos;
    if (this.content >= this.text.length) this.indent = -1;
    else if (this.indent === 0 && !atStart) {
      DOCUMENT_MARKER.lastIndex = this.content;
      if (DOCUMENT_MARKER.test(this.text)) throw GIVE_UP;
    }
    return this.indent;
  }

  private atDash(at: number): boolean {
    const next = this.text.charCodeAt(at + 1);
    return this.text.charCodeAt(at) === 0x2d && (next === 0x20 || next === 0x0a);
  }

  private matchKey(at: number): RegExpExecArray | null {
    KEY.lastIndex = at;
    return KEY.exec(this.text);
  }

  private enter(): void {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) throw GIVE_UP;
  }

  /** Reads a block mapping whose first key starts at `content`, at column `indent`. */
  private parseMapping(indent: number, anchor: string | undefined): Record<string, unknown> {
    this.enter();
    const map: Record<string, unknown> = {};
    if (anchor !== undefined) this.anchors.set(anchor, map);
    let at = this.content;
    for (;;) {
      const match = this.matchKey(at);
      if (!match) throw GIVE_UP;
      let key: string;
      if (match[1] !== undefined) {
        if (match[1] === '<<') throw GIVE_UP;
        key = String(resolvePlain(match[1]));
      } else if (match[2] !== undefined) key = decodeDoubleQuoted(match[2]);
      else key = (match[3] as string).replace(/''/g, "'");
      if (Object.prototype.hasOwnProperty.call(map, key)) throw GIVE_UP;

      const value = this.parseValue(KEY.lastIndex, indent, false);
      if (key === '__proto__') {
        Object.defineProperty(map, key, {
          value,
          enumerable: true,
          configurable: true,
          writable: true,
        });
      } else map[key] = value;

      const next = this.nextLine(false);
      if (next < indent) break;
      if (next > indent) throw GIVE_UP;
      at = this.content;
    }
    this.depth -= 1;
    return map;
  }

  /** Reads a block sequence whose first `-` is at `content`, at column `indent`. */
  private parseSequence(indent: number, anchor: string | undefined): unknown[] {
    this.enter();
    const items: unknown[] = [];
    if (anchor !== undefined) this.anchors.set(anchor, items);
    for (;;) {
      items.push(this.parseValue(this.content + 1, indent, true));
      const next = this.nextLine(false);
      if (next < indent) break;
      if (next > indent) throw GIVE_UP;
      if (!this.atDash(this.content)) break;
    }
    this.depth -= 1;
    return items;
  }

  /**
   * Reads the value that follows a key's `:` or a sequence's `-` at `at`, on the same line
   * or the lines below. `parent` is the indentation of the key or the `-`.
   */
  private parseValue(at: number, parent: number, inSequence: boolean): unknown {
    const text = this.text;
    while (text.charCodeAt(at) === 0x20) at += 1;
    const first = text.charCodeAt(at);

    if (first === 0x0a || first === 0x23) {
      this.pos = text.indexOf('\n', at) + 1;
      return this.parseIndentedValue(parent, inSequence, undefined);
    }
    if (first === 0x26) {
      const name = this.readAnchor(at);
      at = ANCHOR.lastIndex;
      while (text.charCodeAt(at) === 0x20) at += 1;
      const next = text.charCodeAt(at);
      if (next === 0x0a || next === 0x23) {
        this.pos = text.indexOf('\n', at) + 1;
        return this.parseIndentedValue(parent, inSequence, name);
      }
      const value = this.parseScalarOrFlow(at, parent);
      this.anchors.set(name, value);
      return value;
    }
    if (first === 0x2a) {
      const name = this.readAnchor(at);
      if (!this.anchors.has(name)) throw GIVE_UP;
      this.finishLine(ANCHOR.lastIndex);
      const value = this.anchors.get(name);
      if (typeof value === 'object' && value !== null) this.aliasedCollections.push(value);
      return value;
    }
    if (inSequence) {
      this.content = at;
      if (this.atDash(at)) return this.parseSequence(at - this.pos, undefined);
      if (this.matchKey(at)) return this.parseMapping(at - this.pos, undefined);
    }
    return this.parseScalarOrFlow(at, parent);
  }

  /** Reads a value that starts on a line below its key or `-`. */
  private parseIndentedValue(parent: number, inSequence: boolean, anchor?: string): unknown {
    const indent = this.nextLine(false);
    let value: unknown = null;
    if (indent > parent) {
      if (this.atDash(this.content)) value = this.parseSequence(indent, anchor);
      else if (this.matchKey(this.content)) value = this.parseMapping(indent, anchor);
      else {
        // A second anchor, or an alias, after an anchor on the line above is left to js-yaml.
        const first = this.text.charCodeAt(this.content);
        if (anchor !== undefined && (first === 0x26 || first === 0x2a)) throw GIVE_UP;
        value = this.parseValue(this.content, parent, false);
      }
    } else if (anchor !== undefined) {
      throw GIVE_UP;
    } else if (indent === parent && !inSequence && this.atDash(this.content)) {
      value = this.parseSequence(indent, undefined);
    }
    if (anchor !== undefined) this.anchors.set(anchor, value);
    return value;
  }

  private readAnchor(at: number): string {
    ANCHOR.lastIndex = at;
    const match = ANCHOR.exec(this.text);
    if (!match) throw GIVE_UP;
    return match[1] as string;
  }

  /** Checks that only spaces or a comment follow `at` on its line, and moves past the line. */
  private finishLine(at: number): void {
    LINE_END.lastIndex = at;
    if (!LINE_END.test(this.text)) throw GIVE_UP;
    this.pos = LINE_END.lastIndex;
  }

  /** Reads a scalar or a flow collection that starts at `at`. */
  private parseScalarOrFlow(at: number, parent: number): unknown {
    switch (this.text.charCodeAt(at)) {
      case 0x7c: // |
      case 0x3e: // >
        return this.parseBlockScalar(at, parent);
      case 0x22: // "
        return this.parseDoubleQuoted(at, parent);
      case 0x27: // '
        return this.parseSingleQuoted(at, parent);
      case 0x5b: // [
      case 0x7b: // {
        return this.parseFlowCollection(at, parent);
      default:
        return this.parsePlain(at, parent);
    }
  }

  /** Reads a flow collection and checks that nothing but a comment follows it on its line. */
  private parseFlowCollection(at: number, parent: number): unknown {
    FLOW_TOKEN.lastIndex = at;
    this.flowParent = parent;
    const value = this.parseFlowNode(this.nextFlowToken());
    this.finishLine(FLOW_TOKEN.lastIndex);
    return value;
  }

  /** Reads a plain scalar, joining the more-indented lines that continue it. */
  private parsePlain(at: number, parent: number): unknown {
    const text = this.text;
    PLAIN_LINE.lastIndex = at;
    const match = PLAIN_LINE.exec(text);
    if (!match) throw GIVE_UP;
    this.pos = PLAIN_LINE.lastIndex;
    let value = match[1] as string;
    if (match[2] !== undefined) return resolvePlain(value);

    for (;;) {
      // Most plain scalars end at their line, and the caller reads the next line anyway.
      const lineStart = this.pos;
      if (this.nextLine(false) <= parent) break;
      BLANK_LINES.lastIndex = lineStart;
      const lines = BLANK_LINES.exec(text) as RegExpExecArray;
      const start = BLANK_LINES.lastIndex;
      // A comment line ends the scalar, and the caller gives up on the deeper line after it.
      if (text.charCodeAt(start) === 0x23) break;
      PLAIN_MORE.lastIndex = start;
      const more = PLAIN_MORE.exec(text);
      if (!more) throw GIVE_UP;
      const breaks = countLineBreaks(lines[1] as string);
      value += (breaks === 0 ? ' ' : '\n'.repeat(breaks)) + (more[1] as string);
      this.pos = PLAIN_MORE.lastIndex;
    }
    return resolvePlain(value);
  }

  private parseSingleQuoted(at: number, parent: number): string {
    const text = this.text;
    let end = text.indexOf("'", at + 1);
    while (end !== -1 && text.charCodeAt(end + 1) === 0x27) end = text.indexOf("'", end + 2);
    if (end === -1) throw GIVE_UP;
    const raw = text.slice(at + 1, end);
    this.finishLine(end + 1);
    const value = raw.includes('\n') ? foldQuotedLines(raw.split('\n'), parent, false) : raw;
    return value.replace(/''/g, "'");
  }

  private parseDoubleQuoted(at: number, parent: number): string {
    DOUBLE_QUOTED.lastIndex = at;
    const match = DOUBLE_QUOTED.exec(this.text);
    if (!match) throw GIVE_UP;
    this.finishLine(DOUBLE_QUOTED.lastIndex);
    const raw = match[1] as string;
    if (!raw.includes('\n')) return decodeDoubleQuoted(raw);
    // Checked before folding, which drops the spaces that an escape like `\ ` ends with.
    if (NON_JSON_ESCAPE.test(raw)) throw GIVE_UP;
    return decodeDoubleQuoted(foldQuotedLines(raw.split('\n'), parent, true));
  }

  /**
   * Reads a literal (`|`) or folded (`>`) block scalar. Its lines are those indented at
   * least as far as its first content line, and blank lines between and after them.
   */
  private parseBlockScalar(at: number, parent: number): string {
    const text = this.text;
    BLOCK_HEADER.lastIndex = at;
    const header = BLOCK_HEADER.exec(text);
    if (!header) throw GIVE_UP;
    const folded = header[1] === '>';
    const chomping = header[2] ?? header[5] ?? '';
    const digit = header[3] ?? header[4];
    const start = BLOCK_HEADER.lastIndex;

    let indent = digit === undefined ? -1 : parent + Number(digit);
    if (indent === -1) {
      BLANK_LINES.lastIndex = start;
      const lines = BLANK_LINES.exec(text) as RegExpExecArray;
      const column = (lines[2] as string).length;
      if (BLANK_LINES.lastIndex < text.length && column > parent) {
        // js-yaml rejects leading blank lines indented further than the first content line.
        if (column < maxLineLength(lines[1] as string)) throw GIVE_UP;
        indent = column;
      } else {
        this.pos = start + (lines[1] as string).length;
        return chompBlock('', false, countLineBreaks(lines[1] as string), chomping);
      }
    }

    let pattern = blockLinesByIndent.get(indent);
    if (pattern === undefined) {
      pattern = new RegExp(`(?: *\\n| {${indent}}[^\\n]*\\n)*`, 'y');
      blockLinesByIndent.set(indent, pattern);
    }
    pattern.lastIndex = start;
    pattern.test(text);
    this.pos = pattern.lastIndex;
    return blockScalarValue(text.slice(start, this.pos), indent, folded, chomping);
  }

  /** Reads the next flow token; a line it starts must be indented past the block parent. */
  private nextFlowToken(): RegExpExecArray {
    const token = FLOW_TOKEN.exec(this.text);
    if (!token) throw GIVE_UP;
    if (token[1] !== undefined && (token[2] as string).length <= this.flowParent) throw GIVE_UP;
    return token;
  }

  /** Reads a flow node from its first token; `FLOW_TOKEN.lastIndex` is just past it. */
  private parseFlowNode(token: RegExpExecArray): unknown {
    const punctuation = token[3];
    if (punctuation === undefined) return flowScalar(token);
    if (punctuation === '[') return this.parseFlowSequence();
    if (punctuation === '{') return this.parseFlowMapping();
    throw GIVE_UP;
  }

  private parseFlowSequence(): unknown[] {
    this.enter();
    const items: unknown[] = [];
    let token = this.nextFlowToken();
    while (token[3] !== ']') {
      items.push(this.parseFlowNode(token));
      token = this.nextFlowToken();
      if (token[3] === ',') token = this.nextFlowToken();
      else if (token[3] !== ']') throw GIVE_UP;
    }
    this.depth -= 1;
    return items;
  }

  private parseFlowMapping(): Record<string, unknown> {
    this.enter();
    const map: Record<string, unknown> = {};
    let token = this.nextFlowToken();
    while (token[3] !== '}') {
      if (token[3] !== undefined) throw GIVE_UP;
      const key = String(flowScalar(token));
      if (key === '__proto__' || key === '<<' || Object.prototype.hasOwnProperty.call(map, key)) {
        throw GIVE_UP;
      }
      if (this.nextFlowToken()[3] !== ':') throw GIVE_UP;
      const valueToken = this.nextFlowToken();
      if (valueToken[3] === ',' || valueToken[3] === '}') throw GIVE_UP;
      map[key] = this.parseFlowNode(valueToken);
      token = this.nextFlowToken();
      if (token[3] === ',') token = this.nextFlowToken();
      else if (token[3] !== '}') throw GIVE_UP;
    }
    this.depth -= 1;
    return map;
  }
}
