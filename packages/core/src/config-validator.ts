import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

import type { ErrorObject, Options } from 'ajv';

import { CONFIG_SCHEMA } from './config-schema.js';

/** A compiled validator of `specgate.yaml`, as ajv returns it. */
export type ConfigValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

// The schema is ours and fixed, so checking it against the JSON Schema meta-schema and
// optimising the generated code would only add start-up time to every command.
const AJV_OPTIONS: Options = {
  allErrors: true,
  strict: false,
  verbose: true,
  validateSchema: false,
  code: { optimize: false },
};

// ajv takes about a third of a second to import, so it is loaded only when a config file
// exists and no validator was built ahead.
const require = createRequire(import.meta.url);
let validator: ConfigValidator | undefined;

/**
 * Returns the validator of the config schema: the one `scripts/build-config-validator.mjs`
 * wrote next to this module at build time when it was made from this schema, else one
 * compiled now. The prebuilt one spares every command importing ajv and compiling.
 */
export function configValidator(): ConfigValidator {
  validator ??= prebuiltValidator() ?? compileValidator();
  return validator;
}

/** Returns the SHA-256 of the config schema, which a prebuilt validator must carry to be used. */
export function configSchemaDigest(): string {
  return createHash('sha256').update(JSON.stringify(CONFIG_SCHEMA)).digest('hex');
}

/** Generates the CommonJS source of a standalone validator of the config schema. */
export function configValidatorSource(): string {
  const { Ajv } = require('ajv') as typeof import('ajv');
  const standalone = require('ajv/dist/standalone') as {
    default: (ajv: InstanceType<typeof Ajv>, validate: ConfigValidator) => string;
  };
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { ...AJV_OPTIONS.code, source: true } });
  const source = standalone.default(ajv, ajv.compile(CONFIG_SCHEMA));
  return `${source}\nmodule.exports.schemaDigest = ${JSON.stringify(configSchemaDigest())};\n`;
}

function prebuiltValidator(): ConfigValidator | undefined {
  let prebuilt: ConfigValidator & { schemaDigest?: unknown };
  try {
    prebuilt = require('./config-validator.generated.cjs') as typeof prebuilt;
  } catch {
    return undefined;
  }
  return prebuilt.schemaDigest === configSchemaDigest() ? prebuilt : undefined;
}

function compileValidator(): ConfigValidator {
  const { Ajv } = require('ajv') as typeof import('ajv');
  return new Ajv(AJV_OPTIONS).compile(CONFIG_SCHEMA);
}
