import { describe, expect, it } from 'vitest';

import { createLintConfig } from './lint-config.js';

describe('createLintConfig', () => {
  it('keeps preset options when a severity is overridden', async () => {
    const config = await createLintConfig({
      rules: { 'specgate/server-https': 'warn', 'no-invalid-media-type-examples': 'error' },
    });
    expect(config.rules.oas3_1['specgate/server-https']).toEqual({
      severity: 'warn',
      allowLocalhost: false,
    });
    expect(config.rules.oas3_0['no-invalid-media-type-examples']).toEqual({
      severity: 'error',
      allowAdditionalProperties: false,
    });
    expect(config.rules.oas2['specgate/server-https']).toEqual({
      severity: 'warn',
      allowLocalhost: false,
    });
  });

  it('turns on a rule the presets leave off', async () => {
    const config = await createLintConfig({ rules: { 'operation-description': 'error' } });
    expect(config.rules.oas3_1['operation-description']).toBe('error');
  });

  it('expands specgate-strict to recommended-strict and the strict plugin preset', async () => {
    const config = await createLintConfig({ extends: ['specgate-strict'] });
    expect(config.rules.oas3_1['operation-4xx-response']).toBe('error');
    expect(config.rules.oas3_1['specgate/path-segment-kebab-case']).toBe('error');
  });

  it('rejects an invalid severity', async () => {
    const rules = { 'specgate/server-https': 'fatal' } as unknown as Record<string, 'error'>;
    await expect(createLintConfig({ rules })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message:
        'lint rule "specgate/server-https" in rules has severity "fatal". Use "error", "warn" or "off".',
    });
  });

  it('rejects a rule that needs options a severity cannot give', async () => {
    await expect(
      createLintConfig({ rules: { 'response-mime-type': 'warn' } }),
    ).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message:
        'lint rule "response-mime-type" in rules is turned on without its required option "allowedValues", which a severity override cannot set. Turn it off, or extend a preset that configures it.',
    });
  });

  it('accepts the same rule when the preset configures its options', async () => {
    const config = await createLintConfig({
      extends: ['all'],
      rules: { 'response-mime-type': 'warn' },
    });
    expect(config.rules.oas3_1['response-mime-type']).toMatchObject({ severity: 'warn' });
  });

  it('suggests nothing for a name far from every rule', async () => {
    await expect(
      createLintConfig({ rules: { 'completely-unknown-check': 'off' } }),
    ).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message:
        'unknown lint rule "completely-unknown-check" in rules. Check the spelling. specgate rules are named "specgate/<rule>"; Redocly\'s built-in rules have no prefix.',
    });
  });

  it('names the line and column of an unknown rule in the config file', async () => {
    const pointers: string[] = [];
    await expect(
      createLintConfig({
        rules: { 'specgate/no-such-rule': 'warn' },
        configFile: 'specgate.yaml',
        locate: (pointer) => {
          pointers.push(pointer);
          return { line: 15, column: 5 };
        },
      }),
    ).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message:
        'specgate.yaml:15:5: unknown lint rule "specgate/no-such-rule" in lint.rules. Check the spelling. specgate rules are named "specgate/<rule>"; Redocly\'s built-in rules have no prefix.',
    });
    expect(pointers).toEqual(['/lint/rules/specgate~1no-such-rule']);
  });
});
