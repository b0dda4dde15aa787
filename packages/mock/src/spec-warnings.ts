import { escapeSegment, type SpecDocument } from '@specgate/core';

/** A spec pattern under which the mock accepts values it should reject, with where it is. */
export interface SpecWarning {
  file: string;
  line: number;
  pointer: string;
  message: string;
}

/**
 * Finds spec patterns under which Prism 5.12 accepts requests without checking them.
 * An `enum` that lists `null` is the known case: the test suite shows a whole request
 * body passing with wrong types in unrelated properties. Request content declared
 * without a schema is reported too, because nothing can validate it.
 */
export function findSpecWarnings(document: SpecDocument): SpecWarning[] {
  const warnings: SpecWarning[] = [];
  for (const file of document.files.values()) {
    walk(file.data, '', (value, pointer, key) => {
      const message = warningAt(value, pointer, key);
      if (message === undefined) return;
      warnings.push({ file: file.displayPath, line: file.locate(pointer).line, pointer, message });
    });
  }
  return warnings;
}

function warningAt(value: unknown, pointer: string, key: string): string | undefined {
  if (key === 'enum' && Array.isArray(value) && value.includes(null)) {
    return 'enum lists null, and Prism 5.12 then accepts any request body or parameter value that contains this schema; drop null from the enum and allow it with nullable: true (OpenAPI 3.0) or a "null" type (3.1)';
  }
  const requestMedia = /\/requestBody\/content\/[^/]+$/.test(pointer);
  if (requestMedia && isObject(value) && value['schema'] === undefined) {
    return 'request content has no schema, so request bodies of this media type are not validated; add a schema';
  }
  return undefined;
}

function walk(
  value: unknown,
  pointer: string,
  visit: (value: unknown, pointer: string, key: string) => void,
  key = '',
  depth = 0,
): void {
  visit(value, pointer, key);
  if (depth > 200 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((item, index) =>
      walk(item, `${pointer}/${index}`, visit, String(index), depth + 1),
    );
    return;
  }
  for (const [name, item] of Object.entries(value)) {
    if (name === 'example' || name === 'examples') continue;
    walk(item, `${pointer}/${escapeSegment(name)}`, visit, name, depth + 1);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
