import type { PolicySettings } from '@specgate/core';
import { diffSpecs } from '@specgate/diff';
import { describe, expect, test } from 'vitest';

import { specFromText } from '../../../test/support/in-memory-spec.js';
import type { PolicyCheckId } from './checks.js';
import { resolvePolicy } from './policy-config.js';
import { checkPolicy } from './run-policy.js';
import type { TrafficReport } from './traffic-report.js';

const TODAY = '2026-12-04';

/** Lifecycle fields of a deprecated operation that passes every check on TODAY. */
const GOOD = `deprecated: true
x-deprecated-at: '2026-06-01'
x-sunset: '2027-06-01'
x-replaced-by: getOrder`;

/** One operation entry: path, method and the YAML lines of its lifecycle fields. */
interface Op {
  path?: string;
  method?: string;
  id?: string;
  fields?: string;
  extra?: string;
}

/** A spec with `GET /v1/orders/{id}` (getOrder) plus the given operations. */
function spec(ops: Op[], options: { version?: string; servers?: string } = {}): string {
  const byPath = new Map<string, string[]>();
  for (const op of [{ path: '/v1/orders/{id}', id: 'getOrder' }, ...ops]) {
    const path = op.path ?? '/v1/orders';
    const lines = [
      `    ${op.method ?? 'get'}:`,
      `      operationId: ${op.id ?? 'listOrders'}`,
      ...(op.fields ?? '')
        .split('\n')
        .filter(Boolean)
        .map((line) => `      ${line}`),
      ...(op.extra ?? '')
        .split('\n')
        .filter(Boolean)
        .map((line) => `      ${line}`),
      `      responses: { '200': { description: ok } }`,
    ];
    byPath.set(path, [...(byPath.get(path) ?? []), ...lines]);
  }
  const paths = [...byPath].map(([path, lines]) => `  ${path}:\n${lines.join('\n')}`);
  return [
    'openapi: 3.0.3',
    `info: { title: Orders, version: ${options.version ?? '1.0.0'} }`,
    ...(options.servers ? [`servers: [{ url: '${options.servers}' }]`] : []),
    'paths:',
    ...paths,
    '',
  ].join('\n');
}

interface Run {
  revision: string;
  base?: string;
  settings?: PolicySettings;
  today?: string;
  traffic?: TrafficReport;
  diff?: boolean;
}

async function run(input: Run) {
  const revision = await specFromText({ 'openapi.yaml': input.revision }, 'revision');
  const base = input.base ? await specFromText({ 'openapi.yaml': input.base }, 'base') : null;
  const changes = base && input.diff ? diffSpecs(base, revision, { today: TODAY }).changes : [];
  return checkPolicy({
    revision,
    base,
    changes,
    policy: resolvePolicy(input.settings),
    today: input.today ?? TODAY,
    traffic: input.traffic ?? null,
  }).findings;
}

/** The 1-based line where `marker` (one or more whole lines) starts in `text`. */
function lineOf(text: string, marker: string): number {
  const index = text.indexOf(marker);
  if (index < 0) throw new Error(`"${marker}" not in the spec`);
  return text.slice(0, index).split('\n').length;
}

function traffic(path: string, lastSeen: string, requests = 5): TrafficReport {
  return {
    schemaVersion: 1,
    operations: [
      {
        method: 'GET',
        path,
        operationId: null,
        deprecated: true,
        sunset: null,
        daysToSunset: null,
        requests,
        clients: [{ id: 'acme-sdk/1.2', requests, firstSeen: '2026-09-01', lastSeen }],
      },
    ],
    unmatched: { requests: 0, examples: [] },
    unidentified: { requests: 0 },
    malformed: { lines: 0, examples: [] },
  };
}

interface Case {
  id: PolicyCheckId;
  fail: Run;
  pass: Run;
  level: 'error' | 'warning' | 'info';
  /** `METHOD /path` of the finding, or null for a finding outside operations. */
  operation: string | null;
  pointer: string;
  /** Text on the finding's line, in the side the finding points into. */
  lineText: string;
  /** Every check id the failing case reports, when more than the one under test. */
  ids?: PolicyCheckId[];
  side?: 'base' | 'revision';
}

const ORDERS = '/paths/~1v1~1orders/get';

