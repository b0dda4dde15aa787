import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

import { diffSpecs } from '@specgate/diff';

import { specFromText } from '../support/in-memory-spec.js';
import { narrowingEdits, wideningEdits, type Edit } from './schema-edits.js';
import {
  bodyModel,
  instanceOf,
  listPaths,
  modelAt,
  placeValue,
  replaceAt,
  toSchema,
  type ModelPath,
  type SchemaModel,
} from './schema-model.js';

/** Runs per property: enough to reach every edit kind at several depths in a few seconds. */
const RUNS = 200;
/** Compiling two schemas per run dominates the ajv checks, so they sample fewer bodies. */
const AJV_RUNS = 100;
const SEED = 20261204;
const VERSIONS = ['3.0', '3.1'] as const;
type Version = (typeof VERSIONS)[number];

// Unoptimised code generation compiled about twice as fast in a local run of 200 schemas,
// and each schema here validates only a few instances.
const ajv = new Ajv({ strict: false, code: { optimize: false } });

/** A body model, one of its nodes, and one edit of that node. */
interface EditedBody {
  before: SchemaModel;
  after: SchemaModel;
  path: ModelPath;
  edit: Edit;
}

/** Picks a node of a generated body, then one of the edits `listEdits` offers for it. */
function editedBody(listEdits: (node: SchemaModel, step: number) => Edit[]) {
  return fc
    .record({
      before: bodyModel,
      pickNode: fc.nat(),
      pickEdit: fc.nat(),
      step: fc.integer({ min: 1, max: 5 }),
    })
    .map(({ before, pickNode, pickEdit, step }) => {
      const nodes = listPaths(before)
        .map((path) => ({ path, edits: listEdits(modelAt(before, path), step) }))
        .filter((node) => node.edits.length > 0);
      const node = nodes[pickNode % Math.max(nodes.length, 1)];
      const edit = node?.edits[pickEdit % node.edits.length];
      if (!node || !edit) return null;
      const after = replaceAt(before, node.path, edit.after);
      return { before, after, path: node.path, edit } satisfies EditedBody;
    })
    .filter((body): body is EditedBody => body !== null);
}

function specText(version: Version, schema: object, side: 'request' | 'response'): string {
  const content = { 'application/json': { schema } };
  const operation =
    side === 'request'
      ? { requestBody: { required: true, content }, responses: { '204': { description: 'ok' } } }
      : { responses: { '200': { description: 'ok', content } } };
  return JSON.stringify({
    openapi: version === '3.0' ? '3.0.3' : '3.1.0',
    info: { title: 'Things', version: '1.0.0' },
    paths: { '/things': { post: operation } },
  });
}

async function diffBodies(
  version: Version,
  body: EditedBody,
  side: 'request' | 'response',
): Promise<{ id: string; level: string }[]> {
  const base = await specFromText(
    { 'openapi.json': specText(version, toSchema(body.before, version), side) },
    'base',
  );
  const revision = await specFromText(
    { 'openapi.json': specText(version, toSchema(body.after, version), side) },
    'revision',
  );
  return diffSpecs(base, revision, { today: '2026-12-04' }).changes.map(({ id, level }) => ({
    id,
    level,
  }));
}

function describeEdit(body: EditedBody): string {
  return `${body.edit.name} at /${body.path.join('/')}`;
}

describe.each(VERSIONS)('body schema edits in %s', (version) => {
  test('widening edits report no error', async () => {
    await fc.assert(
      fc.asyncProperty(editedBody(wideningEdits), async (body) => {
        const changes = await diffBodies(version, body, 'request');
        expect(changes.length, describeEdit(body)).toBeGreaterThan(0);
        expect(
          changes.filter((change) => change.level === 'error'),
          describeEdit(body),
        ).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  test('widening edits keep old instances valid', () => {
    fc.assert(
      fc.property(editedBody(wideningEdits), fc.gen(), (body, generate) => {
        const before = ajv.compile(toSchema(body.before, version));
        const after = ajv.compile(toSchema(body.after, version));
        for (let sample = 0; sample < 5; sample += 1) {
          const instance = generate(instanceOf, body.before);
          expect(before(instance), `generator: ${JSON.stringify(instance)}`).toBe(true);
          expect(after(instance), `${describeEdit(body)}: ${JSON.stringify(instance)}`).toBe(true);
        }
      }),
      { numRuns: AJV_RUNS, seed: SEED },
    );
  });

  test('narrowing edits report an error', async () => {
    await fc.assert(
      fc.asyncProperty(editedBody(narrowingEdits), async (body) => {
        const changes = await diffBodies(version, body, 'request');
        expect(
          changes.some((change) => change.level === 'error'),
          `${describeEdit(body)}: ${JSON.stringify(changes)}`,
        ).toBe(true);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  test('narrowing edits reject a witness', () => {
    fc.assert(
      fc.property(editedBody(narrowingEdits), (body) => {
        const instance = placeValue(body.before, body.path, body.edit.witness);
        const label = `${describeEdit(body)}: ${JSON.stringify(instance)}`;
        expect(ajv.validate(toSchema(body.before, version), instance), label).toBe(true);
        expect(ajv.validate(toSchema(body.after, version), instance), label).toBe(false);
      }),
      { numRuns: AJV_RUNS, seed: SEED },
    );
  });

  test('narrowing edits in a response report no error', async () => {
    await fc.assert(
      fc.asyncProperty(editedBody(narrowingEdits), async (body) => {
        const changes = await diffBodies(version, body, 'response');
        expect(
          changes.filter((change) => change.level === 'error'),
          describeEdit(body),
        ).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
