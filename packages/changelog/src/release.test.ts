import { describe, expect, test } from 'vitest';

import { specFromText } from '../../../test/support/in-memory-spec.js';
import { buildChangelog, upcomingSunsets, type SpecRevision } from './changelog.js';
import { adviseVersion } from './next-version.js';
import { buildRelease } from './release.js';
import { PETS_V1, PETS_V2, PETS_V3 } from './test-specs.js';

const TODAY = '2026-12-04';

async function revision(text: string, label: string, date: string): Promise<SpecRevision> {
  return { document: await specFromText({ 'openapi.yaml': text }, label), label: { date } };
}

describe('buildRelease', () => {
  test('groups additions and deprecations', async () => {
    const release = buildRelease(
      await revision(PETS_V1, 'v1', '2026-01-10'),
      await revision(PETS_V2, 'v2', '2026-06-01'),
      { today: TODAY },
    );
    expect(release.version).toBe('1.1.0');
    expect(release.previousVersion).toBe('1.0.0');
    expect(release.date).toBe('2026-06-01');
    expect(release.anchor).toBe('v1-1-0');
    expect(release.breaking).toBe(false);
    expect(release.counts).toEqual({ breaking: 0, deprecated: 1, added: 2, changed: 0 });
    expect(release.sections.deprecated).toEqual([
      {
        anchor: 'get-legacy-pets',
        operation: { method: 'GET', path: '/legacy/pets', operationId: 'listLegacyPets' },
        summary: null,
        changes: [
          {
            id: 'endpoint-deprecated',
            level: 'info',
            kind: 'deprecated',
            message: 'operation deprecated',
          },
        ],
        lifecycle: {
          deprecated: true,
          deprecatedAt: '2026-06-01',
          sunset: '2027-06-01',
          daysToSunset: 179,
          stability: 'stable',
          replacedBy: 'listPets',
          migrationGuide: 'https://docs.example.test/pets/migrate',
        },
      },
    ]);
    expect(
      release.sections.added.map((entry) => [entry.anchor, entry.changes.map((c) => c.id)]),
    ).toEqual([
      ['get-pets', ['new-optional-request-parameter']],
      ['post-pets', ['endpoint-added']],
    ]);
    expect(release.versioning).toEqual({
      bump: 'minor',
      suggested: '1.1.0',
      follows: true,
      note: null,
    });
  });

  test('puts a removal under breaking and flags the version', async () => {
    const release = buildRelease(
      await revision(PETS_V2, 'v2', '2026-06-01'),
      await revision(PETS_V3, 'v3', '2026-09-01'),
      { today: TODAY },
    );
    expect(release.breaking).toBe(true);
    expect(release.sections.breaking.map((entry) => entry.anchor)).toEqual(['get-pets-petid']);
    expect(release.sections.breaking[0]?.changes.map((change) => change.id)).toEqual([
      'endpoint-removed-without-deprecation',
    ]);
    expect(release.versioning).toEqual({
      bump: 'major',
      suggested: '2.0.0',
      follows: false,
      note: 'info.version 1.2.0 does not follow the changes: breaking changes call for 2.0.0 or later',
    });
  });
});

describe('buildChangelog', () => {
  test('lists releases newest first', async () => {
    const changelog = buildChangelog(
      [
        await revision(PETS_V1, 'v1', '2026-01-10'),
        await revision(PETS_V2, 'v2', '2026-06-01'),
        await revision(PETS_V3, 'v3', '2026-09-01'),
      ],
      { today: TODAY, api: { name: 'pets', owner: 'pets-team', stability: 'stable' } },
    );
    expect(changelog.releases.map((release) => [release.version, release.date])).toEqual([
      ['1.2.0', '2026-09-01'],
      ['1.1.0', '2026-06-01'],
    ]);
    expect(changelog.baseline).toEqual({
      version: '1.0.0',
      date: '2026-01-10',
      ref: null,
      operations: 3,
    });
    expect(changelog.api).toEqual({
      name: 'pets',
      title: 'Pets',
      owner: 'pets-team',
      stability: 'stable',
    });
    expect(upcomingSunsets(changelog).map((row) => [row.anchor, row.lifecycle.sunset])).toEqual([
      ['get-legacy-pets', '2027-06-01'],
    ]);
  });

  test('leaves passed sunsets out of upcoming ones', async () => {
    const changelog = buildChangelog(
      [await revision(PETS_V1, 'v1', '2026-01-10'), await revision(PETS_V2, 'v2', '2026-06-01')],
      { today: '2027-06-02' },
    );
    expect(changelog.deprecations.map((row) => row.lifecycle.daysToSunset)).toEqual([-1]);
    expect(upcomingSunsets(changelog)).toEqual([]);
  });

  test('rejects an empty series', () => {
    expect(() => buildChangelog([], { today: TODAY })).toThrow(
      'a changelog needs at least one revision of the spec.',
    );
  });
});

describe('adviseVersion', () => {
  test.each([
    ['1.4.2', '2.0.0', 'major', '2.0.0', true],
    ['1.4.2', '1.5.0', 'major', '2.0.0', false],
    ['1.4.2', '1.5.0', 'minor', '1.5.0', true],
    ['1.4.2', '1.4.3', 'minor', '1.5.0', false],
    ['1.4.2', '1.4.3', 'patch', '1.4.3', true],
    ['1.4.2', '1.4.2', 'patch', '1.4.3', false],
    ['1.4.2', '3.0.0', 'patch', '1.4.3', true],
  ] as const)('%s to %s with %s', (previous, stated, bump, suggested, follows) => {
    const advice = adviseVersion(previous, stated, bump);
    expect(advice.suggested).toBe(suggested);
    expect(advice.follows).toBe(follows);
  });

  test('does not judge dated versions', () => {
    expect(adviseVersion('2022-08-01', '2022-11-15', 'major')).toEqual({
      bump: 'major',
      suggested: null,
      follows: null,
      note: 'the previous info.version 2022-08-01 is not a semantic version, so no version is suggested',
    });
  });

  test('suggests nothing without changes', () => {
    expect(adviseVersion('1.0.0', '1.0.0', null)).toEqual({
      bump: null,
      suggested: null,
      follows: null,
      note: null,
    });
  });
});