const SPEC_CASES: Case[] = [
  {
    id: 'sunset-invalid',
    fail: { revision: spec([{ fields: GOOD.replace("'2027-06-01'", 'soon') }]) },
    pass: { revision: spec([{ fields: GOOD }]) },
    level: 'error',
    operation: 'GET /v1/orders',
    pointer: `${ORDERS}/x-sunset`,
    lineText: 'x-sunset: soon',
  },
  {
    id: 'deprecated-at-invalid',
    fail: { revision: spec([{ fields: GOOD.replace('2026-06-01', '2026-02-30') }]) },
    pass: { revision: spec([{ fields: GOOD }]) },
    level: 'error',
    operation: 'GET /v1/orders',
    pointer: `${ORDERS}/x-deprecated-at`,
    lineText: "x-deprecated-at: '2026-02-30'",
  },
  {
    id: 'stability-invalid',
    fail: { revision: spec([{ fields: 'x-stability-level: gold' }]) },
    pass: { revision: spec([{ fields: 'x-stability-level: beta' }]) },
    level: 'error',
    operation: 'GET /v1/orders',
    pointer: `${ORDERS}/x-stability-level`,
    lineText: 'x-stability-level: gold',
  },
  {
    id: 'sunset-missing',
    fail: { revision: spec([{ fields: GOOD.replace("x-sunset: '2027-06-01'\n", '') }]) },
    pass: {
      revision: spec([
        { fields: `${GOOD.replace("x-sunset: '2027-06-01'\n", '')}\nx-stability-level: alpha` },
      ]),
    },
    level: 'error',
    operation: 'GET /v1/orders',
    pointer: ORDERS,
    lineText: '    get:\n      operationId: listOrders',
  },
  {
    id: 'deprecated-at-missing',
    fail: { revision: spec([{ fields: GOOD.replace("x-deprecated-at: '2026-06-01'\n", '') }]) },
    pass: {
      revision: spec([{ fields: GOOD.replace("x-deprecated-at: '2026-06-01'\n", '') }]),
      settings: { deprecation: { requireDeprecatedAt: { stable: false } } },
    },
    level: 'error',
    operation: 'GET /v1/orders',
    pointer: ORDERS,
    lineText: '    get:\n      operationId: listOrders',
  },
  {
    id: 'sunset-without-deprecated',
    fail: { revision: spec([{ fields: "x-sunset: '2027-06-01'" }]) },
    pass: { revision: spec([{ fields: GOOD }]) },
    level: 'warning',
    operation: 'GET /v1/orders',
    pointer: `${ORDERS}/x-sunset`,
    lineText: "x-sunset: '2027-06-01'",
  },
  {
    id: 'sunset-before-deprecated-at',
    fail: { revision: spec([{ fields: GOOD.replace('2026-06-01', '2027-07-01') }]) },
    pass: { revision: spec([{ fields: GOOD }]) },
    level: 'error',
    operation: 'GET /v1/orders',
    pointer: `${ORDERS}/x-sunset`,
    lineText: "x-sunset: '2027-06-01'",
  },
  {
    id: 'notice-too-short',
    fail: { revision: spec([{ fields: GOOD.replace('2026-06-01', '2026-12-10') }]) },
    pass: {
      revision: spec([
        { fields: `${GOOD.replace('2026-06-01', '2027-03-03')}\nx-stability-level: beta` },
      ]),
    },
    level: 'error',
    operation: 'GET /v1/orders',
    pointer: `${ORDERS}/x-sunset`,
    lineText: "x-sunset: '2027-06-01'",
  },
  {
    id: 'notice-too-long',
    fail: {
      revision: spec([{ fields: GOOD }]),
      settings: { deprecation: { maxNoticeDays: 300 } },
    },
    pass: {
      revision: spec([{ fields: GOOD }]),
      settings: { deprecation: { maxNoticeDays: 365 } },
    },
    level: 'warning',
    operation: 'GET /v1/orders',
    pointer: `${ORDERS}/x-sunset`,
    lineText: "x-sunset: '2027-06-01'",
  },
  {
    id: 'replacement-missing',
    fail: { revision: spec([{ fields: GOOD.replace('\nx-replaced-by: getOrder', '') }]) },
    pass: {
      revision: spec([
        {
          fields: `${GOOD.replace('\nx-replaced-by: getOrder', '')}\ndescription: Use getOrder instead.`,
        },
      ]),
    },
    level: 'warning',
    operation: 'GET /v1/orders',
    pointer: ORDERS,
    lineText: '    get:\n      operationId: listOrders',
  },
  {
    id: 'replacement-unresolved',
    fail: { revision: spec([{ fields: GOOD.replace('getOrder', 'listOrdersV9') }]) },
    pass: { revision: spec([{ fields: GOOD.replace('getOrder', "'get /v1/orders/{id}'") }]) },
    level: 'error',
    operation: 'GET /v1/orders',
    pointer: `${ORDERS}/x-replaced-by`,
    lineText: 'x-replaced-by: listOrdersV9',
  },
  {
    id: 'sunset-passed-still-present',
    fail: { revision: spec([{ fields: GOOD }]), today: '2027-06-01' },
    pass: { revision: spec([{ fields: GOOD }]), today: '2027-05-31' },
    level: 'info',
    operation: 'GET /v1/orders',
    pointer: `${ORDERS}/x-sunset`,
    lineText: "x-sunset: '2027-06-01'",
  },
  {
    id: 'deprecation-headers-undeclared',
    fail: {
      revision: spec([{ fields: GOOD }]),
      settings: { levels: { 'deprecation-headers-undeclared': 'warning' } },
    },
    pass: {
      revision: spec([{ fields: GOOD }]).replaceAll(
        "      responses: { '200': { description: ok } }\n",
        "      responses: { '200': { description: ok, headers: { Sunset: { schema: { type: string } } } } }\n",
      ),
      settings: { levels: { 'deprecation-headers-undeclared': 'warning' } },
    },
    level: 'warning',
    operation: 'GET /v1/orders',
    pointer: ORDERS,
    lineText: '    get:\n      operationId: listOrders',
  },
  {
    id: 'version-path-invalid',
    fail: { revision: spec([{ path: '/orders' }]) },
    pass: { revision: spec([{ path: '/orders' }], { servers: 'https://api.example.com/v1/' }) },
    level: 'error',
    operation: 'GET /orders',
    pointer: '/paths/~1orders/get',
    lineText: '    get:\n      operationId: listOrders',
  },
  {
    id: 'version-in-path-forbidden',
    fail: { revision: spec([]), settings: { presets: ['zalando'] } },
    pass: { revision: spec([]).replaceAll('/v1/', '/'), settings: { presets: ['zalando'] } },
    level: 'error',
    operation: 'GET /v1/orders/{id}',
    pointer: '/paths/~1v1~1orders~1{id}/get',
    lineText: '    get:\n      operationId: getOrder',
  },
  {
    id: 'successor-exists-not-deprecated',
    fail: { revision: spec([{}, { path: '/v2/orders', id: 'listOrdersV2' }]) },
    pass: {
      revision: spec([{ fields: GOOD }, { path: '/v2/orders', id: 'listOrdersV2' }]),
    },
    level: 'warning',
    operation: 'GET /v1/orders',
    pointer: ORDERS,
    lineText: '    get:\n      operationId: listOrders',
  },
  {
    id: 'superseded-support-too-short',
    fail: {
      revision: spec([
        { fields: GOOD },
        { path: '/v2/orders', id: 'listOrdersV2', fields: "x-since-date: '2026-09-01'" },
      ]),
      settings: { versioning: { supersededSupportDays: 365 } },
    },
    pass: {
      revision: spec([
        { fields: GOOD },
        { path: '/v2/orders', id: 'listOrdersV2', fields: "x-since-date: '2026-06-01'" },
      ]),
      settings: { versioning: { supersededSupportDays: 365 } },
    },
    level: 'error',
    operation: 'GET /v1/orders',
    pointer: `${ORDERS}/x-sunset`,
    lineText: "x-sunset: '2027-06-01'",
  },
  {
    id: 'preview-too-old',
    fail: {
      revision: spec([{ fields: "x-stability-level: beta\nx-since-date: '2025-12-03'" }]),
      settings: { versioning: { previewMaxAgeDays: 365 } },
    },
    pass: {
      revision: spec([{ fields: "x-stability-level: beta\nx-since-date: '2025-12-04'" }]),
      settings: { versioning: { previewMaxAgeDays: 365 } },
    },
    level: 'warning',
    operation: 'GET /v1/orders',
    pointer: ORDERS,
    lineText: '    get:\n      operationId: listOrders',
  },
];

