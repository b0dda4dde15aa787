/**
 * Main blocks that Unicode's East Asian Width property (UAX #11) marks Wide or Fullwidth:
 * Hangul, CJK ideographs, kana, CJK punctuation and fullwidth forms. Terminals give these
 * two cells. Rarer wide characters outside these blocks are counted as one cell.
 */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19\uFE30-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6\u{1B000}-\u{1B2FF}\u{20000}-\u{3FFFD}]/u;

/** Emoji shown as pictures by default, which terminals draw two cells wide. */
const EMOJI = /\p{Emoji_Presentation}/u;

/** Combining marks (variation selectors included) and zero-width spaces and joiners. */
const ZERO_WIDTH = /[\p{Mn}\p{Me}\u200B-\u200D]/u;

/**
 * Returns how many terminal cells one code point takes: 0, 1 or 2.
 * NOTE: emoji sequences (ZWJ families, flags, a text symbol with U+FE0F) are counted code point
 * by code point, so carets after one sit too far right where the terminal draws it as one picture.
 */
export function codePointWidth(char: string): number {
  if (ZERO_WIDTH.test(char)) return 0;
  return WIDE.test(char) || EMOJI.test(char) ? 2 : 1;
}

/** Returns how many terminal cells a string takes, counting each astral code point once. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += codePointWidth(char);
  return width;
}
