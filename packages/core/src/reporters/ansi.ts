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
 * Creates a painter. It writes escape codes itself rather than call `util.styleText`, because
 * newer Node releases make `styleText` check `process.stdout` by default (its `validateStream`
 * option) and drop colours off a TTY, and a reporter must not depend on where output goes.
 */
export function createPainter(enabled: boolean): Painter {
  if (!enabled) return (_style, text) => text;
  return (style, text) => {
    const [open, close] = STYLES[style];
    return text === '' ? text : `\u001b[${open}m${text}\u001b[${close}m`;
  };
}