const WITHOUT_SUNSET = GOOD.replace("\nx-sunset: '2027-06-01'", '');

const REVISION_CASES: Case[] = [
  {
    id: 'removed-without-deprecation',
    fail: { base: spec([{}]), revision: spec([]) },
    pass: { base: spec([{ fields: 'x-stability-level: alpha' }]), revision: spec([]) },
    level: 'error',
    operation: 'GET /v1/orders',
    pointer: ORDERS,
    lineText: '    get:\n      operationId: listOrders',
    side: 'base',
  },
  {
    id: 'removed-before-sunset',
    fail: { base: spec([{ fields: GOOD }]), revision: spec([]), today: '2027-05-31' },
    pass: { base: spec([{ fields: GOOD }]), revision: spec([]), today: '2027-06-01' },
    level: 'error',
    operation: 'GET /v1/orders',
    pointer: ORDERS,
    lineText: '    get:\n      operationId: listOrders',
    side: 'base',
  },
  {
    id: 'removed-with-traffic',
    fail: {
      base: spec([{ fields: GOOD }]),
      revision: spec([]),
      today: '2027-06-10',
      traffic: traffic('/v1/orders', '2027-05-12'),
    },
    pass: {
      base: spec([{ fields: GOOD }]),
      revision: spec([]),
      today: '2027-06-10',
      traffic: traffic('/v1/orders', '2027-05-10'),
    },
    level: 'error',
    operation: 'GET /v1/orders',
    pointer: ORDERS,
    lineText: '    get:\n      operationId: listOrders',
    side: 'base',
  },
  {
    id: 'newly-added-deprecated',
    fail: { base: spec([]), revision: spec([{ fields: GOOD }]) },
    pass: { base: spec([{ fields: GOOD }]), revision: spec([{ fields: GOOD }]) },
    level: 'error',
    operation: 'GET /v1/orders',
    pointer: ORDERS,
    lineText: '    get:\n      operationId: listOrders',
  },
  {
    id: 'sunset-moved-earlier',
    fail: {
      base: spec([{ fields: GOOD.replace('2027-06-01', '2027-12-01') }]),
      revision: spec([{ fields: GOOD }]),
    },
    pass: {
      base: spec([{ fields: GOOD.replace('2027-06-01', '2027-12-01') }]),
      revision: spec([{ fields: GOOD.replace('2027-06-01', '2027-06-02') }]),
    },
    level: 'error',
    operation: 'GET /v1/orders',
    pointer: `${ORDERS}/x-sunset`,
    lineText: "x-sunset: '2027-06-01'",
  },
  {
    id: 'sunset-removed',
    fail: {
      base: spec([{ fields: GOOD }]),
      revision: spec([{ fields: WITHOUT_SUNSET }]),
      settings: { deprecation: { requireSunset: { stable: false } } },
    },
    pass: {
      base: spec([{ fields: WITHOUT_SUNSET }]),
      revision: spec([{ fields: WITHOUT_SUNSET }]),
      settings: { deprecation: { requireSunset: { stable: false } } },
    },
    level: 'error',
    operation: 'GET /v1/orders',
    pointer: ORDERS,
    lineText: '    get:\n      operationId: listOrders',
  },
  {
    id: 'deprecated-at-changed',
    fail: {
      base: spec([{ fields: GOOD }]),
      revision: spec([{ fields: GOOD.replace('2026-06-01', '2026-06-02') }]),
    },
    pass: { base: spec([{ fields: GOOD }]), revision: spec([{ fields: GOOD }]) },
    level: 'error',
    operation: 'GET /v1/orders',
    pointer: `${ORDERS}/x-deprecated-at`,
    lineText: "x-deprecated-at: '2026-06-02'",
  },
  {
    id: 'deprecated-at-backdated',
    fail: {
      base: spec([{}]),
      revision: spec([{ fields: GOOD.replace('2027-06-01', '2027-12-01') }]),
    },
    pass: {
      base: spec([{}]),
      revision: spec([
        { fields: GOOD.replace('2027-06-01', '2027-12-01').replace('2026-06-01', '2026-12-01') },
      ]),
    },
    level: 'error',
    operation: 'GET /v1/orders',
    pointer: `${ORDERS}/x-deprecated-at`,
    lineText: "x-deprecated-at: '2026-06-01'",
  },
  {
    id: 'notice-from-today-too-short',
    fail: {
      base: spec([{}]),
      revision: spec([
        { fields: GOOD.replace('2026-06-01', '2026-12-01').replace('2027-06-01', '2027-05-31') },
      ]),
    },
    pass: {
      base: spec([{}]),
      revision: spec([
        { fields: GOOD.replace('2026-06-01', '2026-12-01').replace('2027-06-01', '2027-06-02') },
      ]),
    },
    level: 'error',
    operation: 'GET /v1/orders',
    pointer: `${ORDERS}/x-sunset`,
    lineText: "x-sunset: '2027-05-31'",
  },
  {
    id: 'undeprecated',
    fail: { base: spec([{ fields: GOOD }]), revision: spec([{}]) },
    pass: { base: spec([{}]), revision: spec([{}]) },
    level: 'info',
    operation: 'GET /v1/orders',
    pointer: ORDERS,
    lineText: '    get:\n      operationId: listOrders',
  },
  {
    id: 'stability-decreased',
    fail: {
      base: spec([{ fields: 'x-stability-level: stable' }]),
      revision: spec([{ fields: 'x-stability-level: beta' }]),
    },
    pass: {
      base: spec([{ fields: 'x-stability-level: alpha' }]),
      revision: spec([{ fields: 'x-stability-level: draft' }]),
    },
    level: 'error',
    operation: 'GET /v1/orders',
    pointer: `${ORDERS}/x-stability-level`,
    lineText: 'x-stability-level: beta',
  },
  {
    id: 'stability-increased',
    fail: {
      base: spec([{ fields: 'x-stability-level: beta' }]),
      revision: spec([{ fields: 'x-stability-level: stable' }]),
    },
    pass: {
      base: spec([{ fields: 'x-stability-level: beta' }]),
      revision: spec([{ fields: 'x-stability-level: beta' }]),
    },
    level: 'info',
    operation: 'GET /v1/orders',
    pointer: `${ORDERS}/x-stability-level`,
    lineText: 'x-stability-level: stable',
  },
  {
    id: 'breaking-without-major-bump',
    fail: {
      base: spec([{}]),
      revision: spec(
        [
          {
            extra: 'parameters: [{ name: q, in: query, required: true, schema: { type: string } }]',
          },
        ],
        { version: '1.1.0' },
      ),
      diff: true,
    },
    pass: {
      base: spec([{}]),
      revision: spec(
        [
          {
            extra: 'parameters: [{ name: q, in: query, required: true, schema: { type: string } }]',
          },
        ],
        { version: '2.0.0' },
      ),
      diff: true,
    },
    level: 'warning',
    operation: null,
    pointer: '/info/version',
    lineText: 'info: {',
  },
  {
    id: 'sunset-approaching-in-use',
    fail: {
      revision: spec([{ fields: GOOD }]),
      today: '2027-04-02',
      traffic: traffic('/v1/orders', '2027-04-01'),
    },
    pass: {
      revision: spec([{ fields: GOOD }]),
      today: '2027-04-01',
      traffic: traffic('/v1/orders', '2027-04-01'),
    },
    level: 'warning',
    operation: 'GET /v1/orders',
    pointer: `${ORDERS}/x-sunset`,
    lineText: "x-sunset: '2027-06-01'",
  },
  {
    id: 'sunset-passed-in-use',
    fail: {
      revision: spec([{ fields: GOOD }]),
      today: '2027-06-01',
      traffic: traffic('/v1/orders', '2027-05-31'),
    },
    pass: {
      revision: spec([{ fields: GOOD }]),
      today: '2027-06-01',
      traffic: traffic('/v2/orders', '2027-05-31'),
    },
    level: 'error',
    operation: 'GET /v1/orders',
    pointer: `${ORDERS}/x-sunset`,
    lineText: "x-sunset: '2027-06-01'",
    ids: ['sunset-passed-still-present', 'sunset-passed-in-use'],
  },
];

