/**
 * Scalar reading for the fast YAML parser (`yaml-fast.ts`): plain scalars resolved by the
 * YAML 1.2 core schema as js-yaml 5.5.0 resolves them, quoted scalars folded and decoded,
 * block scalars chomped. Each function throws `GIVE_UP` where js-yaml must decide.
 */

/** A double-quoted escape that `JSON.parse` lacks. A `\\` before a line break joins lines. */
export const NON_JSON_ESCAPE = /(?:^|[^\\])(?:\\\\)*\\(?:[^"\\/bfnrtu\n]|u(?![0-9a-fA-F]{4}))/;

// The YAML 1.2 core schema, as js-yaml 5.5.0 resolves plain scalars.
const INTEGER = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$/;
const FLOAT =
  /^(?:[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** Thrown inside the parser to stop at a construct it leaves to js-yaml. */
export const GIVE_UP: unique symbol = Symbol('give up');

/** Returns the value of a scalar token of a flow collection: double-quoted, single-quoted or plain. */
export function flowScalar(token: RegExpExecArray): unknown {
  if (token[4] !== undefined) return decodeDoubleQuoted(token[4]);
  if (token[5] !== undefined) return token[5].replace(/''/g, "'");
  return resolvePlain(token[6] as string);
}

/**
 * Joins the lines of a quoted scalar as YAML folds them: a single line break becomes a
 * space, n blank lines become n line breaks, and spaces around breaks are dropped. In a
 * double-quoted scalar a `\` at the end of a line joins the next line without a space, and
 * the breaks are written as `\n` escapes for `decodeDoubleQuoted`. Every line after the first
 * must be indented further than `parent`, as js-yaml requires.
 */
export function foldQuotedLines(lines: string[], parent: number, double: boolean): string {
  const last = lines.length - 1;
  let result = '';
  let breaks = 0;
  let joined = false;
  for (let index = 0; index <= last; index += 1) {
    let line = lines[index] as string;
    if (index > 0) {
      const trimmed = line.replace(/^ +/, '');
      const blank = trimmed === '' && index < last;
      if (!blank && line.length - trimmed.length <= parent) throw GIVE_UP;
      if (blank) {
        breaks += 1;
        continue;
      }
      if (!joined) result += breaks === 0 ? ' ' : (double ? '\\n' : '\n').repeat(breaks);
      line = trimmed;
      breaks = 0;
    }
    if (index === last) {
      result += line;
      break;
    }
    joined = double && /(?:^|[^\\])(?:\\\\)*\\$/.test(line);
    result += joined ? line.slice(0, -1) : line.replace(/ +$/, '');
  }
  return result;
}

/** Decodes a double-quoted scalar with `JSON.parse`, giving up on escapes JSON lacks. */
export function decodeDoubleQuoted(raw: string): string {
  if (!raw.includes('\\')) return raw;
  if (NON_JSON_ESCAPE.test(raw)) throw GIVE_UP;
  return JSON.parse(`"${raw}"`) as string;
}

/** Builds a block scalar's value from its lines, as js-yaml 5.5.0 does. */
export function blockScalarValue(
  region: string,
  indent: number,
  folded: boolean,
  chomping: string,
): string {
  const lines = region.split('\n');
  lines.pop();
  let result = '';
  let blank = 0;
  let started = false;
  let moreIndented = false;
  for (const line of lines) {
    if (line.length <= indent) {
      blank += 1;
      continue;
    }
    const content = line.slice(indent);
    if (!folded || content.charCodeAt(0) === 0x20) {
      result += '\n'.repeat(started ? blank + 1 : blank);
      moreIndented = folded;
    } else if (moreIndented) {
      result += '\n'.repeat(blank + 1);
      moreIndented = false;
    } else if (blank > 0) {
      result += '\n'.repeat(blank);
    } else if (started) {
      result += ' ';
    }
    result += content;
    started = true;
    blank = 0;
  }
  return chompBlock(result, started, blank, chomping);
}

/** Adds a block scalar's final line breaks: all of them (`+`), none (`-`) or one. */
export function chompBlock(
  value: string,
  hasContent: boolean,
  blank: number,
  chomping: string,
): string {
  if (chomping === '+') return value + '\n'.repeat(hasContent ? blank + 1 : blank);
  if (chomping === '-' || !hasContent) return value;
  return `${value}\n`;
}

/** Counts the line breaks in `lines`. */
export function countLineBreaks(lines: string): number {
  let count = 0;
  for (let at = lines.indexOf('\n'); at !== -1; at = lines.indexOf('\n', at + 1)) count += 1;
  return count;
}

/** Returns the length of the longest line in `lines`. */
export function maxLineLength(lines: string): number {
  let max = 0;
  for (const line of lines.split('\n')) max = Math.max(max, line.length);
  return max;
}

/** Resolves a plain scalar by the YAML 1.2 core schema, in js-yaml 5.5.0's order. */
export function resolvePlain(source: string): unknown {
  switch (source.charCodeAt(0)) {
    case 0x7e: // ~
    case 0x6e: // n
    case 0x4e: // N
      return source === '~' || source === 'null' || source === 'Null' || source === 'NULL'
        ? null
        : source;
    case 0x74: // t
    case 0x54: // T
      return source === 'true' || source === 'True' || source === 'TRUE' ? true : source;
    case 0x66: // f
    case 0x46: // F
      return source === 'false' || source === 'False' || source === 'FALSE' ? false : source;
    case 0x2d: // -
    case 0x2b: // +
    case 0x2e: // .
    case 0x30:
    case 0x31:
    case 0x32:
    case 0x33:
    case 0x34:
    case 0x35:
    case 0x36:
    case 0x37:
    case 0x38:
    case 0x39:
      return resolveNumber(source);
    default:
      return source === '' ? null : source;
  }
}

function resolveNumber(source: string): number | string {
  if (INTEGER.test(source)) {
    const sign = source.charCodeAt(0) === 0x2d ? -1 : 1;
    const digits = /^[-+]/.test(source) ? source.slice(1) : source;
    const radix = digits.startsWith('0o') ? 8 : digits.startsWith('0x') ? 16 : 10;
    const value = sign * parseInt(radix === 10 ? digits : digits.slice(2), radix);
    if (Number.isFinite(value)) return value;
  }
  if (!FLOAT.test(source)) return source;
  const lower = source.toLowerCase();
  const sign = lower.charCodeAt(0) === 0x2d ? -1 : 1;
  const unsigned = /^[-+]/.test(lower) ? lower.slice(1) : lower;
  if (unsigned === '.inf') return sign * Infinity;
  if (unsigned === '.nan') return NaN;
  const value = sign * parseFloat(unsigned);
  return Number.isFinite(value) ? value : source;
}
