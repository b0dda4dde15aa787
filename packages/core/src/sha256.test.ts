import { hash } from 'node:crypto';

import { describe, expect, test } from 'vitest';

import { scriptSha256Hex, sha256Hex } from './sha256.js';

const nodeSha256 = (text: string): string => hash('sha256', text, 'hex');

describe('scriptSha256Hex', () => {
  test('standard test vectors', () => {
    expect(scriptSha256Hex('')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(scriptSha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  test.each([55, 56, 57, 63, 64, 65, 119, 120, 1000])('%i bytes, around block ends', (length) => {
    const text = 'x'.repeat(length);
    expect(scriptSha256Hex(text)).toBe(nodeSha256(text));
  });

  test.each([
    ['accents', 'operation-removed\0/paths/~1café\0"é"'],
    ['three-byte characters', '✓ 中文 ✓'.repeat(9)],
    ['an emoji pair', `😀${'y'.repeat(52)}😀`],
    ['a lone surrogate', 'before\ud800after'],
    ['control characters', '\0\u0001\n\t\u007f'],
  ])('UTF-8 text with %s', (_, text) => {
    expect(scriptSha256Hex(text)).toBe(nodeSha256(text));
  });

  test('every length up to 300 characters', () => {
    let text = '';
    for (let length = 0; length <= 300; length += 1) {
      expect(scriptSha256Hex(text)).toBe(nodeSha256(text));
      text += String.fromCharCode(32 + ((length * 37) % 95));
    }
  });
});

describe('sha256Hex', () => {
  test('same hash before and after node:crypto takes over', () => {
    for (let index = 0; index < 1200; index += 1) {
      const text = `finding-${index}\0/paths/~1items~1{id}/get\0{"type":"string"}`;
      expect(sha256Hex(text)).toBe(nodeSha256(text));
    }
  });
});
