/**
 * JSON Schema (draft 2020-12) of the document `renderJson` writes, schemaVersion 1. Adding
 * optional fields keeps the version; renaming or removing one bumps it.
 */
const nullableString = { type: ['string', 'null'] };

const operation = {
  type: ['object', 'null'],
  required: ['method', 'path', 'operationId'],
  additionalProperties: false,
  properties: { method: { type: 'string' }, path: { type: 'string' }, operationId: nullableString },
};

const lifecycle = {
  type: 'object',
  required: [
    'deprecated',
    'deprecatedAt',
    'sunset',
    'daysToSunset',
    'stability',
    'replacedBy',
    'migrationGuide',
  ],
  additionalProperties: false,
  properties: {
    deprecated: { type: 'boolean' },
    deprecatedAt: nullableString,
    sunset: nullableString,
    daysToSunset: { type: ['integer', 'null'] },
    stability: { enum: ['draft', 'alpha', 'beta', 'stable'] },
    replacedBy: nullableString,
    migrationGuide: nullableString,
  },
};

const entry = {
  type: 'object',
  required: ['anchor', 'operation', 'summary', 'changes', 'lifecycle'],
  additionalProperties: false,
  properties: {
    anchor: { type: 'string', pattern: '^[a-z0-9-]+$' },
    operation,
    summary: nullableString,
    changes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'level', 'kind', 'message'],
        additionalProperties: false,
        properties: {
          id: { type: 'string' },
          level: { enum: ['error', 'warning', 'info'] },
          kind: { enum: ['breaking', 'deprecated', 'added', 'changed'] },
          message: { type: 'string' },
        },
      },
    },
    lifecycle: { oneOf: [lifecycle, { type: 'null' }] },
  },
};

const sectionNames = ['breaking', 'deprecated', 'added', 'changed'];

const release = {
  type: 'object',
  required: [
    'version',
    'previousVersion',
    'date',
    'ref',
    'anchor',
    'breaking',
    'counts',
    'versioning',
    'sections',
  ],
  additionalProperties: false,
  properties: {
    version: nullableString,
    previousVersion: nullableString,
    date: { type: ['string', 'null'], format: 'date' },
    ref: nullableString,
    anchor: { type: 'string', pattern: '^[a-z0-9-]+$' },
    breaking: { type: 'boolean' },
    counts: {
      type: 'object',
      required: sectionNames,
      additionalProperties: false,
      properties: Object.fromEntries(sectionNames.map((name) => [name, { type: 'integer' }])),
    },
    versioning: {
      type: 'object',
      required: ['bump', 'suggested', 'follows', 'note'],
      additionalProperties: false,
      properties: {
        bump: { enum: ['major', 'minor', 'patch', null] },
        suggested: nullableString,
        follows: { type: ['boolean', 'null'] },
        note: nullableString,
      },
    },
    sections: {
      type: 'object',
      required: sectionNames,
      additionalProperties: false,
      properties: Object.fromEntries(
        sectionNames.map((name) => [name, { type: 'array', items: entry }]),
      ),
    },
  },
};

export const CHANGELOG_JSON_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'specgate changelog',
  type: 'object',
  required: ['schemaVersion', 'api', 'today', 'releases', 'baseline', 'deprecations'],
  additionalProperties: false,
  properties: {
    schemaVersion: { const: 1 },
    api: {
      type: 'object',
      required: ['name', 'title', 'owner', 'stability'],
      additionalProperties: false,
      properties: {
        name: { type: 'string' },
        title: { type: 'string' },
        owner: nullableString,
        stability: nullableString,
      },
    },
    today: { type: 'string', format: 'date' },
    releases: { type: 'array', items: release },
    baseline: {
      type: 'object',
      required: ['version', 'date', 'ref', 'operations'],
      additionalProperties: false,
      properties: {
        version: nullableString,
        date: { type: ['string', 'null'], format: 'date' },
        ref: nullableString,
        operations: { type: 'integer' },
      },
    },
    deprecations: {
      type: 'array',
      items: {
        type: 'object',
        required: ['anchor', 'operation', 'summary', 'lifecycle'],
        additionalProperties: false,
        properties: { anchor: { type: 'string' }, operation, summary: nullableString, lifecycle },
      },
    },
  },
} as const;
