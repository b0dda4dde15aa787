import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

// @ts-expect-error: a plain JavaScript build script without type declarations.
import { configValidatorSource } from '../scripts/config-validator.mjs';
import { CONFIG_SCHEMA } from './config-schema.js';
import { validate } from './config-validator.generated.js';

describe('the generated config validator', () => {
  it('matches the current config schema', async () => {
    const generated = await readFile(
      new URL('./config-validator.generated.ts', import.meta.url),
      'utf8',
    );
    // When this fails, run: npx tsc -b packages/core && node packages/core/scripts/config-validator.mjs
    expect(generated).toBe(await configValidatorSource(CONFIG_SCHEMA));
  });

  it('reports an unknown top-level key with ajv error details', () => {
    expect(validate({ lint: {}, colour: 'red' })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({
      instancePath: '',
      keyword: 'additionalProperties',
      params: { additionalProperty: 'colour' },
    });
  });
});
