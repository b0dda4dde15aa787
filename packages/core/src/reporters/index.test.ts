import { describe, expect, it } from 'vitest';

import { SpecgateError } from '../errors.js';

import { renderGithub } from './github.js';
import { formatNames, parseFormatOption, reporters } from './index.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderStylish } from './stylish.js';

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('reporters', () => {
  it('maps each name to its renderer', () => {
    expect(reporters).toEqual({
      stylish: renderStylish,
      sarif: renderSarif,
      github: renderGithub,
      junit: renderJunit,
      markdown: renderMarkdown,
    });
  });

  it('lists json among format names', () => {
    expect(formatNames).toEqual(['stylish', 'json', 'sarif', 'github', 'junit', 'markdown']);
  });
});

describe('parseFormatOption', () => {
  it.each([
    ['stylish', { name: 'stylish' }],
    ['json', { name: 'json' }],
    ['sarif=out.sarif', { name: 'sarif', outFile: 'out.sarif' }],
    ['junit=reports/a=b.xml', { name: 'junit', outFile: 'reports/a=b.xml' }],
    ['markdown=C:\\reports\\summary.md', { name: 'markdown', outFile: 'C:\\reports\\summary.md' }],
  ])('parses %s', (value, expected) => {
    expect(parseFormatOption(value)).toStrictEqual(expected);
  });

  it('rejects an unknown name', () => {
    const error = catchError(() => parseFormatOption('xml=out.xml'));

    expect(error).toBeInstanceOf(SpecgateError);
    expect((error as SpecgateError).code).toBe('USAGE');
    expect((error as SpecgateError).message).toBe(
      'Unknown format "xml" in --format xml=out.xml. Use one of stylish, json, sarif, github, ' +
        'junit, markdown, optionally followed by =FILE to write that format to a file.',
    );
  });

  it('rejects names in another case', () => {
    const error = catchError(() => parseFormatOption('SARIF'));

    expect((error as SpecgateError).code).toBe('USAGE');
  });

  it('rejects an empty file name', () => {
    const error = catchError(() => parseFormatOption('sarif='));

    expect(error).toBeInstanceOf(SpecgateError);
    expect((error as SpecgateError).code).toBe('USAGE');
    expect((error as SpecgateError).message).toBe(
      'Missing file name in --format sarif=. Give a path after "=", as in sarif=report.out, ' +
        'or use --format sarif to write to stdout.',
    );
  });
});