function passIds(ids: string[], input: Run): string[] {
  // The passing inputs of traffic-after-sunset cases still carry the reminder.
  return input.today !== undefined && input.today >= '2027-06-01'
    ? ids.filter((id) => id !== 'sunset-passed-still-present')
    : ids;
}

describe.each([...SPEC_CASES, ...REVISION_CASES])('$id', (item) => {
  test('reports the failing case', async () => {
    const findings = await run(item.fail);
    expect(findings.map((finding) => finding.id)).toEqual(item.ids ?? [item.id]);
    const finding = findings.find((candidate) => candidate.id === item.id);
    expect(finding?.level).toBe(item.level);
    const operation = finding?.operation;
    expect(operation ? `${operation.method} ${operation.path}` : null).toBe(item.operation);
    expect(finding?.location?.pointer).toBe(item.pointer);
    const side = item.side ?? 'revision';
    expect(finding?.location?.file).toBe(`${side}/openapi.yaml`);
    const text = (side === 'base' ? item.fail.base : item.fail.revision) ?? '';
    expect(finding?.location?.line).toBe(lineOf(text, item.lineText));
  });

  test('passes the compliant case', async () => {
    const findings = await run(item.pass);
    const ids = findings.map((finding) => finding.id);
    expect(passIds(ids, item.pass)).toEqual([]);
  });
});

