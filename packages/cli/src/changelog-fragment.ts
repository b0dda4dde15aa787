import type { ApiReport } from './commands/check.js';

const HEADINGS = {
  error: 'Breaking',
  warning: 'May break some clients',
  info: 'Other changes',
} as const;

/**
 * Renders a Markdown changelog fragment of the changes under review, grouped per API and
 * by level, for the pull-request comment.
 */
export function changelogFragment(apis: readonly ApiReport[]): string {
  const sections: string[] = [];
  for (const api of apis) {
    if (!api.diff || api.diff.changes.length === 0) continue;
    const lines = [
      `### ${api.name} ${api.diff.base.version ?? ''} → ${api.diff.revision.version ?? ''}`.trimEnd(),
      '',
    ];
    for (const level of ['error', 'warning', 'info'] as const) {
      const changes = api.diff.changes.filter((change) => change.level === level);
      if (changes.length === 0) continue;
      lines.push(`**${HEADINGS[level]}**`, '');
      for (const change of changes) {
        const operation = change.operation
          ? `\`${change.operation.method} ${change.operation.path}\`: `
          : '';
        lines.push(`- ${operation}${change.message} (\`${change.id}\`)`);
      }
      lines.push('');
    }
    sections.push(lines.join('\n'));
  }
  if (sections.length === 0) return '';
  return `\n## Changelog fragment\n\n${sections.join('\n')}`;
}
