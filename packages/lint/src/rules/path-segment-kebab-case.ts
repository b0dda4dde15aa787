import type { UserContext } from '@redocly/openapi-core';

import { isCamelCase, isKebabCase, toCamelCase, toKebabCase } from '../casing.js';
import type { SpecgateRule } from '../rule.js';

const TEMPLATE = /\{([^{}]*)\}/g;

/** Names that break the casing rules in one path: literal segments and path parameters. */
interface CasingViolations {
  segments: string[];
  parameters: string[];
}

function findViolations(path: string): CasingViolations {
  const violations: CasingViolations = { segments: [], parameters: [] };
  for (const segment of path.split('/')) {
    if (segment === '') continue;
    const parameters = [...segment.matchAll(TEMPLATE)].map((match) => match[1] ?? '');
    if (parameters.length === 0 && !isKebabCase(segment)) violations.segments.push(segment);
    violations.parameters.push(...parameters.filter((name) => name !== '' && !isCamelCase(name)));
  }
  return violations;
}

function describe(violations: CasingViolations): string {
  const parts: string[] = [];
  if (violations.segments.length > 0) {
    const names = violations.segments.map((segment) => `\`${segment}\``).join(', ');
    const fixes = violations.segments.map((segment) => `\`${toKebabCase(segment)}\``).join(', ');
    parts.push(`segments ${names} are not kebab-case (use ${fixes})`);
  }
  if (violations.parameters.length > 0) {
    const names = violations.parameters.map((name) => `\`{${name}}\``).join(', ');
    const fixes = violations.parameters.map((name) => `\`{${toCamelCase(name)}}\``).join(', ');
    parts.push(`path parameters ${names} are not camelCase (use ${fixes})`);
  }
  return parts.join(', and ');
}

function pathSegmentKebabCaseVisitor() {
  return {
    Paths(paths: Record<string, unknown>, ctx: UserContext) {
      for (const path of Object.keys(paths)) {
        const violations = findViolations(path);
        if (violations.segments.length === 0 && violations.parameters.length === 0) continue;
        ctx.report({
          message: `In path \`${path}\`, ${describe(violations)}. Rename them; the parameter names must change in the parameter definitions too.`,
          location: ctx.location.child([path]).key(),
        });
      }
    },
  };
}

/** Literal path segments are kebab-case and path parameter names are camelCase. */
export const pathSegmentKebabCase: SpecgateRule = {
  id: 'path-segment-kebab-case',
  severity: 'warn',
  description: 'Literal path segments are kebab-case and path parameter names are camelCase.',
  oas3: pathSegmentKebabCaseVisitor,
  oas2: pathSegmentKebabCaseVisitor,
};
