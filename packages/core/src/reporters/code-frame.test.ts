import { describe, expect, it } from 'vitest';

import type { Location } from '../finding.js';

import { renderCodeFrame } from './code-frame.js';

const plain = (_color: string, text: string): string => text;

function at(line: number, column: number, endColumn?: number): Location {
  return {
    file: 'spec.json',
    pointer: '/paths',
    line,
    column,
    ...(endColumn === undefined ? {} : { endLine: line, endColumn }),
  };
}

describe('renderCodeFrame', () => {
  it('shows short lines whole', () => {
    const source = 'openapi: 3.0.3\ninfo:\n  title: Dogs\npaths: {}\n';

    expect(renderCodeFrame(source, at(3, 3, 8), plain)).toEqual([
      '  1 | openapi: 3.0.3',
      '  2 | info:',
      '> 3 |   title: Dogs',
      '    |   ^^^^^',
      '  4 | paths: {}',
    ]);
  });

  it('leaves out a byte order mark', () => {
    const source = '\uFEFFopenapi: 3.0.3\ninfo: {}\n';

    expect(renderCodeFrame(source, at(1, 1, 8), plain)).toEqual([
      '> 1 | openapi: 3.0.3',
      '    | ^^^^^^^',
      '  2 | info: {}',
    ]);
  });

  it('cuts a minified line around the column', () => {
    const source = `{"a":"${'x'.repeat(300)}","paths":{"/dogs":{}},"z":"${'y'.repeat(300)}"}`;
    const column = source.indexOf('"paths"') + 1;
    const frame = renderCodeFrame(source, at(1, column, column + 7), plain);

    const start = column - 1 - 40;
    expect(frame).toEqual([
      `> 1 | …${source.slice(start, start + 120)}…`,
      `    | ${' '.repeat(41)}^^^^^^^`,
    ]);
  });

  it('keeps carets of a long span inside the window', () => {
    const source = `{"paths":{${'"/p":{},'.repeat(100)}"/q":{}}}`;
    const frame = renderCodeFrame(source, at(1, 10, source.length), plain);

    expect(frame).toEqual([
      `> 1 | ${source.slice(0, 120)}…`,
      `    | ${' '.repeat(9)}${'^'.repeat(111)}`,
    ]);
  });

  it('cuts every line of the frame to one window', () => {
    const long = `${'a'.repeat(200)}: 1`;
    const source = `short: 1\n${long}\nnext: ${'b'.repeat(300)}\n`;
    const frame = renderCodeFrame(source, at(2, 181), plain);

    expect(frame).toEqual([
      '  1 | …',
      `> 2 | …${long.slice(140, 200)}: 1`,
      `    | ${' '.repeat(41)}^`,
      `  3 | …${'b'.repeat(120)}…`,
    ]);
  });

  // Given: a line, the UTF-16 column and end column of a place on it. Expected: the caret line.
  const WIDE_LINES: [string, string, number, number | undefined, string][] = [
    ['CJK before the place', 'title: 犬の店 pets', 12, 16, `${' '.repeat(14)}^^^^`],
    ['CJK inside the place', 'title: 犬の店 pets', 8, 11, `${' '.repeat(7)}^^^^^^`],
    ['one CJK character', 'title: 犬の店 pets', 9, undefined, `${' '.repeat(9)}^^`],
    ['BMP emoji before the place', 'x: ⚡ fast', 6, 10, `${' '.repeat(6)}^^^^`],
    ['astral emoji before the place', 'x: 🐶 dog', 7, 10, `${' '.repeat(6)}^^^`],
    ['astral emoji inside the place', 'x: 🐶 dog', 4, 6, `${' '.repeat(3)}^^`],
    ['astral narrow letter', 'x: 𝒜 b', 7, 8, `${' '.repeat(5)}^`],
    ['combining accent', 'x: e\u0301 b', 7, 8, `${' '.repeat(5)}^`],
    ['fullwidth letters', 'x: ＡＢ c', 7, 8, `${' '.repeat(8)}^`],
  ];

  it.each(WIDE_LINES)('aligns carets with %s', (_case, line, column, endColumn, carets) => {
    const frame = renderCodeFrame(`${line}\n`, at(1, column, endColumn), plain);

    expect(frame).toEqual([`> 1 | ${line}`, `    | ${carets}`]);
  });
});
