import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import type { Finding } from '../finding.js';

import { renderJunit } from './junit.js';

const findings = JSON.parse(
  readFileSync(new URL('./testdata/sample-findings.json', import.meta.url), 'utf8'),
) as Finding[];

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x?[0-9a-fA-F]+|\w+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    const decoded = ENTITIES[entity];
    if (decoded === undefined) throw new Error(`unknown entity ${whole}`);
    return decoded;
  });
}

/**
 * Parses the subset of XML the JUnit reporter writes (declaration, elements, attributes in
 * double quotes, text), and throws on unbalanced tags, raw `<` or `&` in text, or text
 * outside the root. Enough to check the structure without an XML library.
 */
function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  const token = /<(\/?)([A-Za-z-]+)((?:\s+[A-Za-z-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = token.exec(body)) !== null) {
    consumed = token.lastIndex;
    const [, closing, name, attributeText, selfClosing, text] = match;
    const current = stack.at(-1)!;
    if (text !== undefined) {
      if (/&(?!(#x?[0-9a-fA-F]+|\w+);)/.test(text)) throw new Error(`raw & in ${text}`);
      current.text += decode(text);
      continue;
    }
    if (closing) {
      if (current.name !== name) throw new Error(`</${name}> closes <${current.name}>`);
      stack.pop();
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key, value] of (attributeText ?? '').matchAll(/([A-Za-z-]+)="([^"]*)"/g)) {
      attributes[key!] = decode(value!);
    }
    const element: XmlElement = { name: name!, attributes, children: [], text: '' };
    current.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (consumed !== body.length) throw new Error(`unparsed XML at offset ${consumed}`);
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  if (root.text.trim() !== '') throw new Error('text outside the root element');
  expect(root.children).toHaveLength(1);
  return root.children[0]!;
}

function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((candidate) => candidate.name === name);
}

describe('renderJunit', () => {
  const xml = renderJunit({ command: 'check', findings, failLevel: 'error' });
  const root = parseXml(xml);

  it('starts with the XML declaration', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(xml.endsWith('</testsuites>\n')).toBe(true);
  });

  it('counts tests, failures and skipped', () => {
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toEqual({
      name: 'specgate check',
      tests: '4',
      failures: '2',
      errors: '0',
      skipped: '1',
    });
  });

  it('groups test cases into suites per file', () => {
    const suites = root.children.map((suite) => suite.attributes);

    expect(suites).toEqual([
      { name: 'specs/dogs.yaml', tests: '3', failures: '2', errors: '0', skipped: '1' },
      { name: 'specgate check', tests: '1', failures: '0', errors: '0', skipped: '0' },
    ]);
  });

  it('names test cases after id and pointer', () => {
    const cases = root.children.flatMap((suite) => suite.children.map((c) => c.attributes));

    expect(cases).toEqual([
      {
        name: 'operation-operationId /paths/~1v1~1dogs/get',
        classname: 'specs/dogs.yaml',
        file: 'specs/dogs.yaml',
        line: '7',
      },
      {
        name: 'response-property-removed /paths/~1v1~1dogs~1{dogId}/get/responses/200/content/application~1json/schema/properties',
        classname: 'specs/dogs.yaml',
        file: 'specs/dogs.yaml',
        line: '22',
      },
      {
        name: 'operation-description /paths/~1v1~1dogs~1{dogId}/get',
        classname: 'specs/dogs.yaml',
        file: 'specs/dogs.yaml',
        line: '13',
      },
      { name: 'version-not-bumped', classname: 'specgate check' },
    ]);
  });

  it('marks failures with message and details', () => {
    const testCase = root.children[0]!.children[1]!;
    const failure = child(testCase, 'failure');

    expect(failure?.attributes).toEqual({
      message: "Property 'name' was removed from the 200 response.",
      type: 'error',
    });
    expect(failure?.text).toBe(
      [
        "error response-property-removed: Property 'name' was removed from the 200 response.",
        'operation: GET /v1/dogs/{dogId}',
        'location: specs/dogs.yaml:22:17 /paths/~1v1~1dogs~1{dogId}/get/responses/200/content/application~1json/schema/properties',
        'fingerprint: b7d04e6a1c93f258',
      ].join('\n'),
    );
  });

  it('skips waived findings with the waiver', () => {
    const testCase = root.children[0]!.children[2]!;

    expect(testCase.children.map((element) => element.name)).toEqual(['skipped']);
    expect(child(testCase, 'skipped')?.attributes).toEqual({
      message: 'Waived: Described in the dogs guide (owner team-dogs, expires 2026-12-31)',
    });
  });

  it('passes findings below the failure level', () => {
    const testCase = root.children[1]!.children[0]!;

    expect(testCase.children.map((element) => element.name)).toEqual(['system-out']);
    expect(child(testCase, 'system-out')?.text).toBe(
      [
        'Not a failure: level warning is below the failure level error.',
        'warning version-not-bumped: The document has breaking changes but info.version is still 1.2.0; bump the major version.',
        'fingerprint: 5e81c2d9a4f06b37',
      ].join('\n'),
    );
  });

  it('escapes markup and drops invalid characters', () => {
    const tricky: Finding = {
      kind: 'problem',
      id: 'rule-<x>',
      level: 'error',
      message: 'Use "a" & \'b\' <not> c\u0007\r\nnext\tline',
      location: { file: 'a&b.yaml', pointer: '/paths/<x>', line: 2, column: 1 },
      fingerprint: '0123456789abcdef',
    };

    const output = renderJunit({ command: 'lint', findings: [tricky], failLevel: 'warning' });
    const parsed = parseXml(output);
    const testCase = parsed.children[0]!.children[0]!;

    expect(output).not.toContain('\u0007');
    expect(parsed.children[0]!.attributes.name).toBe('a&b.yaml');
    expect(testCase.attributes.name).toBe('rule-<x> /paths/<x>');
    expect(child(testCase, 'failure')?.attributes.message).toBe(
      'Use "a" & \'b\' <not> c\uFFFD\r\nnext\tline',
    );
    expect(child(testCase, 'failure')?.text).toContain(
      'Use "a" & \'b\' <not> c\uFFFD\r\nnext\tline',
    );
  });

  it('passes a change gated below the failure level', () => {
    const removal: Finding = {
      kind: 'change',
      id: 'endpoint-removed-before-sunset',
      level: 'error',
      message: 'operation removed before its sunset date 2027-06-30',
      location: null,
      baseLocation: {
        file: 'specs/dogs.yaml',
        pointer: '/paths/~1v1~1dogs/get',
        line: 7,
        column: 5,
      },
      fingerprint: '00112233445566aa',
      gate: { level: 'info', reason: 'the lifecycle policy judges removals' },
    };

    const output = renderJunit({ command: 'check', findings: [removal], failLevel: 'error' });
    const testCase = parseXml(output).children[0]!.children[0]!;

    expect(parseXml(output).attributes.failures).toBe('0');
    expect(testCase.children.map((element) => element.name)).toEqual(['system-out']);
    expect(child(testCase, 'system-out')?.text.split('\n').slice(0, 2)).toEqual([
      'Not a failure: level info is below the failure level error.',
      'info endpoint-removed-before-sunset: operation removed before its sunset date 2027-06-30 (the engine calls this error; it counts at level info because the lifecycle policy judges removals)',
    ]);
  });

  it('renders an empty report', () => {
    const output = renderJunit({ command: 'diff', findings: [], failLevel: 'error' });

    expect(output).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="specgate diff" tests="0" failures="0" errors="0" skipped="0">',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });
});
