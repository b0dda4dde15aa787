import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { specgateRules } from './index.js';

const RULES_FOLDER = fileURLToPath(new URL('.', import.meta.url));

describe('specgate ruleset', () => {
  it('names each rule file after its rule id and tests each rule', async () => {
    const files = await readdir(RULES_FOLDER);
    const ruleFiles = files.filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
    const ids = specgateRules.map((rule) => rule.id);

    expect(ruleFiles.filter((file) => file !== 'index.ts').sort()).toEqual(
      ids.map((id) => `${id}.ts`).sort(),
    );
    for (const id of ids) expect(files).toContain(`${id}.test.ts`);
  });

  it('keeps ids unique, kebab-case and in order', () => {
    const ids = specgateRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
  });
});
