import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { SourceFile, SpecgateError } from '@specgate/core';

/** A pact file read from disk and checked for the fields every pact has. */
export interface PactFile {
  file: string;
  consumer: string;
  provider: string;
  content: Record<string, unknown>;
}

/**
 * Reads every `*.json` pact in a folder (or one file), in name order. A file that is
 * not JSON, or not a pact, is an input error naming the file and the place.
 */
export function readPacts(target: string): PactFile[] {
  let files: string[];
  try {
    files = statSync(target).isDirectory()
      ? readdirSync(target)
          .filter((name) => name.endsWith('.json'))
          .sort()
          .map((name) => path.join(target, name))
      : [target];
  } catch (error) {
    throw new SpecgateError(
      'FILE_NOT_FOUND',
      `${target}: no such file or folder. Pass the folder your consumer tests write pacts to, e.g. contracts/pacts.`,
      {
        file: target,
        cause: error,
      },
    );
  }
  return files.map(readPact);
}

/** Reads one pact file; see {@link readPacts}. */
export function readPact(file: string): PactFile {
  // SourceFile places a JSON syntax error at its line and column.
  const content = new SourceFile({
    path: file,
    displayPath: file,
    text: readFileSync(file, 'utf8'),
  }).data;
  const pact = content as {
    consumer?: { name?: unknown };
    provider?: { name?: unknown };
    interactions?: unknown;
    messages?: unknown;
  };
  const missing = (reason: string) =>
    new SpecgateError(
      'PACT_INVALID',
      `${file}: ${reason}, so it is not a pact. Regenerate it by running the consumer tests.`,
      { file },
    );
  if (typeof content !== 'object' || content === null || Array.isArray(content))
    throw missing('the top level is not an object');
  if (typeof pact.consumer?.name !== 'string' || pact.consumer.name === '')
    throw missing('consumer.name is missing');
  if (typeof pact.provider?.name !== 'string' || pact.provider.name === '')
    throw missing('provider.name is missing');
  if (!Array.isArray(pact.interactions) && !Array.isArray(pact.messages))
    throw missing('it has no interactions list');
  return {
    file,
    consumer: pact.consumer.name,
    provider: pact.provider.name,
    content: content as Record<string, unknown>,
  };
}
