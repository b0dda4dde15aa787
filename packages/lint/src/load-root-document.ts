import {
  detectSpec,
  type BaseResolver,
  type Document,
  YamlParseError,
} from '@redocly/openapi-core';
import { SpecgateError } from '@specgate/core';

const LINTABLE_VERSIONS = new Set(['oas2', 'oas3_0', 'oas3_1', 'oas3_2']);

/**
 * Reads and parses the root document through Redocly's resolver, so the lint run reuses it,
 * and turns a missing, unreadable, empty or non-OpenAPI file into a SpecgateError.
 */
export async function loadRootDocument(
  resolver: BaseResolver,
  absolutePath: string,
  shownPath: string,
): Promise<Document> {
  let document: Document;
  try {
    const loaded = await resolver.resolveDocument(null, absolutePath, true);
    if (loaded instanceof Error) throw loaded;
    document = loaded;
  } catch (error) {
    throw readError(error, shownPath);
  }

  if (document.parsed === undefined || document.parsed === null) {
    throw new SpecgateError(
      'EMPTY_FILE',
      `${shownPath}: the file is empty. Pass an OpenAPI document.`,
      {
        file: shownPath,
      },
    );
  }
  checkSpecVersion(document.parsed, shownPath);
  return document;
}

function readError(error: unknown, shownPath: string): SpecgateError {
  const options = { file: shownPath, cause: error };
  if (error instanceof YamlParseError) {
    const message = `${shownPath}:${error.line}:${error.col}: invalid YAML or JSON (${firstLine(error.message)}). Fix the syntax error.`;
    return new SpecgateError('PARSE_ERROR', message, options);
  }
  const original = error instanceof Error && 'originalError' in error ? error.originalError : error;
  const code = original instanceof Error && 'code' in original ? original.code : undefined;
  if (code === 'ENOENT') {
    return new SpecgateError(
      'FILE_NOT_FOUND',
      `${shownPath}: file not found. Check the path.`,
      options,
    );
  }
  if (
    original instanceof Error &&
    original.message.startsWith('Expected a file but received a folder')
  ) {
    return new SpecgateError(
      'NOT_A_FILE',
      `${shownPath}: is a directory. Pass the root file of the spec.`,
      options,
    );
  }
  const reason = original instanceof Error ? original.message : String(original);
  return new SpecgateError('FILE_NOT_FOUND', `${shownPath}: cannot be read (${reason}).`, options);
}

function checkSpecVersion(parsed: unknown, shownPath: string): void {
  let version: string;
  try {
    version = detectSpec(parsed);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const code = reason.startsWith('Unsupported OpenAPI version')
      ? 'UNSUPPORTED_VERSION'
      : 'NOT_OPENAPI';
    const fix =
      code === 'UNSUPPORTED_VERSION'
        ? 'Convert it to OpenAPI 3.x'
        : 'Pass an OpenAPI 3.x or Swagger 2.0 root file';
    throw new SpecgateError(code, `${shownPath}: ${reason}. ${fix}.`, {
      file: shownPath,
      cause: error,
    });
  }
  if (LINTABLE_VERSIONS.has(version)) return;
  throw new SpecgateError(
    'NOT_OPENAPI',
    `${shownPath}: not an OpenAPI document (detected ${version}). Pass an OpenAPI 3.x or Swagger 2.0 root file.`,
    { file: shownPath },
  );
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
