import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { TempRepo } from '../support/git-repo.js';
import { runCli } from '../support/run-cli.js';

const REPO_ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus');
const ORDERS = 'specs/orders/openapi.yaml';
const CUSTOMERS = 'specs/customers/openapi.yaml';
const CUSTOMER_SCHEMA = 'specs/customers/schemas/customer.yaml';
const LIFECYCLE = `      deprecated: true
      x-deprecated-at: '2026-06-30'
      x-sunset: '2027-06-30'
      x-replaced-by: listOrders
`;

interface ChangelogJson {
  schemaVersion: number;
  api: { name: string; owner: string | null };
  releases: {
    version: string;
    date: string;
    ref: string;
    anchor: string;
    counts: Record<string, number>;
    versioning: { suggested: string | null; follows: boolean | null };
    sections: Record<
      string,
      {
        anchor: string;
        operation: { method: string; path: string } | null;
        changes: { id: string }[];
      }[]
    >;
  }[];
  baseline: { version: string; date: string; ref: string };
}

/** Commits everything with a fixed committer date, so tag dates are known. */
function commitAt(repo: TempRepo, message: string, date: string): void {
  repo.git('add', '-A');
  execFileSync('git', ['commit', '-q', '-m', message], {
    cwd: repo.dir,
    env: {
      ...process.env,
      GIT_COMMITTER_DATE: `${date}T12:00:00Z`,
      GIT_AUTHOR_DATE: `${date}T12:00:00Z`,
    },
  });
}

let repo: TempRepo;

beforeAll(() => {
  repo = new TempRepo();
  repo.copy(path.join(REPO_ROOT, 'specs'), 'specs');
  repo.copy(path.join(REPO_ROOT, 'specgate.yaml'), 'specgate.yaml');
  const current = repo.read(ORDERS);
  repo.write(ORDERS, current.replace(LIFECYCLE, '').replace('version: 2.1.0', 'version: 2.0.0'));
  commitAt(repo, 'Orders 2.0.0', '2026-05-01');
  repo.git('tag', 'orders-v2.0.0');
  repo.write(ORDERS, current);
  commitAt(repo, 'Deprecate the v1 order list', '2026-07-01');
  repo.git('tag', 'orders-v2.1.0');
  repo.write('README.txt', 'unrelated\n');
  commitAt(repo, 'Touch something else', '2026-08-01');
  repo.edit(CUSTOMER_SCHEMA, '      maxLength: 32\n', '      maxLength: 40\n');
  commitAt(repo, 'Allow longer phone numbers', '2026-09-01');
});

afterAll(() => {
  if (repo) rmSync(repo.dir, { recursive: true, force: true });
});

