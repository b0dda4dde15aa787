import type { Source, UserContext } from '@redocly/openapi-core';
import { resolvePlain } from '@specgate/core';

import { isCamelCase, toCamelCase } from '../casing.js';
import type { SpecgateRule } from '../rule.js';
import { SourceLocations } from '../source-locations.js';

/** Source locations by file, built when a key's written form is needed. */
const keyLocations = new WeakMap<Source, SourceLocations>();

function propertyNameCamelCaseVisitor() {
  return {
    SchemaProperties(properties: Record<string, unknown>, ctx: UserContext) {
      for (const name of Object.keys(properties)) {
        if (isCamelCase(name)) continue;
        const written = writtenName(name, ctx);
        ctx.report({
          message: `Property "${written}" is not camelCase. ${renameAdvice(written)}, so every payload uses one naming style.`,
          location: ctx.location.child([name]).key(),
        });
      }
    },
  };
}

/**
 * Returns a property name as the file writes it. YAML reads a plain key such as `0x1F` as a
 * number, so the parsed name ("31") is not what the author wrote.
 */
function writtenName(name: string, ctx: UserContext): string {
  // Only a name that YAML reads as a non-string, such as "31", can differ from its key.
  // NOTE: a key written `.inf` or `.nan` becomes "Infinity" or "NaN" and is shown that way.
  if (resolvePlain(name) === name) return name;

  const source = ctx.location.source;
  let locations = keyLocations.get(source);
  if (locations === undefined) {
    locations = new SourceLocations(() => source.body);
    keyLocations.set(source, locations);
  }
  const written = locations.keyText(source.absoluteRef, ctx.location.child([name]).pointer);

  // A quoted key, or another key found because the text does not show this one, is not used.
  return written !== null && String(resolvePlain(written)) === name ? written : name;
}

/** Suggests a camelCase form of the name, or describes one when the name has none (`0x1F`, `2fa`). */
function renameAdvice(name: string): string {
  const suggestion = toCamelCase(name);
  return isCamelCase(suggestion)
    ? `Rename it, for example to "${suggestion}"`
    : 'Rename it to a name that starts with a lowercase letter and has only letters and digits';
}

/** Schema property names are camelCase. */
export const propertyNameCamelCase: SpecgateRule = {
  id: 'property-name-camel-case',
  severity: 'warn',
  description: 'Schema property names are camelCase.',
  oas3: propertyNameCamelCaseVisitor,
  oas2: propertyNameCamelCaseVisitor,
};
