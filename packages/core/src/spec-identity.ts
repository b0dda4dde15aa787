import { createRequire } from 'node:module';
import path from 'node:path';

import type { SpecDocument } from './spec-document.js';

/**
 * Returns a SHA-256 of every file of a spec, each named by its path relative to the root file,
 * so the digest is the same from every working directory.
 */
export function specDigest(document: SpecDocument): string {
  // node:crypto is loaded here, not with this module: a run that needs no digest skips it.
  const { createHash } = createRequire(import.meta.url)(
    'node:crypto',
  ) as typeof import('node:crypto');
  const hash = createHash('sha256');
  const rootDir = path.dirname(document.rootFile.path);
  for (const file of [...document.files.values()].sort((a, b) => a.path.localeCompare(b.path))) {
    const name = path.isAbsolute(file.path)
      ? path.relative(rootDir, file.path).split(path.sep).join('/')
      : file.path;
    hash.update(name).update('\0').update(file.text).update('\0');
  }
  return hash.digest('hex');
}

/**
 * Returns the path of a spec's root file relative to `folder`, with forward slashes, for
 * generated files that name their spec the same way from every working directory.
 */
export function specPathFrom(document: SpecDocument, folder: string): string {
  const root = document.rootFile.path;
  if (!path.isAbsolute(root)) return path.basename(document.rootFile.locationPath);
  return path.relative(folder, root).split(path.sep).join('/');
}
