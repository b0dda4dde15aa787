import { DOMParser, type Element } from '@xmldom/xmldom';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, test } from 'vitest';

import { specFromText } from '../../../test/support/in-memory-spec.js';
import { buildChangelog, type Changelog } from './changelog.js';
import { CHANGELOG_JSON_SCHEMA } from './changelog-schema.js';
import { renderAtom } from './render-atom.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';
import { PETS_V1, PETS_V2, PETS_V3 } from './test-specs.js';

const ATOM = 'http://www.w3.org/2005/Atom';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

let changelog: Changelog;

beforeAll(async () => {
  const texts: [string, string][] = [
    [PETS_V1, '2026-01-10'],
    [PETS_V2, '2026-06-01'],
    [PETS_V3, '2026-09-01'],
  ];
  const revisions = await Promise.all(
    texts.map(async ([text, date], index) => ({
      document: await specFromText({ 'openapi.yaml': text }, `r${index}`),
      label: { date, ref: `pets-v${index + 1}` },
    })),
  );
  changelog = buildChangelog(revisions, {
    today: '2026-12-04',
    api: { name: 'pets', owner: 'pets-team', stability: 'stable' },
  });
});

describe('renderMarkdown', () => {
  test('orders releases and sections', () => {
    const text = renderMarkdown(changelog);
    const headings = text.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# Changelog: Pets',
      '## Upcoming sunsets',
      '## [1.2.0] - 2026-09-01',
      '### Breaking',
      '## [1.1.0] - 2026-06-01',
      '### Deprecated',
      '### Added',
      '## [1.0.0] - 2026-01-10',
    ]);
  });

  test('writes the deprecation entry', () => {
    const text = renderMarkdown(changelog);
    expect(text).toContain(
      [
        '- <a id="v1-1-0-get-legacy-pets"></a>**`GET /legacy/pets`** (`listLegacyPets`)',
        '  - operation deprecated (`endpoint-deprecated`)',
        '  - Deprecated on 2026-06-01, sunset on 2027-06-01 (179 days left), stability stable. Replaced by `listPets`. Migration guide: <https://docs.example.test/pets/migrate>.',
      ].join('\n'),
    );
    expect(text).toContain(
      '| 2027-06-01 | 179 | `GET /legacy/pets` | 2026-06-01 | stable | `listPets` | <https://docs.example.test/pets/migrate> |',
    );
    expect(text).toContain(
      '> **Warning:** info.version 1.2.0 does not follow the changes: breaking changes call for 2.0.0 or later.',
    );
  });
});

describe('renderJson', () => {
  test('writes schema version 1', () => {
    const json = JSON.parse(renderJson(changelog)) as {
      schemaVersion: number;
      releases: { version: string; anchor: string; versioning: { suggested: string } }[];
      deprecations: { anchor: string }[];
    };
    expect(json.schemaVersion).toBe(1);
    expect(json.releases.map((release) => [release.version, release.anchor])).toEqual([
      ['1.2.0', 'v1-2-0'],
      ['1.1.0', 'v1-1-0'],
    ]);
    expect(json.releases[0]?.versioning.suggested).toBe('2.0.0');
    expect(json.deprecations.map((row) => row.anchor)).toEqual(['get-legacy-pets']);
  });
  test('matches the published schema', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(CHANGELOG_JSON_SCHEMA);
    const valid = validate(JSON.parse(renderJson(changelog)));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(validate({ ...JSON.parse(renderJson(changelog)), schemaVersion: 2 })).toBe(false);
  });
});