describe('parameters and properties', () => {
  const withParameter = (fields: string) =>
    spec([
      {
        extra: `parameters:\n  - name: page\n    in: query\n    schema: { type: integer }\n${fields
          .split('\n')
          .filter(Boolean)
          .map((line) => `    ${line}`)
          .join('\n')}`,
      },
    ]);

  test('parameter removed without deprecation', async () => {
    const findings = await run({ base: withParameter(''), revision: spec([{}]) });
    expect(
      findings.map((finding) => [finding.id, finding.level, finding.location?.pointer]),
    ).toEqual([['removed-without-deprecation', 'error', `${ORDERS}/parameters/0`]]);
    expect(findings[0]?.message).toBe(
      'query parameter "page" of GET /v1/orders was removed without being deprecated first. Restore it, mark it deprecated with a sunset date, and remove it on or after that date.',
    );
  });

  test('deprecated parameter removed on its sunset day', async () => {
    const base = withParameter(GOOD.replace('\nx-replaced-by: getOrder', ''));
    expect(await run({ base, revision: spec([{}]), today: '2027-06-01' })).toEqual([]);
  });

  test('deprecated property without a sunset', async () => {
    const revision = `${spec([])}components:
  schemas:
    Order:
      type: object
      properties:
        legacyId: { type: string, deprecated: true, x-deprecated-at: '2026-06-01' }
`;
    const findings = await run({ revision });
    expect(
      findings.map((finding) => [finding.id, finding.location?.pointer, finding.operation]),
    ).toEqual([['sunset-missing', '/components/schemas/Order/properties/legacyId', null]]);
    expect(findings[0]?.message).toBe(
      'property "legacyId" of schema Order is deprecated (stable) but has no sunset date. Add x-sunset: YYYY-MM-DD.',
    );
  });

  test('configured extension names', async () => {
    const fields = GOOD.replace('x-sunset', 'x-retire-on');
    const findings = await run({
      revision: spec([{ fields }]),
      settings: { extensions: { sunset: ['x-retire-on'] } },
      today: '2027-06-01',
    });
    expect(findings.map((finding) => [finding.id, finding.location?.pointer])).toEqual([
      ['sunset-passed-still-present', `${ORDERS}/x-retire-on`],
    ]);
  });
});

describe('sunset date forms', () => {
  test.each([["'2027-06-01'"], ["'2027-06-01T00:00:00Z'"], ["'Tue, 01 Jun 2027 00:00:00 GMT'"]])(
    'reads x-sunset %s as 2027-06-01',
    async (value) => {
      const revision = spec([{ fields: GOOD.replace("'2027-06-01'", value) }]);
      const before = await run({ revision, today: '2027-05-31' });
      expect(before.map((finding) => finding.id)).toEqual([]);
      const after = await run({ revision, today: '2027-06-02' });
      expect(after.map((finding) => finding.id)).toEqual(['sunset-passed-still-present']);
    },
  );

  test('rejects an HTTP-date whose weekday does not match', async () => {
    const revision = spec([
      { fields: GOOD.replace("'2027-06-01'", "'Mon, 01 Jun 2027 00:00:00 GMT'") },
    ]);
    const findings = await run({ revision });
    expect(findings.map((finding) => finding.id)).toEqual(['sunset-invalid']);
  });
});
