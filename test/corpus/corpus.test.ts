import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, test } from 'vitest';

import { runCli } from '../support/run-cli.js';

const REPO_ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The shared corpus of real public specs sits beside the repository. */
const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus');

function listSpecs(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) return listSpecs(full);
    if (!/\.(ya?ml|json)$/.test(name)) return [];
    // Fragments reached by $ref are linted through their root document.
    return /^\s*["']?(openapi|swagger)["']?\s*:/m.test(readFileSync(full, 'utf8').slice(0, 4096))
      ? [full]
      : [];
  });
}

interface DiffJson {
  changes: { id: string; level: string; operation: { method: string; path: string } | null }[];
}

async function diffPair(pair: string): Promise<DiffJson> {
  const directory = path.join(CORPUS, 'pairs', pair);
  const [oldFile, newFile] = ['old', 'new'].map(
    (stem) => readdirSync(directory).find((name) => name.startsWith(`${stem}.`)) as string,
  );
  const run = await runCli(
    ['diff', oldFile as string, newFile as string, '--format', 'json', '--today', '2026-12-04'],
    directory,
  );
  expect(run.stderr).toBe('');
  expect([0, 1]).toContain(run.code);
  return JSON.parse(run.stdout) as DiffJson;
}

function removals(result: DiffJson): string[] {
  return result.changes
    .filter((change) => change.id.startsWith('endpoint-removed'))
    .map(
      (change) =>
        `${change.level} ${change.id} ${change.operation?.method} ${change.operation?.path}`,
    )
    .sort();
}

test('the shared corpus is present', () => {
  expect(existsSync(CORPUS)).toBe(true);
});

describe('every corpus spec lints', () => {
  const specs = existsSync(CORPUS) ? listSpecs(CORPUS) : [];

  test.each(specs.map((spec) => [path.relative(CORPUS, spec)]))('%s', async (relative) => {
    const run = await runCli(['lint', relative, '--format', 'json', '--quiet'], CORPUS);
    if (relative.includes('3.2')) {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('unsupported version (openapi: 3.2.0)');
      return;
    }
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.code);
    const report = JSON.parse(run.stdout) as { problems: { line: number | null }[] };
    expect(report.problems.every((problem) => problem.line === null || problem.line >= 1)).toBe(
      true,
    );
  });
});

describe('real version pairs', () => {
  test('Stripe 2022 removes orders and SKUs without deprecation', async () => {
    const result = await diffPair('stripe-2022-08-01_to_2022-11-15');
    const expected = [
      'DELETE /v1/skus/{id}',
      'GET /v1/orders',
      'GET /v1/orders/{id}',
      'GET /v1/orders/{id}/line_items',
      'GET /v1/skus',
      'GET /v1/skus/{id}',
      'POST /v1/orders',
      'POST /v1/orders/{id}',
      'POST /v1/orders/{id}/cancel',
      'POST /v1/orders/{id}/reopen',
      'POST /v1/orders/{id}/submit',
      'POST /v1/skus',
      'POST /v1/skus/{id}',
    ].map((operation) => `error endpoint-removed-without-deprecation ${operation}`);
    expect(removals(result)).toEqual(expected.sort());
  });

  test('OpenAI 2023 removes deprecated engines with no sunset date', async () => {
    const result = await diffPair('openai-2023-06-remove-engines');
    expect(removals(result)).toEqual([
      'error endpoint-removed-without-sunset GET /engines',
      'error endpoint-removed-without-sunset GET /engines/{engine_id}',
      'error endpoint-removed-without-sunset POST /answers',
      'error endpoint-removed-without-sunset POST /classifications',
      'error endpoint-removed-without-sunset POST /engines/{engine_id}/search',
    ]);
  });

  test('Discord removes guild creation', async () => {
    const result = await diffPair('discord-2025-07-remove-guild-create');
    expect(removals(result)).toEqual([
      'error endpoint-removed-without-deprecation POST /guilds',
      'error endpoint-removed-without-deprecation POST /guilds/templates/{code}',
    ]);
  });

  test('OpenAI assistants v2 drops file_ids from responses', async () => {
    const result = await diffPair('openai-2024-04-assistants-v2');
    const fileIds = result.changes.filter(
      (change) =>
        change.id === 'response-required-property-removed' &&
        change.operation?.path === '/assistants' &&
        change.operation.method === 'POST',
    );
    expect(fileIds.length).toBeGreaterThan(0);
    expect(removals(result)).toHaveLength(6);
  });

  test('museum refactor reports eventId no longer guaranteed', async () => {
    const result = await diffPair('museum-1.1.1_to_1.2.0-refactor');
    const optional = result.changes
      .filter((change) => change.id === 'response-property-became-optional')
      .map((change) => `${change.operation?.method} ${change.operation?.path}`)
      .sort();
    // eventId (special events) and ticketId (tickets) lost their place in `required`.
    expect(optional).toEqual([
      'GET /special-events',
      'GET /special-events/{eventId}',
      'PATCH /special-events/{eventId}',
      'POST /special-events',
      'POST /tickets',
    ]);
  });

  test('Discord nullability tightening is not breaking in responses', async () => {
    const result = await diffPair('discord-2025-09-nullability');
    const notNullable = result.changes.filter(
      (change) => change.id === 'response-property-became-not-nullable',
    );
    expect(notNullable.length).toBeGreaterThan(100);
    expect(notNullable.every((change) => change.level === 'info')).toBe(true);
  });

  test('GitHub 22.0.0 to 23.0.2 removes team discussions', async () => {
    const modules = path.join(REPO_ROOT, 'node_modules');
    const spec = (version: string) =>
      path.join(modules, `octokit-openapi-${version}`, 'generated', 'api.github.com.json');
    const run = await runCli(
      ['diff', spec('22'), spec('23'), '--format', 'json', '--today', '2026-12-04'],
      REPO_ROOT,
    );
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as DiffJson;
    const removed = removals(result);
    expect(removed).toHaveLength(40);
    expect(removed).toContain(
      'error endpoint-removed-without-deprecation GET /orgs/{org}/teams/{team_slug}/discussions',
    );
    // Deprecated in 22.0.0 without an x-sunset date, so the removal announced no day.
    expect(removed).toContain(
      'error endpoint-removed-without-sunset GET /teams/{team_id}/discussions',
    );
    expect(removed).toContain(
      'error endpoint-removed-without-sunset GET /repos/{owner}/{repo}/tags/protection',
    );
  });
});