describe('specgate changelog over git history', () => {
  test('reads releases from tags', async () => {
    const run = await runCli(
      ['changelog', ORDERS, '--tags', 'orders-v*', '--today', '2026-12-04', '--format', 'json'],
      repo.dir,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as ChangelogJson;
    expect(json.schemaVersion).toBe(1);
    expect(json.api.name).toBe('orders');
    expect(json.api.owner).toBe('orders-team');
    expect(json.baseline).toMatchObject({
      version: '2.0.0',
      date: '2026-05-01',
      ref: 'orders-v2.0.0',
    });
    expect(json.releases.map((release) => [release.version, release.date, release.ref])).toEqual([
      ['2.1.0', '2026-07-01', 'orders-v2.1.0'],
    ]);
    const release = json.releases[0];
    expect(release?.counts).toEqual({ breaking: 0, deprecated: 1, added: 0, changed: 0 });
    expect(release?.sections['deprecated']?.[0]?.anchor).toBe('get-v1-orders');
    expect(release?.versioning).toMatchObject({ suggested: '2.1.0', follows: true });
  });

  test('writes the Markdown entry', async () => {
    const run = await runCli(
      ['changelog', ORDERS, '--tags', 'orders-v*', '--today', '2026-12-04'],
      repo.dir,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('## [2.1.0] - 2026-07-01\n');
    expect(run.stdout).toContain(
      [
        '### Deprecated',
        '',
        '- <a id="v2-1-0-get-v1-orders"></a>**`GET /v1/orders`** (`listOrdersV1`)',
        '  - operation deprecated (`endpoint-deprecated`)',
        '  - Deprecated on 2026-06-30, sunset on 2027-06-30 (208 days left), stability stable. Replaced by `listOrders`.',
      ].join('\n'),
    );
    expect(run.stdout).toContain(
      '| 2027-06-30 | 208 | `GET /v1/orders` | 2026-06-30 | stable | `listOrders` |  |',
    );
  });

  test('reads the same release from refs and from a range', async () => {
    const byRefs = await runCli(
      [
        'changelog',
        ORDERS,
        '--refs',
        'orders-v2.0.0,orders-v2.1.0',
        '--today',
        '2026-12-04',
        '-f',
        'json',
      ],
      repo.dir,
    );
    const byRange = await runCli(
      ['changelog', ORDERS, '--from', 'orders-v2.0.0', '--today', '2026-12-04', '-f', 'json'],
      repo.dir,
    );
    expect(byRefs.code).toBe(0);
    expect(byRange.code).toBe(0);
    const refs = JSON.parse(byRefs.stdout) as ChangelogJson;
    const range = JSON.parse(byRange.stdout) as ChangelogJson;
    expect(refs.releases.map((release) => release.ref)).toEqual(['orders-v2.1.0']);
    expect(range.releases).toHaveLength(1);
    expect(range.releases[0]?.ref).toMatch(/^[0-9a-f]{7}$/);
    expect(range.releases[0]?.sections).toEqual(refs.releases[0]?.sections);
  });

  test('counts commits to $ref files', async () => {
    const run = await runCli(
      ['changelog', CUSTOMERS, '--last', '5', '--today', '2026-12-04', '-f', 'json'],
      repo.dir,
    );
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as ChangelogJson;
    expect(json.baseline.date).toBe('2026-05-01');
    expect(json.releases.map((release) => release.date)).toEqual(['2026-09-01']);
    const breaking = json.releases[0]?.sections['breaking'] ?? [];
    expect(breaking.map((entry) => entry.anchor)).toEqual([
      'post-v1-customers',
      'get-v1-customers-customerid',
    ]);
    expect(breaking[0]?.changes.map((change) => change.id)).toEqual([
      'response-property-max-length-increased',
      'request-property-max-length-increased',
    ]);
  });

  test('writes several formats at once', async () => {
    mkdirSync(path.join(repo.dir, 'out'), { recursive: true });
    const run = await runCli(
      [
        'changelog',
        ORDERS,
        '--tags',
        'orders-v*',
        '--today',
        '2026-12-04',
        '--format',
        'atom=out/feed.atom',
        '--format',
        'html=out/changelog.html',
        '--feed-url',
        'https://apis.example.test/orders/changelog.html',
      ],
      repo.dir,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const feed = readFileSync(path.join(repo.dir, 'out/feed.atom'), 'utf8');
    expect(feed).toContain(
      '<link rel="alternate" type="text/html" href="https://apis.example.test/orders/changelog.html#v2-1-0"/>',
    );
    expect(readFileSync(path.join(repo.dir, 'out/changelog.html'), 'utf8')).toContain(
      '<section id="v2-1-0">',
    );
  });
});

describe('a commit where the spec does not load', () => {
  let broken: TempRepo;
  let brokenCommit = '';

  beforeAll(() => {
    broken = new TempRepo();
    broken.copy(path.join(REPO_ROOT, 'specs'), 'specs');
    commitAt(broken, 'Customers 1.0', '2026-05-01');
    const good = broken.read(CUSTOMER_SCHEMA);
    broken.write(CUSTOMER_SCHEMA, `${good}  bad: [unclosed\n`);
    commitAt(broken, 'Break the customer schema', '2026-06-01');
    brokenCommit = broken.git('rev-parse', '--short=7', 'HEAD').trim();
    broken.write(CUSTOMER_SCHEMA, good.replace('      maxLength: 32\n', '      maxLength: 40\n'));
    commitAt(broken, 'Repair it and allow longer phone numbers', '2026-07-01');
  });

  afterAll(() => {
    if (broken) rmSync(broken.dir, { recursive: true, force: true });
  });

  test('is left out of --last with a warning', async () => {
    const run = await runCli(
      ['changelog', CUSTOMERS, '--last', '3', '--today', '2026-12-04', '-f', 'json'],
      broken.dir,
    );
    expect(run.code).toBe(0);
    const [warning, versionWarning, ...rest] = run.stderr.trim().split('\n');
    expect(warning).toBe(
      `specgate: warning: left out ${brokenCommit} (2026-06-01): the spec does not load there: ` +
        `${brokenCommit}:specs/customers/openapi.yaml:34:15: $ref "schemas/customer.yaml#/NewCustomer" cannot be read ` +
        `(${brokenCommit}:specs/customers/schemas/customer.yaml:33:1: invalid YAML (deficient indentation). Fix the syntax at that place.)`,
    );
    expect(versionWarning).toMatch(
      /^specgate: warning: [0-9a-f]{7}: info\.version 1\.4\.0 does not follow/,
    );
    expect(rest).toEqual([]);
    const json = JSON.parse(run.stdout) as ChangelogJson;
    expect(json.baseline.date).toBe('2026-05-01');
    expect(json.releases.map((release) => release.date)).toEqual(['2026-07-01']);
    expect(json.releases[0]?.sections['breaking']?.[0]?.changes[0]?.id).toBe(
      'response-property-max-length-increased',
    );
  });

  test('named in --refs stops the run', async () => {
    const run = await runCli(
      ['changelog', CUSTOMERS, '--refs', `HEAD~2,${brokenCommit}`],
      broken.dir,
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      new RegExp(
        `^specgate: error: ${brokenCommit}:specs/customers/openapi\\.yaml:34:15: \\$ref "schemas/customer\\.yaml#/NewCustomer" cannot be read`,
      ),
    );
  });
});

describe('specgate changelog input errors', () => {
  test.each([
    [
      ['changelog', ORDERS, '--tags', 'nothing-v*'],
      'specgate: error: no git tag matches "nothing-v*"',
    ],
    [['changelog', ORDERS], 'specgate: error: one spec needs --tags PATTERN'],
    [
      ['changelog', ORDERS, ORDERS, '--format', 'pdf'],
      'specgate: error: unknown format "pdf" in --format pdf.',
    ],
    [['changelog', 'missing.yaml', ORDERS], 'missing.yaml'],
    [
      ['changelog', ORDERS, '--refs', 'no-such-ref'],
      'not found in DIR. Fetch it (git fetch origin) or pass an existing ref in --refs.',
    ],
    [
      ['changelog', ORDERS, '--from', 'no-such-ref'],
      'not found in DIR. Fetch it (git fetch origin) or pass an existing --from.',
    ],
    [
      ['changelog', ORDERS, '--from', 'orders-v2.0.0', '--to', 'no-such-ref'],
      'not found in DIR. Fetch it (git fetch origin) or pass an existing --to.',
    ],
    [['changelog', ORDERS, '--last', 'x'], '--last "x" is not a positive whole number of commits.'],
  ])('%j', async (args, message) => {
    const run = await runCli(args, repo.dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message.replace('DIR', repo.dir));
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('specgate portal', () => {
  test('writes the site and rebuilds it', async () => {
    const args = ['portal', '-o', 'site', '--tags', '{name}-v*', '--today', '2026-12-04'];
    const first = await runCli(args, repo.dir);
    expect(first.code).toBe(0);
    // Only the orders API is tagged in this repository.
    expect(first.stderr).toBe(
      'specgate: warning: customers: no git tag matches "customers-v*", so the portal shows the working tree\'s spec alone. Check --tags against git tag --list.\n' +
        'wrote 20 files for 2 API(s) to site; open index.html\n',
    );
    for (const file of [
      'index.html',
      'apis/orders/reference.html',
      'apis/customers/changelog.atom',
    ])
      expect(existsSync(path.join(repo.dir, 'site', file))).toBe(true);
    const orders = readFileSync(path.join(repo.dir, 'site/apis/orders/index.html'), 'utf8');
    expect(orders).toContain('specgate generate ts specs/orders/openapi.yaml -o orders-client');
    expect(orders).toContain('specgate generate flask specs/orders/openapi.yaml -o orders_service');
    expect(orders).toContain(
      '<tr class="deprecated" id="sunset-get-v1-orders"><td>2027-06-30</td>',
    );
    const second = await runCli(args, repo.dir);
    expect(second.code).toBe(0);
    expect(statSync(path.join(repo.dir, 'site')).mode & 0o777).toBe(0o755);
    writeFileSync(path.join(repo.dir, 'site/apis/mine.txt'), 'mine\n');
    const third = await runCli(args, repo.dir);
    expect(third.code).toBe(2);
    expect(third.stderr.split('\n').slice(1)).toEqual([
      `specgate: error: ${path.join(repo.dir, 'site')}: apis/mine.txt was not written by specgate portal and a rebuild would delete it. Move it out of the folder first.`,
      '',
    ]);
    expect(readFileSync(path.join(repo.dir, 'site/apis/mine.txt'), 'utf8')).toBe('mine\n');
  });

  test('rejects a folder it did not write', async () => {
    mkdirSync(path.join(repo.dir, 'notes'), { recursive: true });
    writeFileSync(path.join(repo.dir, 'notes/keep.txt'), 'mine\n');
    const run = await runCli(['portal', '-o', 'notes'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the folder has files that specgate portal did not write');
    expect(readFileSync(path.join(repo.dir, 'notes/keep.txt'), 'utf8')).toBe('mine\n');
  });

  test('warns when no tag matches', async () => {
    const run = await runCli(['portal', '-o', 'untagged', '--tags', 'x{name}-v*'], repo.dir);
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n').slice(0, 2)).toEqual([
      'specgate: warning: orders: no git tag matches "xorders-v*", so the portal shows the working tree\'s spec alone. Check --tags against git tag --list.',
      'specgate: warning: customers: no git tag matches "xcustomers-v*", so the portal shows the working tree\'s spec alone. Check --tags against git tag --list.',
    ]);
  });
});

describe('changelog of real version pairs', () => {
  test('OpenAI 2024 assistants v2', async () => {
    const directory = path.join(CORPUS, 'pairs/openai-2024-04-assistants-v2');
    const run = await runCli(
      [
        'changelog',
        'old.yaml',
        'new.yaml',
        '--today',
        '2026-12-04',
        '--date',
        '2024-04-18',
        '-f',
        'json',
      ],
      directory,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      'specgate: warning: new.yaml: info.version 2.0.0 does not follow the changes: breaking changes call for 3.0.0 or later.\n',
    );
    const release = (JSON.parse(run.stdout) as ChangelogJson).releases[0];
    expect(release?.counts).toEqual({ breaking: 23, deprecated: 0, added: 19, changed: 1 });
    const removed = release?.sections['breaking']
      ?.filter((entry) =>
        entry.changes.some((change) => change.id === 'endpoint-removed-without-deprecation'),
      )
      .map((entry) => `${entry.operation?.method} ${entry.operation?.path}`);
    expect(removed).toEqual([
      'GET /assistants/{assistant_id}/files',
      'POST /assistants/{assistant_id}/files',
      'DELETE /assistants/{assistant_id}/files/{file_id}',
      'GET /assistants/{assistant_id}/files/{file_id}',
      'GET /threads/{thread_id}/messages/{message_id}/files',
      'GET /threads/{thread_id}/messages/{message_id}/files/{file_id}',
    ]);
    expect(release?.sections['added']?.slice(0, 4).map((entry) => entry.anchor)).toEqual([
      'get-batches',
      'post-batches',
      'get-batches-batch-id',
      'post-batches-batch-id-cancel',
    ]);
    expect(release?.sections['changed']?.map((entry) => entry.anchor)).toEqual(['post-threads']);
  });
});
