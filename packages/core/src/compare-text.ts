/**
 * Printable ASCII in the order of the Unicode root collation, which en-US uses unchanged:
 * space, punctuation and symbols, digits, then letters with lower and upper case sharing a
 * place. A test checks this against `localeCompare`.
 */
const ROOT_ORDER = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz';

/** Primary collation weight of each ASCII code, or -1 where the fast path does not apply. */
const PRIMARY = new Int8Array(128).fill(-1);
for (let index = 0; index < ROOT_ORDER.length; index += 1) {
  const char = ROOT_ORDER[index] as string;
  PRIMARY[char.charCodeAt(0)] = index;
  PRIMARY[char.toUpperCase().charCodeAt(0)] = index;
}

function isPrintableAscii(text: string, from: number): boolean {
  for (let index = from; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 128 || PRIMARY[code] === -1) return false;
  }
  return true;
}

/**
 * Compares two strings as `a.localeCompare(b)` does in an English locale, returning -1, 0 or 1.
 * Printable ASCII strings are compared here: letters by primary weight first, then lower case
 * before upper case. The first `localeCompare` call in a process sets up ICU's collator, which
 * costs tens of milliseconds, more than a short CLI run sorts in total. Other strings go to
 * `localeCompare`.
 */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  let caseOrder = 0;
  for (let index = 0; index < length; index += 1) {
    const x = a.charCodeAt(index);
    const y = b.charCodeAt(index);
    const primaryX = x < 128 ? (PRIMARY[x] as number) : -1;
    const primaryY = y < 128 ? (PRIMARY[y] as number) : -1;
    if (primaryX === -1 || primaryY === -1) return a.localeCompare(b);
    if (primaryX !== primaryY) {
      if (!isPrintableAscii(a, index + 1) || !isPrintableAscii(b, index + 1)) {
        return a.localeCompare(b);
      }
      return primaryX < primaryY ? -1 : 1;
    }
    // The same letter in different case: lower case (the higher code) sorts first.
    if (x !== y && caseOrder === 0) caseOrder = x > y ? -1 : 1;
  }
  if (!isPrintableAscii(a, length) || !isPrintableAscii(b, length)) return a.localeCompare(b);
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return caseOrder;
}
