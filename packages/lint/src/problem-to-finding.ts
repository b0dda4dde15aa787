import {
  getLineColLocation,
  type LocationObject,
  type NormalizedProblem,
} from '@redocly/openapi-core';
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

/** Context for mapping problems: path display, parsed files and the operation index. */
export interface FindingContext {
  displayPath: (absolutePath: string) => string;
  /** Parsed content of each file the lint run read, by absolute path. */
  documents: ReadonlyMap<string, unknown>;
  operations: OperationIndex;
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
  // NOTE: getLineColLocation parses each file again with yaml-ast-parser, about 1 s on a 4 MB
  // YAML spec, and is most of specgate's lint overhead over a bare Redocly run.
  const { start, end } = getLineColLocation(primary);
  const location: Location = {
    file: context.displayPath(primary.source.absoluteRef),
    pointer,
    line: start.line,
    column: start.col,
  };
  if (end !== undefined) {
    location.endLine = end.line;
    location.endColumn = end.col;
  }
  return location;
}

/** Redocly pointers start with `#` and may keep percent-escapes from `$ref`s; specgate's do not. */
function normalizePointer(pointer: string): string {
  // Redocly writes the document root as `#/`, which RFC 6901 would read as the key "".
  if (pointer === '#/' || pointer === '#') return '';
  return toPointer(parsePointer(pointer));
}
