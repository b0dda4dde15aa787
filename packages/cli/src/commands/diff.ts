import {
  applyWaivers,
  loadSpec,
  SpecgateError,
  type Level,
  type SpecgateConfig,
  type Waiver,
} from '@specgate/core';
import { diffSpecs, summariseChanges, type DiffResult } from '@specgate/diff';

export { diffToJson } from '@specgate/diff';

/** Options of a diff run. */
export interface DiffRunOptions {
  cwd: string;
  config: SpecgateConfig;
  today: string;
  allowRemote: boolean;
  /** Called once both specs have loaded, and after each operation compared. */
  checkpoint?: (() => void) | undefined;
}

/** A diff result with waivers applied. */
export interface DiffReport extends DiffResult {
  expiredWaivers: Waiver[];
}

/** Loads two spec files and compares them. */
export async function runDiff(
  basePath: string,
  revisionPath: string,
  options: DiffRunOptions,
): Promise<DiffReport> {
  // Both loads start at once, so one file is read while the other is parsed. When both
  // fail, the base's error is the one reported, as when they ran in turn.
  const loadOptions = { cwd: options.cwd, allowRemote: options.allowRemote };
  const [baseLoad, revisionLoad] = await Promise.allSettled([
    loadSpec(basePath, loadOptions),
    loadSpec(revisionPath, loadOptions),
  ]);
  options.checkpoint?.();
  if (baseLoad.status === 'rejected') throw baseLoad.reason;
  if (revisionLoad.status === 'rejected') throw revisionLoad.reason;
  const base = baseLoad.value;
  const revision = revisionLoad.value;
  let result: DiffResult;
  try {
    result = diffSpecs(base, revision, {
      today: options.today,
      levels: options.config.diff.levels,
      afterOperation: options.checkpoint,
    });
  } catch (error) {
    if (!(error instanceof RangeError) || !/call stack/.test(error.message)) throw error;
    throw new SpecgateError(
      'INVALID_DOCUMENT',
      `${base.rootFile.displayPath}, ${revision.rootFile.displayPath}: the schemas are nested too deeply to compare. Flatten them, or move deep parts into components.`,
      { file: base.rootFile.displayPath, cause: error },
    );
  }
  return withWaivers(result, options.config.waivers, options.today);
}

/** Applies waivers to a diff result and recounts its summary. */
export function withWaivers(
  result: DiffResult,
  waivers: readonly Waiver[],
  today: string,
): DiffReport {
  const waived = applyWaivers(result.changes, waivers, today);
  const changes = waived.findings as DiffResult['changes'];
  return { ...result, changes, summary: summariseChanges(changes), expiredWaivers: waived.expired };
}

/** True when a diff has a change at or above the failure level that no waiver accepts. */
export function diffFails(result: DiffResult, failOn: Level): boolean {
  const rank = { info: 0, warning: 1, error: 2 };
  return result.changes.some((change) => !change.waived && rank[change.level] >= rank[failOn]);
}
