import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';

import { specgatePlugin } from './plugin.js';
import { specgatePresets } from './presets.js';
import { listPresetRules } from './rule-catalogue.js';
import { specgateRules } from './rules/index.js';

const SOURCE = `
openapi: 3.1.0
info: { title: Pets, version: '1.0' }
paths: {}
`;

describe('specgate plugin presets', () => {
  it('loads through createConfig next to recommended', async () => {
    const config = await createConfig({
      extends: ['recommended', 'specgate/specgate'],
      plugins: [specgatePlugin],
    });
    expect(config.rules.oas3_1['specgate/info-version-semver']).toBe('error');
    expect(config.rules.oas3_1['specgate/path-segment-kebab-case']).toBe('warn');
    expect(config.rules.oas3_1['operation-summary']).toBe('error');
    expect(config.rules.oas3_0['specgate/server-https']).toEqual({
      severity: 'error',
      allowLocalhost: false,
    });
  });

  it('keeps the options recommended gives the media type example rule', async () => {
    const config = await createConfig({
      extends: ['recommended', 'specgate/specgate'],
      plugins: [specgatePlugin],
    });
    expect(config.rules.oas3_1['no-invalid-media-type-examples']).toEqual({
      severity: 'warn',
      allowAdditionalProperties: false,
    });
  });

  it('runs the plugin rules from the plugin preset alone', async () => {
    const config = await createConfig({
      extends: ['specgate/specgate'],
      plugins: [specgatePlugin],
    });
    const problems = await lintFromString({
      source: SOURCE,
      absoluteRef: '/specs/openapi.yaml',
      config,
    });
    expect(problems.map((problem) => problem.ruleId)).toEqual(['specgate/info-version-semver']);
  });

  it('raises every warning to an error in specgate-strict', () => {
    const rules = specgatePresets['specgate-strict']?.rules ?? {};
    const severities = Object.values(rules).map((setting) =>
      typeof setting === 'string' ? setting : setting.severity,
    );
    expect(new Set(severities)).toEqual(new Set(['error']));
    expect(Object.keys(rules)).toHaveLength(specgateRules.length + 3);
  });
});

describe('listPresetRules', () => {
  it('lists recommended and specgate rules with severities', async () => {
    const rules = await listPresetRules();
    const byId = new Map(rules.map((rule) => [rule.id, rule]));
    expect(byId.get('specgate/deprecated-has-sunset')).toEqual({
      id: 'specgate/deprecated-has-sunset',
      severity: 'error',
      description:
        'A deprecated operation has an `x-sunset` date: an RFC 3339 date or date-time, or an HTTP-date.',
    });
    expect(byId.get('operation-4xx-response')?.severity).toBe('warn');
    expect(byId.get('no-invalid-schema-examples')?.severity).toBe('warn');
    expect(byId.has('nullable-type-sibling')).toBe(false);
    expect(rules.filter((rule) => rule.id.startsWith('specgate/'))).toHaveLength(
      specgateRules.length,
    );
  });

  it('has a description of its own for every rule of the default presets', async () => {
    for (const preset of ['specgate', 'specgate-strict']) {
      for (const version of ['oas2', 'oas3_0', 'oas3_1', 'oas3_2'] as const) {
        const rules = await listPresetRules(preset, version);
        const generic = rules.filter((rule) =>
          rule.description.startsWith('Redocly built-in rule'),
        );
        expect(generic.map((rule) => rule.id)).toEqual([]);
      }
    }
  });

  it('raises the strict severities', async () => {
    const rules = await listPresetRules('specgate-strict', 'oas3_0');
    expect(rules.map((rule) => rule.severity).filter((severity) => severity !== 'error')).toEqual(
      [],
    );
    expect(rules.some((rule) => rule.id === 'nullable-type-sibling')).toBe(true);
  });
});
