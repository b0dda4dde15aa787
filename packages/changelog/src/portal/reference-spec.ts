import { SpecgateError } from '@specgate/core';
import { readLifecycle } from '@specgate/policy';

import { daysBetween } from '../lifecycle-facts.js';
import { daysText } from '../render-markdown.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Bundles a spec and its `$ref` files into one document with Redocly's bundler, so the
 * portal can offer one file to download and hand one object to the reference renderer.
 */
export async function bundleSpec(specPath: string): Promise<Record<string, unknown>> {
  // Loaded here so that changelogs, which never bundle, do not pay for Redocly's start-up.
  const { bundle, createConfig } = await import('@redocly/openapi-core');
  const config = await createConfig({});
  try {
    const result = await bundle({ ref: specPath, config, dereference: false });
    return result.bundle.parsed as Record<string, unknown>;
  } catch (error) {
    throw new SpecgateError(
      'INVALID_DOCUMENT',
      `${specPath}: the spec could not be bundled for the portal (${(error as Error).message}). Run specgate lint on it.`,
      { file: specPath, cause: error },
    );
  }
}

/**
 * Returns a copy of a bundled spec whose deprecated operations state their sunset date
 * in the summary and description, because the reference renderer shows only a
 * "deprecated" badge.
 */
export function markDeprecations(
  spec: Record<string, unknown>,
  today: string,
): Record<string, unknown> {
  const copy = structuredClone(spec);
  const paths = copy['paths'];
  if (paths === null || typeof paths !== 'object') return copy;
  for (const item of Object.values(paths as Record<string, unknown>)) {
    if (item === null || typeof item !== 'object') continue;
    for (const method of METHODS) {
      const operation = (item as Record<string, unknown>)[method];
      if (operation === null || typeof operation !== 'object') continue;
      markOperation(operation as Record<string, unknown>, today);
    }
  }
  return copy;
}

function markOperation(operation: Record<string, unknown>, today: string): void {
  const lifecycle = readLifecycle(operation);
  if (!lifecycle.deprecated) return;
  const sunset = lifecycle.sunset;
  const summary = typeof operation['summary'] === 'string' ? operation['summary'] : '';
  operation['summary'] = `${summary} (deprecated${sunset ? `, sunset ${sunset}` : ''})`.trim();
  const notes = [
    `**Deprecated**${lifecycle.deprecatedAt ? ` since ${lifecycle.deprecatedAt}` : ''}.`,
    sunset
      ? `**Sunset: ${sunset}** (${daysText(daysBetween(today, sunset))}).`
      : 'No sunset date is announced.',
  ];
  if (lifecycle.replacedBy) notes.push(`Replaced by \`${lifecycle.replacedBy}\`.`);
  if (lifecycle.migrationGuide) notes.push(`Migration guide: ${lifecycle.migrationGuide}`);
  const description = typeof operation['description'] === 'string' ? operation['description'] : '';
  operation['description'] = `${notes.join(' ')}\n\n${description}`.trimEnd();
}
