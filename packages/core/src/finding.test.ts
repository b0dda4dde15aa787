import { describe, expect, it } from 'vitest';

import {
  atOrAbove,
  compareFindings,
  fingerprint,
  severityToLevel,
  stableStringify,
  summarize,
  type Finding,
  type Level,
} from './finding.js';

describe('stableStringify', () => {
  it('sorts object keys at every depth', () => {
    expect(stableStringify({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('writes scalars as JSON and undefined as a word', () => {
    expect(stableStringify('a"b')).toBe('"a\\"b"');
    expect(stableStringify(1.5)).toBe('1.5');
    expect(stableStringify(true)).toBe('true');
    expect(stableStringify(null)).toBe('null');
    expect(stableStringify(undefined)).toBe('undefined');
    expect(stableStringify([])).toBe('[]');
    expect(stableStringify({})).toBe('{}');
  });

  it('keeps array order', () => {
    expect(stableStringify([2, 1])).toBe('[2,1]');
    expect(stableStringify([2, 1])).not.toBe(stableStringify([1, 2]));
  });
});

describe('fingerprint', () => {
  it('is 16 lower-case hex digits', () => {
    expect(fingerprint('operation-description', '/paths/~1pets/get', { a: 1 })).toMatch(
      /^[0-9a-f]{16}$/,
    );
  });

  it('is stable across key order of the value', () => {
    const first = fingerprint('rule', '/components/schemas/Pet', {
      type: 'object',
      properties: { id: { type: 'integer', format: 'int64' }, name: { type: 'string' } },
    });
    const second = fingerprint('rule', '/components/schemas/Pet', {
      properties: { name: { type: 'string' }, id: { format: 'int64', type: 'integer' } },
      type: 'object',
    });
    expect(second).toBe(first);
  });

  it('matches the SHA-256 of id, pointer and value joined by NUL', () => {
    // sha256("rule\0/a\0{\"x\":1}") computed with `printf 'rule\0/a\0{"x":1}' | sha256sum`.
    expect(fingerprint('rule', '/a', { x: 1 })).toBe('ddbc75bb4cc7d3f9');
  });

  it('changes with the id, the pointer or the value', () => {
    const base = fingerprint('rule', '/a', { x: 1 });
    expect(fingerprint('other-rule', '/a', { x: 1 })).not.toBe(base);
    expect(fingerprint('rule', '/b', { x: 1 })).not.toBe(base);
    expect(fingerprint('rule', '/a', { x: 2 })).not.toBe(base);
    expect(fingerprint('rule', '/a/0', { x: 1 })).not.toBe(fingerprint('rule', '/a/1', { x: 1 }));
  });
});

describe('levels', () => {
  it('maps lint severities to levels', () => {
    expect(severityToLevel('error')).toBe('error');
    expect(severityToLevel('warn')).toBe('warning');
  });

  it('compares levels with a threshold', () => {
    const table: [Level, Level, boolean][] = [
      ['error', 'error', true],
      ['error', 'info', true],
      ['warning', 'error', false],
      ['warning', 'warning', true],
      ['info', 'warning', false],
      ['info', 'info', true],
    ];
    for (const [level, threshold, expected] of table) {
      expect(atOrAbove(level, threshold), `${level} at or above ${threshold}`).toBe(expected);
    }
  });
});

function finding(id: string, level: Level, file: string | null, line = 1): Finding {
  return {
    kind: 'change',
    id,
    level,
    message: id,
    location: file === null ? null : { file, pointer: '', line, column: 1 },
    fingerprint: '0000000000000000',
  };
}

describe('compareFindings', () => {
  it('orders by level, then file, line and id', () => {
    const findings = [
      finding('b', 'info', 'a.yaml', 1),
      finding('z', 'warning', 'b.yaml', 2),
      finding('a', 'warning', 'b.yaml', 2),
      finding('c', 'warning', 'b.yaml', 1),
      finding('d', 'warning', 'a.yaml', 9),
      finding('e', 'error', null),
    ];
    expect([...findings].sort(compareFindings).map((item) => item.id)).toEqual([
      'e',
      'd',
      'c',
      'a',
      'z',
      'b',
    ]);
  });

  it('orders findings on one line by column', () => {
    const at = (id: string, column: number): Finding => {
      const base = finding(id, 'warning', 'min.json', 1);
      return { ...base, location: { file: 'min.json', pointer: '', line: 1, column } };
    };
    const findings = [at('a', 11101), at('b', 501), at('c', 5266)];
    expect([...findings].sort(compareFindings).map((item) => item.id)).toEqual(['b', 'c', 'a']);
  });

  it('orders a gated finding by the level it counts at', () => {
    const removal = {
      ...finding('endpoint-removed', 'error', 'a.yaml', 1),
      gate: { level: 'info' as const, reason: 'the lifecycle policy judges removals' },
    };
    const findings = [removal, finding('w', 'warning', 'b.yaml', 5)];
    expect([...findings].sort(compareFindings).map((item) => item.id)).toEqual([
      'w',
      'endpoint-removed',
    ]);
  });
});

describe('summarize', () => {
  it('counts per level and counts waived findings apart', () => {
    const waived = {
      ...finding('w', 'error', 'a.yaml'),
      waived: { reason: 'r', owner: 'o', expires: '2026-01-01' },
    };
    expect(
      summarize([
        finding('a', 'error', 'a.yaml'),
        finding('b', 'warning', 'a.yaml'),
        finding('c', 'warning', null),
        finding('d', 'info', 'a.yaml'),
        waived,
      ]),
    ).toEqual({ error: 1, warning: 2, info: 1, waived: 1 });
  });
});
