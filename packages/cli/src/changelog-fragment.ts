import { releaseFromDiff, releaseMarkdown } from '@specgate/changelog';
import { todayUtc } from '@specgate/core';

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
    const release = releaseFromDiff(api.diff, {
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
