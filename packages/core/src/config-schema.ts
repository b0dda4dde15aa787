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
          additionalProperties: { enum: ['error', 'warning', 'info', 'off'] },
        },
      },
    },
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
