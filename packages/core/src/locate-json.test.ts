import { describe, expect, it } from 'vitest';

import { JsonLocator } from './locate-json.js';

// Nested containers with strings that hold brackets and escaped quotes, so skipping over a
// value must follow the structure and not the characters.
const TEXT = '{"a": {"b": [1, {"c": "]}\\"["}], "d": {"e": [[], {}]}}, "f": {"g": 2}}';

describe('JsonLocator', () => {
  it('finds values inside containers it skipped before', () => {
    const locator = new JsonLocator(TEXT);
    // The root's members are indexed first, which skips over all of "a".
    expect(locator.find(['f', 'g'])).toEqual({ offset: 67, keyOffset: 62, matched: 2 });
    expect(locator.find(['a', 'd', 'e', '1'])).toEqual({ offset: 49, keyOffset: 49, matched: 4 });
    expect(locator.find(['a', 'b', '1', 'c'])).toEqual({ offset: 22, keyOffset: 17, matched: 4 });
  });

  it('gives the same places in any order', () => {
    const locator = new JsonLocator(TEXT);
    expect(locator.find(['a', 'b', '1', 'c'])).toEqual({ offset: 22, keyOffset: 17, matched: 4 });
    expect(locator.find(['a', 'd', 'e', '1'])).toEqual({ offset: 49, keyOffset: 49, matched: 4 });
    expect(locator.find(['f', 'g'])).toEqual({ offset: 67, keyOffset: 62, matched: 2 });
  });

  it('stops at the deepest member that exists', () => {
    const locator = new JsonLocator(TEXT);
    expect(locator.find(['a', 'd', 'x'])).toEqual({ offset: 38, keyOffset: 33, matched: 2 });
  });
});
