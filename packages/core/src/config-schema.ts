const LEVEL_OR_OFF = { enum: ['error', 'warning', 'info', 'off'] } as const;
const STABILITY_LEVEL = { enum: ['draft', 'alpha', 'beta', 'stable'] } as const;
const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const NAMES = { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } } as const;
const DAYS = { type: 'integer', minimum: 0 } as const;

/** A value per stability level; levels left out keep the preset or default value. */
function perStability(value: object) {
  return {
    type: 'object',
    additionalProperties: false,
    properties: { draft: value, alpha: value, beta: value, stable: value },
  } as const;
}

/** The `policy` section: lifecycle (deprecation, sunset, versioning) rules of `specgate check`. */
const POLICY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    presets: {
      type: 'array',
      description: 'Named value sets applied in order before the keys below.',
      items: { enum: ['github', 'google-aip', 'zalando', 'azure', 'graph'] },
    },
    today: {
      ...DATE,
      description: 'The day the policy compares dates with, for reproducible runs.',
    },
    extensions: {
      type: 'object',
      additionalProperties: false,
      description: 'Extension names lifecycle facts are read from, first match wins.',
      properties: {
        sunset: NAMES,
        deprecatedAt: NAMES,
        stability: NAMES,
        replacedBy: NAMES,
        migrationGuide: NAMES,
        sinceDate: NAMES,
      },
    },
    stability: {
      type: 'object',
      additionalProperties: false,
      properties: { default: STABILITY_LEVEL, enforceFrom: STABILITY_LEVEL },
    },
    deprecation: {
      type: 'object',
      additionalProperties: false,
      properties: {
        requireSunset: perStability({ type: 'boolean' }),
        requireDeprecatedAt: perStability({ type: 'boolean' }),
        minNoticeDays: perStability(DAYS),
        maxNoticeDays: { anyOf: [DAYS, { type: 'null' }] },
        minNoticeFromToday: { type: 'boolean' },
        backdateToleranceDays: DAYS,
      },
    },
    removal: {
      type: 'object',
      additionalProperties: false,
      properties: { requireNoTrafficDays: DAYS },
    },
    versioning: {
      type: 'object',
      additionalProperties: false,
      properties: {
        scheme: { enum: ['path', 'header', 'query', 'none'] },
        pathPattern: { type: 'string', minLength: 1 },
        supersededSupportDays: DAYS,
        previewMaxAgeDays: DAYS,
      },
    },
    levels: {
      type: 'object',
      description: 'Level per policy check id, overriding the built-in one.',
      additionalProperties: LEVEL_OR_OFF,
    },
  },
} as const;

/** JSON Schema of `specgate.yaml`, used to validate it before anything runs. */
export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://specgate.dev/schemas/specgate.schema.json',
  title: 'specgate.yaml',
  type: 'object',
  additionalProperties: false,
  properties: {
    apis: {
      type: 'array',
      description: 'The APIs this repository governs.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'spec'],
        properties: {
          name: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]*$' },
          spec: {
            type: 'string',
            minLength: 1,
            description: 'Root file, relative to specgate.yaml.',
          },
          owner: { type: 'string' },
          stability: { enum: ['draft', 'alpha', 'beta', 'stable', 'deprecated'] },
        },
      },
    },
    lint: {
      type: 'object',
      additionalProperties: false,
      properties: {
        extends: { type: 'array', items: { type: 'string' } },
        rules: {
          type: 'object',
          additionalProperties: { enum: ['error', 'warn', 'off'] },
        },
      },
    },
    diff: {
      type: 'object',
      additionalProperties: false,
      properties: {
        failOn: { enum: ['error', 'warning', 'info'] },
        levels: {
          type: 'object',
          description: 'Level per change id, overriding the built-in one.',
          additionalProperties: LEVEL_OR_OFF,
        },
      },
    },
    policy: POLICY_SCHEMA,
    waivers: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['fingerprint', 'reason', 'owner', 'expires'],
        properties: {
          fingerprint: { type: 'string', pattern: '^[0-9a-f]{16}$' },
          id: { type: 'string' },
          reason: { type: 'string', minLength: 1 },
          owner: { type: 'string', minLength: 1 },
          expires: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        },
      },
    },
  },
} as const;
