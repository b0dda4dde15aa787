import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Ajv } from 'ajv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { CONFIG_SCHEMA } from './config-schema.js';
import { CONFIG_FILE_NAMES, defaultConfig, loadConfig } from './config.js';
import { SpecgateError } from './errors.js';

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'specgate-core-config-'));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

// loadConfig compiles the schema without checking it, to save start-up time.
it('the config schema is a valid JSON Schema', () => {
  const ajv = new Ajv({ strict: false });
  expect(ajv.validateSchema(CONFIG_SCHEMA)).toBe(true);
});

async function writeConfig(text: string, name = 'specgate.yaml'): Promise<void> {
  await writeFile(path.join(directory, name), text);
}

/** Loads the config in `directory` and returns the SpecgateError it raises. */
async function configError(text: string): Promise<SpecgateError> {
  await writeConfig(text);
  const error = await loadConfig(directory).then(
    () => new Error('expected a SpecgateError, but the config loaded'),
    (caught: unknown) => caught,
  );
  if (error instanceof SpecgateError) return error;
  throw error;
}

describe('loadConfig', () => {
  it('loads a valid file with every section', async () => {
    await writeConfig(
      lines(
        'apis:',
        '  - name: orders',
        '    spec: specs/orders.yaml',
        '    owner: team-orders',
        '    stability: stable',
        '  - name: customers',
        '    spec: ./customers/openapi.json',
        'lint:',
        '  extends: [recommended]',
        '  rules:',
        '    operation-description: warn',
        'diff:',
        '  failOn: warning',
        '  levels:',
        '    response-property-removed: off',
        'waivers:',
        '  - fingerprint: 0123456789abcdef',
        '    id: operation-description',
        '    reason: Documented in the orders guide',
        '    owner: team-orders',
        '    expires: 2026-12-31',
      ),
    );
    const config = await loadConfig(directory);
    expect(config).toEqual({
      file: path.join(directory, 'specgate.yaml'),
      directory,
      apis: [
        {
          name: 'orders',
          spec: path.join(directory, 'specs', 'orders.yaml'),
          owner: 'team-orders',
          stability: 'stable',
        },
        { name: 'customers', spec: path.join(directory, 'customers', 'openapi.json') },
      ],
      lint: { extends: ['recommended'], rules: { 'operation-description': 'warn' } },
      diff: { failOn: 'warning', levels: { 'response-property-removed': 'off' } },
      policy: {},
      waivers: [
        {
          fingerprint: '0123456789abcdef',
          id: 'operation-description',
          reason: 'Documented in the orders guide',
          owner: 'team-orders',
          expires: '2026-12-31',
        },
      ],
    });
  });

  it('fills in defaults for absent sections', async () => {
    await writeConfig(lines('apis: []'));
    const config = await loadConfig(directory);
    expect(config).toEqual({
      file: path.join(directory, 'specgate.yaml'),
      directory,
      apis: [],
      lint: { rules: {} },
      diff: { failOn: 'error', levels: {} },
      policy: {},
      waivers: [],
    });
  });

  it('returns the defaults when no config file exists', async () => {
    expect(await loadConfig(directory)).toEqual({
      file: null,
      directory,
      apis: [],
      lint: { rules: {} },
      diff: { failOn: 'error', levels: {} },
      policy: {},
      waivers: [],
    });
    expect(defaultConfig(directory)).toEqual(await loadConfig(directory));
  });

  it('finds specgate.yml when specgate.yaml is absent', async () => {
    expect(CONFIG_FILE_NAMES).toEqual(['specgate.yaml', 'specgate.yml']);
    await writeConfig(lines('diff:', '  failOn: info'), 'specgate.yml');
    const config = await loadConfig(directory);
    expect(config.file).toBe(path.join(directory, 'specgate.yml'));
    expect(config.diff.failOn).toBe('info');
  });

  it('loads an explicit config path', async () => {
    await writeConfig(lines('apis:', '  - name: a', '    spec: a.yaml'), 'custom.yaml');
    const config = await loadConfig(path.join(directory, 'sub', '..'), 'custom.yaml');
    expect(config.file).toBe(path.join(directory, 'custom.yaml'));
    expect(config.directory).toBe(directory);
    expect(config.apis[0]?.spec).toBe(path.join(directory, 'a.yaml'));
  });

  it('raises FILE_NOT_FOUND for a missing explicit path', async () => {
    const error = await loadConfig(directory, 'nope.yaml').catch((caught: unknown) => caught);
    expect((error as SpecgateError).code).toBe('FILE_NOT_FOUND');
    expect((error as SpecgateError).message).toBe(
      'nope.yaml: file not found. Check the path, or create the file.',
    );
  });

  it('raises PARSE_ERROR for invalid YAML', async () => {
    const error = await configError(lines('apis:', '  - name: a', ' spec: b'));
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.message).toMatch(/^specgate\.yaml:3:\d+: invalid YAML \(/);
  });
});

