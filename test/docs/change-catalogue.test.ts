import { readFileSync } from 'node:fs';

import { renderCatalogue } from '@specgate/diff';
import { expect, test } from 'vitest';

test('committed change catalogue is current', () => {
  const committed = readFileSync(
    new URL('../../docs/change-catalogue.md', import.meta.url),
    'utf8',
  );
  // Run `pnpm build && node scripts/change-catalogue.mjs` when this fails.
  expect(committed).toBe(renderCatalogue());
});
