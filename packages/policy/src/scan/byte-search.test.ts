import { describe, expect, test } from 'vitest';

import {
  indexOfAnyOf3,
  indexOfAnyOf4,
  indexOfByte,
  indexOfByteNear,
  indexOfEither,
  repeated,
} from './byte-search.js';

const SPACE = 32;
const QUOTE = 34;
const HASH = 35;
const SLASH = 47;
const QUESTION = 63;

function viewOf(text: string): DataView {
  const bytes = Buffer.from(text, 'latin1');
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function search(text: string, from = 0, end = text.length): number {
  return indexOfByte(viewOf(text), SPACE, repeated(SPACE), from, end);
}

describe('indexOfByte', () => {
  test.each([
    ['a b', 0, 3, 1],
    [' abc', 0, 4, 0],
    ['abc ', 0, 4, 3],
    ['abcdefg h', 0, 9, 7],
    ['abcd efgh', 0, 4, -1],
    ['abcd efgh', 5, 9, -1],
    ['a b c', 2, 5, 3],
    ['', 0, 0, -1],
    // 0x21 right after the space is flagged by a borrow; the space itself comes first.
    ['ab !!!!', 0, 7, 2],
    ['\u00e9\u00ff\u0080 x', 0, 5, 3],
  ])('%j from %i to %i', (text, from, end, expected) => {
    expect(search(text, from, end)).toBe(expected);
  });

  test('agrees with Buffer.indexOf at every start', () => {
    const text = 'GET /repos/o/r/issues?page=2 HTTP/1.1" 200 5 "-" "curl/8.5.0"';
    const bytes = Buffer.from(text, 'latin1');
    for (let from = 0; from <= text.length; from += 1) {
      const expected = bytes.indexOf(SPACE, from);
      expect(search(text, from)).toBe(expected);
    }
  });
});

describe('indexOfByteNear', () => {
  // The quotes are at 0, 51, 53 and 64, the newline at 65, and the next line's quote at 66.
  const text = '"https://example.com/a/long/referer/path?with=query" "curl/8.5.0"\n"next"';

  test.each([
    [1, 65, 51],
    [1, 40, -1],
    [52, 65, 53],
    [54, 65, 64],
    [65, 65, -1],
  ])('from %i to %i', (from, end, expected) => {
    const bytes = Buffer.from(text, 'latin1');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(indexOfByteNear(bytes, view, QUOTE, repeated(QUOTE), from, end)).toBe(expected);
  });
});

describe('indexOfEither', () => {
  test.each([
    ['abc"def ', 0, 3],
    ['abcdefg "', 0, 7],
    ['abcdefgh', 0, -1],
    ['"abc', 1, -1],
  ])('%j from %i', (text, from, expected) => {
    const view = viewOf(text);
    expect(indexOfEither(view, repeated(SPACE), repeated(QUOTE), from, text.length)).toBe(expected);
  });
});

describe('indexOfAnyOf3', () => {
  test.each([
    ['curl/8.5.0"', 4],
    ['PyGithub"', 8],
    ['Mozilla (X11) x/1', 7],
    ['abcdefgh', -1],
  ])('%j', (text, expected) => {
    const patterns = [repeated(SPACE), repeated(QUOTE), repeated(SLASH)] as const;
    expect(indexOfAnyOf3(viewOf(text), ...patterns, 0, text.length)).toBe(expected);
  });
});

describe('indexOfAnyOf4', () => {
  test.each([
    ['/repos/o/r?page=2 ', 10],
    ['/repos/o/r#top ', 10],
    ['/repos/o/r/issues HTTP', 17],
    ['/repos/o/r/issues"', 17],
    ['/repos/o/r', -1],
  ])('%j', (text, expected) => {
    const patterns = [
      repeated(SPACE),
      repeated(QUOTE),
      repeated(QUESTION),
      repeated(HASH),
    ] as const;
    expect(indexOfAnyOf4(viewOf(text), ...patterns, 0, text.length)).toBe(expected);
  });
});
