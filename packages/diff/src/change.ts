import type { Finding, Level, Location, OperationRef, SpecNode } from '@specgate/core';

/** A change between two versions of a spec, with where it is on each side. */
export interface Change extends Finding {
  kind: 'change';
  operation: OperationRef | null;
  base: Location | null;
  revision: Location | null;
}

/** A change as the comparison first records it: nodes instead of resolved locations. */
export interface PendingChange {
  id: string;
  level: Level;
  message: string;
  operation: OperationRef | null;
  base: SpecNode | null;
  revision: SpecNode | null;
}

/** Collects pending changes while a comparison walks the two specs. */
export class ChangeLog {
  readonly changes: PendingChange[] = [];

  add(change: PendingChange): void {
    this.changes.push(change);
  }
}
