import {
  fingerprint,
  type Finding,
  type Level,
  type OperationRef,
  type SpecDocument,
  type SpecNode,
} from '@specgate/core';

import { POLICY_CHECKS, type PolicyCheckId } from './checks.js';

/** A policy finding: a finding of kind `policy` whose id is a policy check id. */
export interface PolicyFinding extends Finding {
  kind: 'policy';
  operation: OperationRef | null;
}

/**
 * Collects policy findings: applies the configured level of each check, drops checks
 * set to `off`, and reports a place once per check even when several operations
 * share it through a `$ref`.
 */
export class FindingSink {
  readonly findings: PolicyFinding[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly levels: Readonly<Record<string, Level | 'off'>>) {}

  /** Records a finding of `id` at `node` of `document`. */
  add(
    id: PolicyCheckId,
    message: string,
    document: SpecDocument,
    node: SpecNode,
    operation: OperationRef | null,
  ): void {
    const level = this.levels[id] ?? POLICY_CHECKS[id].level;
    if (level === 'off') return;
    const location = document.locate(node);
    const key = `${id}\0${location.file}\0${node.pointer}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.findings.push({
      kind: 'policy',
      id,
      level,
      message,
      location,
      operation,
      fingerprint: fingerprint(id, `${location.file}#${node.pointer}`, node.value),
    });
  }
}
