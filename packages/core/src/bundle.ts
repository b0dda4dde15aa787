import path from 'node:path';

import { escapeSegment } from './pointer.js';
import { resolveFilePath, splitRef, type SpecDocument } from './spec-document.js';

/** The root key under which {@link bundleSpec} places the content of the other files. */
export const BUNDLED_FILES_KEY = 'x-specgate-files';

/**
 * Returns the spec as one document, for tools that read a single object and follow only
 * local `$ref`s. Every file other than the root goes under `x-specgate-files`, keyed by its
 * path relative to the root file's folder, and each `$ref` is rewritten to the local pointer
 * of its target, so cycles stay cycles and nothing is copied twice. A spec in one file is
 * returned as it is. The documents of the spec are not changed.
 */
export function bundleSpec(document: SpecDocument): Record<string, unknown> {
  const root = document.rootFile;
  if (document.files.size <= 1) return document.root;
  const keys = new Map<string, string>();
  for (const file of document.files.values()) {
    if (file.path === root.path) continue;
    const relative = /^https?:/.test(file.path)
      ? file.path
      : path.relative(path.dirname(root.path), file.path).split(path.sep).join('/');
    keys.set(file.path, relative);
  }
  const pointerOf = (target: string, fragment: string): string => {
    const key = keys.get(target);
    return key === undefined
      ? `#${fragment}`
      : `#/${BUNDLED_FILES_KEY}/${escapeSegment(key)}${fragment}`;
  };
  const rewrite = (value: unknown, fromPath: string): unknown => {
    if (Array.isArray(value)) return value.map((item) => rewrite(item, fromPath));
    if (value === null || typeof value !== 'object') return value;
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') {
        const [filePart, fragment] = splitRef(child);
        const target = filePart === '' ? fromPath : resolveFilePath(filePart, fromPath);
        copy[key] = pointerOf(target, fragment);
      } else {
        copy[key] = rewrite(child, fromPath);
      }
    }
    return copy;
  };
  const bundled = rewrite(document.root, root.path) as Record<string, unknown>;
  const files: Record<string, unknown> = {};
  for (const [file, key] of keys) files[key] = rewrite(document.files.get(file)?.data, file);
  bundled[BUNDLED_FILES_KEY] = files;
  return bundled;
}
