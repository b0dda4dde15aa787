/** Text styles the stylish reporter uses, as ANSI SGR open and close codes. */
const STYLES = {
  bold: [1, 22],
  dim: [2, 22],
  underline: [4, 24],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  gray: [90, 39],
} as const;

/** Name of an ANSI text style. */
export type Style = keyof typeof STYLES;

/** Wraps text in one style's escape codes, or returns it unchanged when colour is off. */
export type Painter = (style: Style, text: string) => string;

/**
 * Creates a painter. Plain escape codes rather than `util.styleText`, because from Node 22.13
 * `styleText` drops colours when `process.stdout` is not a TTY, and a reporter must not depend
 * on where its caller sends the text.
 */
export function createPainter(enabled: boolean): Painter {
  if (!enabled) return (_style, text) => text;
  return (style, text) => {
    const [open, close] = STYLES[style];
    return text === '' ? text : `\u001b[${open}m${text}\u001b[${close}m`;
  };
}