describe('loadConfig validation', () => {
  it('names the place, key and allowed values of a bad enum', async () => {
    const error = await configError(
      lines('apis:', '  - name: orders', '    spec: a.yaml', '    stability: gold'),
    );
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.file).toBe('specgate.yaml');
    expect(error.message).toBe(
      'specgate.yaml:4:5: apis[0].stability must be one of draft, alpha, beta, stable, deprecated.',
    );
  });

  it('names the allowed levels of diff.failOn', async () => {
    const error = await configError(lines('diff:', '  failOn: critical'));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe(
      'specgate.yaml:2:3: diff.failOn must be one of error, warning, info.',
    );
  });

  it('names the allowed severities of a lint rule', async () => {
    const error = await configError(lines('lint:', '  rules:', '    operation-summary: fatal'));
    expect(error.message).toBe(
      'specgate.yaml:3:5: lint.rules.operation-summary must be one of error, warn, off.',
    );
  });

  it('names a missing required key at the item that lacks it', async () => {
    const error = await configError(lines('apis:', '  - name: orders', '    owner: team'));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe('specgate.yaml:2:3: apis[0] is missing the required key "spec".');
  });

  it('names a missing waiver field', async () => {
    const error = await configError(
      lines(
        'waivers:',
        '  - fingerprint: 0123456789abcdef',
        '    reason: Known gap',
        '    owner: team',
      ),
    );
    expect(error.message).toBe(
      'specgate.yaml:2:3: waivers[0] is missing the required key "expires".',
    );
  });

  it('names the expected form of a bad fingerprint', async () => {
    const error = await configError(
      lines(
        'waivers:',
        '  - fingerprint: not-a-hash',
        '    reason: Known gap',
        '    owner: team',
        '    expires: 2026-01-31',
      ),
    );
    expect(error.message).toBe(
      'specgate.yaml:2:5: waivers[0].fingerprint does not match the expected form (^[0-9a-f]{16}$).',
    );
  });

  it('says to quote a number where a string belongs', async () => {
    const error = await configError(
      lines(
        'waivers:',
        '  - fingerprint: 0000000000000000 # all zeros',
        '    reason: Known gap',
        '    owner: team',
        '    expires: 2026-01-31',
      ),
    );
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe(
      'specgate.yaml:2:5: waivers[0].fingerprint must be a string; quote it: fingerprint: "0000000000000000".',
    );
  });

  it('says to quote a boolean where a string belongs', async () => {
    const error = await configError(lines('apis:', '  - name: true', '    spec: openapi.yaml'));
    expect(error.message).toBe(
      'specgate.yaml:2:5: apis[0].name must be a string; quote it: name: "true".',
    );
  });

  it('names a value of the wrong type', async () => {
    const error = await configError(lines('diff:', '  failOn: error', 'apis: orders'));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe(
      'specgate.yaml:3:1: apis must be a list; write each item on its own line after `- `.',
    );
  });

  it('names an unknown key', async () => {
    const error = await configError(lines('apis: []', 'failon: error'));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe(
      'specgate.yaml:2:1: unknown key "failon" in the top level. Remove it or fix its spelling. Allowed keys: apis, lint, diff, policy, waivers.',
    );
  });

  it('names an unknown key inside a section', async () => {
    const error = await configError(lines('diff:', '  failOn: error', '  fail-on: warning'));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe(
      'specgate.yaml:3:3: unknown key "fail-on" in diff. Remove it or fix its spelling. Allowed keys: failOn, levels.',
    );
  });

  it('names a plugin rule with its slash', async () => {
    const error = await configError(lines('lint:', '  rules:', '    my-plugin/no-x: fatal'));
    expect(error.message).toBe(
      'specgate.yaml:3:5: lint.rules.my-plugin/no-x must be one of error, warn, off.',
    );
  });

  it('reads a comment-only file as the defaults', async () => {
    await writeFile(path.join(directory, 'specgate.yaml'), '# nothing configured yet\n');
    const config = await loadConfig(directory);
    expect(config.apis).toEqual([]);
    expect(config.file).toBe(path.join(directory, 'specgate.yaml'));
  });

  it('reads the policy section with an unquoted today', async () => {
    await writeConfig(
      lines(
        'policy:',
        '  presets: [github]',
        '  today: 2026-12-04',
        '  deprecation:',
        '    minNoticeDays: { beta: 60 }',
        '  levels:',
        '    replacement-missing: off',
      ),
    );
    const config = await loadConfig(directory);
    expect(config.policy).toEqual({
      presets: ['github'],
      today: '2026-12-04',
      deprecation: { minNoticeDays: { beta: 60 } },
      levels: { 'replacement-missing': 'off' },
    });
  });

  it('names an unknown preset', async () => {
    const error = await configError(lines('policy:', '  presets: [stripe]'));
    expect(error.message).toBe(
      'specgate.yaml:2:13: policy.presets[0] must be one of github, google-aip, zalando, azure, graph.',
    );
  });

  it('names an impossible policy.today', async () => {
    const error = await configError(lines('policy:', "  today: '2026-02-30'"));
    expect(error.message).toBe(
      'specgate.yaml:2:3: policy.today "2026-02-30" is not a real date. Use YYYY-MM-DD.',
    );
  });

  it('names a path pattern that does not compile', async () => {
    const error = await configError(lines('policy:', '  versioning:', "    pathPattern: '^/v('"));
    expect(error.message).toBe(
      'specgate.yaml:3:5: policy.versioning.pathPattern "^/v(" is not a valid regular expression. Fix it, e.g. "^/v(?<major>[0-9]+)(?:/|$)".',
    );
  });
});
