import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, test } from 'vitest';

import { BUNDLED_FILES_KEY, bundleSpec } from './bundle.js';
import { getAtPointer } from './pointer.js';
import { loadSpec } from './spec-document.js';

const REPO_ROOT = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** Collects every `$ref` string in a tree with the pointer it sits at. */
function refsIn(value: unknown, pointer = ''): [string, string][] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === '$ref' && typeof child === 'string'
      ? [[pointer, child] as [string, string]]
      : refsIn(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`),
  );
}

describe('bundleSpec', () => {
  test('moves the other files under the root and makes every $ref local', async () => {
    const spec = path.join(REPO_ROOT, 'specs/customers/openapi.yaml');
    const document = await loadSpec(spec, { cwd: REPO_ROOT });
    const bundled = bundleSpec(document);

    expect(Object.keys(bundled[BUNDLED_FILES_KEY] as object)).toEqual([
      'schemas/customer.yaml',
      'schemas/problem.yaml',
    ]);
    const refs = refsIn(bundled);
    expect(refs).toContainEqual([
      '/paths/~1v1~1customers/post/requestBody/content/application~1json/schema',
      '#/x-specgate-files/schemas~1customer.yaml/NewCustomer',
    ]);
    // A local $ref inside another file now points into that file's place in the root.
    expect(refs).toContainEqual([
      '/x-specgate-files/schemas~1customer.yaml/Customer/allOf/0',
      '#/x-specgate-files/schemas~1customer.yaml/NewCustomer',
    ]);
    for (const [at, ref] of refs) {
      expect(ref.startsWith('#/'), at).toBe(true);
      expect(getAtPointer(bundled, ref), `${at} -> ${ref}`).toBeTypeOf('object');
    }
    // The loaded documents are left as they were.
    expect(document.root[BUNDLED_FILES_KEY]).toBeUndefined();
  });

  test('returns a one-file spec as it is', async () => {
    const spec = path.join(REPO_ROOT, 'specs/orders/openapi.yaml');
    const document = await loadSpec(spec, { cwd: REPO_ROOT });
    expect(bundleSpec(document)).toBe(document.root);
  });
});
