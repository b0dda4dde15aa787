import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadSpec } from '@specgate/core';
import { diffSpecs } from '@specgate/diff';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The shared corpus of real public specs sits beside the repository. */
const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus');

/**
 * Specs left out to keep this file near 20 s: the 3 MB OpenAI YAML and the 4 MB Stripe
 * YAML under `large/` took 5 to 10 s each to load and diff on 2 busy cores. The Stripe
 * and OpenAI pairs still run, on both sides.
 */
const TOO_BIG = new Set(['large/openai/openapi.yaml', 'large/stripe/spec3.yaml']);

/** Root documents only: fragments reached by `$ref` are diffed through their root. */
function isRootDocument(file: string): boolean {
  const text = readFileSync(file, 'utf8');
  // Stripe sorts its keys, so `openapi` can sit megabytes into the file.
  const versionKey = file.endsWith('.json')
    ? /^\s{0,2}"(openapi|swagger)"\s*:\s*"([^"]*)"/m.exec(text)
    : /^["']?(openapi|swagger)["']?\s*:\s*["']?([\d.]+)/m.exec(text);
  // specgate rejects OpenAPI 3.2 before any diff; the lint corpus test checks that error.
  return versionKey !== null && !versionKey[2]?.startsWith('3.2');
}

function listSpecs(directory: string): string[] {
  return readdirSync(directory)
    .sort()
    .flatMap((name) => {
      const full = path.join(directory, name);
      if (statSync(full).isDirectory()) return listSpecs(full);
      if (!/\.(ya?ml|json)$/.test(name)) return [];
      return isRootDocument(full) ? [path.relative(CORPUS, full)] : [];
    });
}

const specs = existsSync(CORPUS)
  ? listSpecs(CORPUS).filter((relative) => !TOO_BIG.has(relative))
  : [];

describe('every corpus spec diffs against itself with no change', () => {
  it('finds the corpus specs', () => {
    expect(specs).toContain('pairs/stripe-2022-08-01_to_2022-11-15/old.yaml');
    expect(specs).toContain('pairs/stripe-2020-03-02_to_2020-08-27/new.json');
    expect(specs).toContain('large/discord/openapi.json');
    expect(specs).toContain('single/oai/v2.0/petstore-separate/spec/swagger.yaml');
    expect(specs.length).toBeGreaterThanOrEqual(30);
  });

  it.each(specs)('%s', async (relative) => {
    const file = path.join(CORPUS, relative);
    // The two sides share one load: both would read the same bytes at the same paths.
    const document = await loadSpec(file, { cwd: path.dirname(file) });
    const result = diffSpecs(document, document, { today: '2026-12-04' });
    expect(result.changes).toEqual([]);
    expect(result.summary).toEqual({ error: 0, warning: 0, info: 0, breaking: false });
  });
});
