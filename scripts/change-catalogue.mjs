// Writes docs/change-catalogue.md from the change kinds in packages/diff/src/kinds.
// Run after `pnpm build`; a test fails while the committed page is out of date.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { renderCatalogue } from '../packages/diff/dist/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(repoRoot, 'docs/change-catalogue.md');
writeFileSync(target, renderCatalogue());
console.log(`wrote ${path.relative(repoRoot, target)}`);
