import { compareText } from './compare-text.js';
import { sha256Hex } from './sha256.js';

/** Severity of a lint problem, as Redocly and SARIF name the two levels we use. */
export type Severity = 'error' | 'warn';

/** Level of a diff change or policy finding: `error` breaks clients, `warning` may break some. */
export type Level = 'error' | 'warning' | 'info';

/** A place in a source file: a JSON pointer plus 1-based line and column. */
export interface Location {
  file: string;
  /**
   * The git revision `file` was read from. It is set for a place that exists only in a base
   * version, such as a removed operation, and `file` is then the path at that revision.
   */
  ref?: string;
  pointer: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** The HTTP operation a finding belongs to. */
export interface OperationRef {
  method: string;
  path: string;
  operationId: string | null;
}

/**
 * One result of any check (lint rule, diff change kind, policy check), as plain data.
 * `kind` selects the reporters' vocabulary: lint problems carry a severity,
 * changes and policy findings carry a level.
 */
export interface Finding {
  kind: 'problem' | 'change' | 'policy';
  /** Rule id for problems, change id for changes, check id for policy findings. */
  id: string;
  level: Level;
  message: string;
  location: Location | null;
  /** The base-side location of a change, when the change has one. */
  baseLocation?: Location | null;
  /**
   * For a finding located in a base version read from git: the nearest enclosing node that
   * still exists in the revision, for reporters that can only annotate the revision's files.
   */
  revisionAnchor?: Location;
  operation?: OperationRef | null;
  fingerprint: string;
  /** Set when a waiver accepted this finding. */
  waived?: { reason: string; owner: string; expires: string };
  /**
   * Set when the finding counts toward the exit code at another level than `level`, because
   * another check judges the same event. `level` still states what it means for clients.
   */
  gate?: FindingGate;
  docsUrl?: string;
}

/** Maps a lint severity to the shared level scale. */
export function severityToLevel(severity: Severity): Level {
  return severity === 'error' ? 'error' : 'warning';
}

/**
 * Computes a fingerprint that survives line moves: the id, the pointer with array
 * indexes kept (they are part of the contract), and a digest of the value at that
 * place. The digest covers scalars and the direct children of objects and arrays,
 * so fingerprinting a finding on a large schema stays cheap.
 */
export function fingerprint(id: string, pointer: string, value: unknown): string {
  return sha256Hex(`${id}\0${pointer}\0${shallowDigest(value)}`).slice(0, 16);
}

/** Text of a value down to one level: nested objects and arrays show only their keys or length. */
function shallowDigest(value: unknown): string {
  if (value === null || typeof value !== 'object') return stableStringify(value);
  const describe = (item: unknown): string => {
    if (item === null || typeof item !== 'object') return stableStringify(item);
    if (Array.isArray(item)) return `[${item.length}]`;
    return `{${Object.keys(item).sort().join(',')}}`;
  };
  if (Array.isArray(value)) return `[${value.map(describe).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${describe(record[key])}`).join(',')}}`;
}

/** JSON text with object keys sorted, so equal values hash equally whatever their key order. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${stableStringify(record[key])}`).join(',')}}`;
}

const LEVEL_RANK: Record<Level, number> = { info: 0, warning: 1, error: 2 };

/** True when `level` is at or above `threshold`. */
export function atOrAbove(level: Level, threshold: Level): boolean {
  return LEVEL_RANK[level] >= LEVEL_RANK[threshold];
}

/** The level a finding counts at toward the exit code, and why it differs from its own. */
export interface FindingGate {
  level: Level;
  reason: string;
}

/** Returns the level a finding counts at toward the exit code: its gate level, else its level. */
export function gateLevelOf(finding: Finding): Level {
  return finding.gate?.level ?? finding.level;
}

/**
 * Returns the finding as reports for people show it: at the level it counts at, with the
 * engine's level and the reason it counts lower added to the message. A finding without a
 * gate, or gated at its own level, is returned as it is.
 */
export function asCounted(finding: Finding): Finding {
  const gate = finding.gate;
  if (!gate || gate.level === finding.level) return finding;
  const counted: Finding = {
    ...finding,
    level: gate.level,
    message: `${finding.message} (the engine calls this ${finding.level}; it counts at level ${gate.level} because ${gate.reason})`,
  };
  delete counted.gate;
  return counted;
}

/** Orders findings by the level they count at (errors first), then file, line, column and id. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    LEVEL_RANK[gateLevelOf(b)] - LEVEL_RANK[gateLevelOf(a)] ||
    compareText(a.location?.file ?? '', b.location?.file ?? '') ||
    (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
    (a.location?.column ?? 0) - (b.location?.column ?? 0) ||
    compareText(a.id, b.id)
  );
}

/** Counts of findings per level, waived ones left out. */
export interface Summary {
  error: number;
  warning: number;
  info: number;
  waived: number;
}

/**
 * Counts findings per level they count at (the gate level when there is one); waived findings
 * are counted apart.
 */
export function summarize(findings: readonly Finding[]): Summary {
  const summary: Summary = { error: 0, warning: 0, info: 0, waived: 0 };
  for (const finding of findings) {
    if (finding.waived) summary.waived += 1;
    else summary[gateLevelOf(finding)] += 1;
  }
  return summary;
}
