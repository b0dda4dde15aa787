import { createRequire } from 'node:module';

import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

import { CONFIG_SCHEMA } from './config-schema.js';
import {
  configSchemaDigest,
  configValidatorSource,
  type ConfigValidator,
} from './config-validator.js';

type Prebuilt = ConfigValidator & { schemaDigest?: unknown };

/** Evaluates the generated source as the CommonJS module the build writes. */
function loadPrebuilt(): Prebuilt {
  const module = { exports: {} as Prebuilt };
  const run = new Function('module', 'exports', 'require', configValidatorSource());
  run(module, module.exports, createRequire(import.meta.url));
  return module.exports;
}

describe('prebuilt config validator', () => {
  it('carries the digest of the schema', () => {
    expect(loadPrebuilt().schemaDigest).toBe(configSchemaDigest());
  });

  it('reports what a compiled validator reports', () => {
    const prebuilt = loadPrebuilt();
    const compiled = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(
      CONFIG_SCHEMA,
    );
    const configs = [
      {},
      { apis: [{ name: 'orders', spec: 'orders.yaml' }] },
      { apis: [{ name: 1 }] },
      { unknownKey: true },
      { lint: { rules: { 'operation-summary': 'loud' } } },
      { diff: { failOn: 'sometimes' } },
      { waivers: [{ fingerprint: 'a' }] },
    ];
    for (const config of configs) {
      expect(prebuilt(config)).toBe(compiled(config));
      expect(prebuilt.errors ?? null).toEqual(compiled.errors ?? null);
    }
  });
});
