import type { LocationObject, NormalizedProblem } from '@redocly/openapi-core';
import {
  fingerprint,
  getAtPointer,
  parsePointer,
  severityToLevel,
  toPointer,
  type Finding,
  type Location,
} from '@specgate/core';

import type { OperationIndex } from './operation-index.js';
import type { SourceLocations } from './source-locations.js';

/** Context for mapping problems: path display, parsed files and the operation index. */
export interface FindingContext {
  displayPath: (absolutePath: string) => string;
  /** Parsed content of each file the lint run read, by absolute path. */
  documents: ReadonlyMap<string, unknown>;
  operations: OperationIndex;
  locations: SourceLocations;
}

/** Turns one Redocly problem into a specgate finding of kind `problem`. */
export function problemToFinding(problem: NormalizedProblem, context: FindingContext): Finding {
  const primary = problem.location[0];
  const pointer = primary?.pointer === undefined ? '' : normalizePointer(primary.pointer);
  const file = primary?.source.absoluteRef ?? '';
  const value = getAtPointer(context.documents.get(file), pointer);

  const finding: Finding = {
    kind: 'problem',
    id: problem.ruleId,
    level: severityToLevel(problem.severity),
    message: problem.message,
    location: primary === undefined ? null : toLocation(primary, pointer, context),
    operation: primary === undefined ? null : context.operations.find(file, pointer),
    fingerprint: fingerprint(problem.ruleId, pointer, value),
  };
  if (problem.reference !== undefined) finding.docsUrl = problem.reference;
  return finding;
}

function toLocation(primary: LocationObject, pointer: string, context: FindingContext): Location {
  const file = primary.source.absoluteRef;
  // A problem without a pointer (a file that failed to parse) carries its own line and column.
  const given = primary as {
    start?: { line: number; col: number };
    end?: { line: number; col: number };
  };
  const range =
    primary.pointer === undefined
      ? given.start && {
          line: given.start.line,
          column: given.start.col,
          endLine: given.end?.line ?? given.start.line,
          endColumn: given.end?.col ?? given.start.col,
        }
      : context.locations.range(file, pointer, primary.reportOnKey === true);
  return {
    file: context.displayPath(file),
    pointer,
    line: range?.line ?? 1,
    column: range?.column ?? 1,
    ...(range ? { endLine: range.endLine, endColumn: range.endColumn } : {}),
  };
}

/** Redocly pointers start with `#` and may keep percent-escapes from `$ref`s; specgate's do not. */
function normalizePointer(pointer: string): string {
  // Redocly writes the document root as `#/`, which RFC 6901 would read as the key "".
  if (pointer === '#/' || pointer === '#') return '';
  // Most pointers need no decoding, and parsing each of thousands of them shows in the run time.
  if (pointer.startsWith('#/') && !pointer.includes('%')) return pointer.slice(1);
  return toPointer(parsePointer(pointer));
}
