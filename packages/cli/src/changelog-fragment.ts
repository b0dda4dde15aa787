import { releaseFromDiff, releaseMarkdown } from '@specgate/changelog';
import { todayUtc } from '@specgate/core';
import { CHANGE_LEVELS, summariseChanges, type DiffResult } from '@specgate/diff';

import type { ApiReport } from './commands/check.js';

/**
 * Renders the changelog fragment of the changes under review for the pull-request
 * comment: per API, the release that `specgate changelog` would write for it, with
 * breaking changes first and the suggested version.
 */
export function changelogFragment(apis: readonly ApiReport[]): string {
  const sections: string[] = [];
  for (const api of apis) {
    if (!api.diff || api.diff.changes.every((change) => change.waived)) continue;
    const release = releaseFromDiff(withRemovalLevels(api.diff), {
      today: api.revisions?.today ?? todayUtc(),
      ...(api.revisions ? { base: api.revisions.base, revision: api.revisions.revision } : {}),
    });
    const from = api.diff.base.version ?? '';
    const to = api.diff.revision.version ?? '';
    const heading = `### ${api.name} ${from} → ${to}`.trimEnd();
    // The release's own heading is replaced by the API heading, so skip anchor and title.
    const body = releaseMarkdown(release, 3).slice(4);
    sections.push([heading, '', ...body].join('\n'));
  }
  if (sections.length === 0) return '';
  return `\n## Changelog fragment\n\n${sections.join('\n')}`;
}

/**
 * Gives removals back the diff's own levels. `check` lowers them because the lifecycle
 * policy reports a removal that breaks its rules, but the changelog still calls a
 * removal before its sunset breaking.
 */
function withRemovalLevels(diff: DiffResult): DiffResult {
  const changes = diff.changes.map((change) =>
    change.id.startsWith('endpoint-removed-')
      ? { ...change, level: CHANGE_LEVELS[change.id] ?? change.level }
      : change,
  );
  return { ...diff, changes, summary: summariseChanges(changes) };
}