describe('renderHtml', () => {
  test('escapes spec text', async () => {
    const hostile = PETS_V2.replace(
      'x-replaced-by: listPets',
      'x-replaced-by: "<img src=x onerror=alert(1)>"',
    )
      .replace('https://docs.example.test/pets/migrate', '"javascript:alert(1)"')
      .replace('title: Pets', 'title: "Pets & <b>Co</b>"');
    const page = renderHtml(
      buildChangelog(
        [
          { document: await specFromText({ 'openapi.yaml': PETS_V1 }, 'h1') },
          { document: await specFromText({ 'openapi.yaml': hostile }, 'h2') },
        ],
        { today: '2026-12-04' },
      ),
    );
    expect(page).toContain('<title>Changelog: Pets &amp; &lt;b&gt;Co&lt;/b&gt;</title>');
    expect(page).toContain('Replaced by <code>&lt;img src=x onerror=alert(1)&gt;</code>');
    expect(page).toContain('Migration guide: javascript:alert(1).');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('href="javascript:');
    expect(page).not.toMatch(/<script|<link|src="http/);
  });

  test('gives each entry its anchor', () => {
    const page = renderHtml(changelog);
    expect(page).toContain('<section id="v1-1-0">');
    expect(page).toContain('<div class="entry" id="v1-1-0-get-legacy-pets">');
    expect(page).toContain('<div class="entry" id="v1-2-0-get-pets-petid">');
  });
});

describe('renderAtom', () => {
  function parse(xml: string) {
    const errors: string[] = [];
    const document = new DOMParser({
      onError: (level, message) => {
        errors.push(`${level}: ${message}`);
      },
    }).parseFromString(xml, 'application/xml');
    return { document, errors };
  }

  function children(parent: Element, name: string): Element[] {
    return Array.from(parent.childNodes).filter(
      (node): node is Element =>
        node.nodeType === 1 &&
        (node as Element).localName === name &&
        (node as Element).namespaceURI === ATOM,
    );
  }

  function text(parent: Element, name: string): string {
    const [element] = children(parent, name);
    return element?.textContent ?? '';
  }

  test('follows the RFC 4287 rules', () => {
    const xml = renderAtom(changelog, {
      alternate: 'https://apis.example.test/pets/changelog.html',
      self: 'https://apis.example.test/pets/changelog.atom',
    });
    const { document, errors } = parse(xml);
    expect(errors).toEqual([]);
    const feed = document.documentElement as unknown as Element;
    expect(feed.localName).toBe('feed');
    expect(feed.namespaceURI).toBe(ATOM);
    expect(text(feed, 'id')).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(text(feed, 'title')).toBe('Pets changelog');
    expect(text(feed, 'updated')).toBe('2026-09-01T00:00:00Z');
    expect(children(feed, 'author').map((author) => text(author, 'name'))).toEqual(['pets-team']);
    const links = children(feed, 'link').map((link) => [
      link.getAttribute('rel'),
      link.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['alternate', 'https://apis.example.test/pets/changelog.html'],
      ['self', 'https://apis.example.test/pets/changelog.atom'],
    ]);

    const entries = children(feed, 'entry');
    expect(entries.map((entry) => text(entry, 'title'))).toEqual([
      'Pets 1.2.0 (breaking)',
      'Pets 1.1.0',
    ]);
    for (const entry of entries) {
      expect(text(entry, 'id')).toMatch(/^urn:uuid:/);
      expect(text(entry, 'updated')).toMatch(RFC3339);
      const alternate = children(entry, 'link').filter(
        (link) => link.getAttribute('rel') === 'alternate',
      );
      expect(alternate).toHaveLength(1);
    }
    expect(entries.map((entry) => children(entry, 'link')[0]?.getAttribute('href'))).toEqual([
      'https://apis.example.test/pets/changelog.html#v1-2-0',
      'https://apis.example.test/pets/changelog.html#v1-1-0',
    ]);
    expect(new Set(entries.map((entry) => text(entry, 'id'))).size).toBe(2);
    const content = children(entries[1] as Element, 'content')[0];
    expect(content?.getAttribute('type')).toBe('html');
    expect(content?.textContent).toContain('<div class="entry" id="v1-1-0-get-legacy-pets">');
  });

  test('keeps ids across rebuilds', () => {
    const first = renderAtom(changelog, { alternate: 'changelog.html' });
    const second = renderAtom(changelog, { alternate: 'changelog.html' });
    expect(second).toBe(first);
  });
});
