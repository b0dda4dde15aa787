// Writes dist/config-validator.generated.cjs, a standalone ajv validator of the config
// schema, so commands validate specgate.yaml without importing ajv and compiling the schema.
// Runs after `tsc -b` (it uses dist/): node packages/core/scripts/build-config-validator.mjs
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { configValidatorSource } from '../dist/config-validator.js';

const target = fileURLToPath(new URL('../dist/config-validator.generated.cjs', import.meta.url));
writeFileSync(target, configValidatorSource());
