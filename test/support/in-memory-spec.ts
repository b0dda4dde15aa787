import path from 'node:path';

import { loadSpec, SourceFile, type SpecDocument } from '@specgate/core';

/**
 * Loads a spec from in-memory files, keyed by relative path; the first file is the
 * root. Lets tests build small specs inline without touching the disk.
 */
export async function specFromText(
  files: Record<string, string>,
  label = 'spec',
): Promise<SpecDocument> {
  const directory = `/virtual/${label}`;
  const entries = Object.entries(files);
  const [rootName] = entries[0] as [string, string];
  const reader = {
    async read(absolutePath: string): Promise<SourceFile> {
      const relative = path.relative(directory, absolutePath);
      const text = files[relative];
      if (text === undefined) throw new Error(`no in-memory file ${relative}`);
      return new SourceFile({ path: absolutePath, displayPath: `${label}/${relative}`, text });
    },
  };
  return loadSpec(path.join(directory, rootName), { cwd: directory, reader });
}
