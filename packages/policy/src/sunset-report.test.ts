import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';

import { specFromText } from '../../../test/support/in-memory-spec.js';
import { fold, renderSunsetIcs } from './icalendar.js';
import { resolvePolicy } from './policy-config.js';
import { buildSunsetReport, renderSunsetMarkdown } from './sunset-report.js';

const SPEC = `openapi: 3.0.3
info: { title: Orders, version: 1.0.0 }
paths:
  /v1/orders:
    get:
      operationId: listOrdersV1
      deprecated: true
      x-deprecated-at: '2026-06-30'
      x-sunset: '2027-06-30'
      x-replaced-by: listOrders
      x-migration-guide: https://example.com/guides/orders-v2-migration-with-a-long-address-to-fold
      parameters:
        - { name: page, in: query, deprecated: true, x-sunset: '2026-12-01', schema: { type: integer } }
      responses: { '200': { description: ok } }
  /v2/orders:
    get: { operationId: listOrders, responses: { '200': { description: ok } } }
components:
  schemas:
    Order:
      type: object
      properties:
        legacyId: { type: string, deprecated: true }
`;

/** Schemas with a `$ref` property that has keywords beside it, after an `openapi:` line. */
const REF_SIBLINGS = `info: { title: Orders, version: 1.0.0 }
paths: {}
components:
  schemas:
    Money: { type: object, properties: { amount: { type: number } } }
    Order:
      type: object
      properties:
        total: { $ref: '#/components/schemas/Money' }
        legacyTotal: { $ref: '#/components/schemas/Money', deprecated: true, x-sunset: '2027-03-01' }
`;

async function report() {
  const document = await specFromText({ 'openapi.yaml': SPEC }, 'orders');
  return buildSunsetReport(
    [{ name: 'orders', owner: 'orders-team', document }],
    resolvePolicy(),
    '2026-12-04',
  );
}

describe('buildSunsetReport', () => {
  test('lists deprecated elements, soonest sunset first', async () => {
    const result = await report();
    expect(
      result.entries.map((entry) => [entry.kind, entry.element, entry.sunset, entry.daysLeft]),
    ).toEqual([
      ['parameter', 'query parameter "page" of GET /v1/orders', '2026-12-01', -3],
      ['operation', 'GET /v1/orders', '2027-06-30', 208],
      ['property', 'property "legacyId" of schema Order', null, null],
    ]);
    expect(result.entries[1]).toMatchObject({
      api: 'orders',
      owner: 'orders-team',
      operationId: 'listOrdersV1',
      stability: 'stable',
      deprecatedAt: '2026-06-30',
      replacedBy: 'listOrders',
      location: { file: 'orders/openapi.yaml', pointer: '/paths/~1v1~1orders/get', line: 5 },
    });
  });

  test('renders Markdown', async () => {
    const text = renderSunsetMarkdown(await report());
    expect(text).toContain(
      '| orders | query parameter "page" of GET /v1/orders | stable | - | 2026-12-01 | -3 (passed) | - |',
    );
    expect(text).toContain(
      '| orders | GET /v1/orders | stable | 2026-06-30 | 2027-06-30 | 208 | listOrders, https://example.com/guides/orders-v2-migration-with-a-long-address-to-fold |',
    );
  });
  test('reports a 3.1 $ref property with a sibling deprecated', async () => {
    const document = await specFromText(
      { 'openapi.yaml': `openapi: 3.1.0\n${REF_SIBLINGS}` },
      'orders',
    );
    const result = buildSunsetReport(
      [{ name: 'orders', owner: 'orders-team', document }],
      resolvePolicy(),
      '2026-12-04',
    );
    expect(result.entries.map((entry) => [entry.element, entry.sunset, entry.daysLeft])).toEqual([
      ['property "legacyTotal" of schema Order', '2027-03-01', 87],
    ]);
    expect(result.entries[0]?.location).toMatchObject({
      file: 'orders/openapi.yaml',
      pointer: '/components/schemas/Order/properties/legacyTotal',
      line: 11,
    });
  });

  test('ignores keywords beside a $ref in OpenAPI 3.0', async () => {
    const document = await specFromText(
      { 'openapi.yaml': `openapi: 3.0.3\n${REF_SIBLINGS}` },
      'orders',
    );
    const result = buildSunsetReport(
      [{ name: 'orders', owner: 'orders-team', document }],
      resolvePolicy(),
      '2026-12-04',
    );
    expect(result.entries).toEqual([]);
  });
});

describe('renderSunsetIcs', () => {
  test('writes RFC 5545 lines: CRLF, folded at 75 octets', async () => {
    const text = renderSunsetIcs(await report());
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines.filter((line) => line.includes('\n'))).toEqual([]);
    expect(Math.max(...lines.map((line) => Buffer.byteLength(line, 'utf8')))).toBeLessThanOrEqual(
      75,
    );
    expect(lines).toContain('DTSTART;VALUE=DATE:20270630');
    expect(lines).toContain('DTEND;VALUE=DATE:20270701');
    expect(lines).toContain('DTSTAMP:20261204T000000Z');
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(2);
  });

  test('parses with ical.js into all-day events', async () => {
    const calendar = new ICAL.Component(ICAL.parse(renderSunsetIcs(await report())));
    const events = calendar
      .getAllSubcomponents('vevent')
      .map((component) => new ICAL.Event(component));
    expect(
      events.map((event) => [event.summary, event.startDate.toString(), event.startDate.isDate]),
    ).toEqual([
      ['Sunset: query parameter "page" of GET /v1/orders (orders)', '2026-12-01', true],
      ['Sunset: GET /v1/orders (orders)', '2027-06-30', true],
    ]);
    expect(events[1]?.description).toBe(
      'GET /v1/orders of the orders API reaches its sunset and may be removed.\nDeprecated on 2026-06-30.\nReplaced by listOrders.\nMigration guide: https://example.com/guides/orders-v2-migration-with-a-long-address-to-fold\nSource: orders/openapi.yaml:5',
    );
    expect(new Set(events.map((event) => event.uid)).size).toBe(2);
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//specgate//sunset report//EN');
  });

  test('fold never splits a UTF-8 character', () => {
    const folded = fold(`SUMMARY:${'é'.repeat(60)}`);
    const parts = folded.split('\r\n');
    expect(parts.map((part) => Buffer.byteLength(part, 'utf8'))).toEqual([74, 55]);
    expect(parts.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(
      `SUMMARY:${'é'.repeat(60)}`,
    );
  });
});
