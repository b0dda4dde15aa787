// Turns benchmark results into Markdown sections for docs/benchmarks.md and into the short
// summary printed at the end of a run.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const LINT_TARGET = 1.25;
const DIFF_TARGET = 10;
const GITHUB_WALL_TARGET_MS = 5000;
const GITHUB_RSS_TARGET_KB = 1024 * 1024;

const seconds = (ms) => (ms === null ? '—' : `${(ms / 1000).toFixed(2)} s`);
const mebibytes = (kb) => (kb === null ? '—' : `${Math.round(kb / 1024)} MiB`);
const megabytes = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
const times = (value) => `${value.toFixed(2)}×`;

function headerLines(meta, title) {
  return [
    `## ${title}`,
    '',
    `Measured ${meta.date} on ${meta.cpus} CPUs (${meta.cpuModel}), ${meta.memory} RAM, ` +
      `Node ${meta.node}. Load average (1 / 5 / 15 min): ${meta.loadAverage.start} at the ` +
      `start, ${meta.loadAverage.end} at the end. Each cell is the median of ${meta.runs} ` +
      `${meta.runs === 1 ? 'run' : 'runs'}, taken in rounds of one run per tool. Each run is a ` +
      `whole process with a ${meta.timeoutMs / 1000} s timeout. The script measures wall time, ` +
      `and CPU time (user + system) and peak RSS come from ${meta.rssMethod}.` +
      meta.nodeStartup.map((setting) => ` In the environment, ${setting}.`).join(''),
    '',
  ];
}

function commandLines(tools, versions) {
  const lines = ['Commands, run from a scratch directory with paths made absolute:', ''];
  for (const tool of tools) lines.push(`- ${versions[tool.name]}: \`${tool.command}\``);
  return [...lines, ''];
}

function toolCell(tool, field, format) {
  if (tool.failure !== null && tool.runs === 0)
    return tool.failure.kind === 'timeout' ? 'timeout' : 'error';
  return format(tool[field]);
}

function failureText(tool) {
  if (tool.failure === null) return null;
  const after = tool.runs > 0 ? ` (after ${tool.runs} successful run(s))` : '';
  return tool.failure.kind === 'timeout'
    ? `${tool.failure.message}${after}`
    : `${tool.failure.message.replaceAll('|', '\\|')} (after ${seconds(tool.failure.wallMs)})${after}`;
}

/** Renders the lint benchmark section. */
export function lintSection(results, meta) {
  const lines = headerLines(meta, 'Lint: specgate vs bare @redocly/openapi-core');
  lines.push(...commandLines(results[0]?.tools ?? [], meta.versions));
  lines.push(
    `Ratio = specgate / bare, target ≤ ${LINT_TARGET}× on wall time. By default specgate runs ` +
      "Redocly's `recommended` rules plus its own plugin rules, so it does more work than the " +
      'bare baseline and finds more problems. The recommended-only run uses a config that ' +
      'turns the specgate rules off, so it does the same rule work as the baseline. Its ratio ' +
      'is the cost of the specgate CLI itself (loading, locations, fingerprints, the report).',
    '',
    '| spec | size | specgate wall / CPU | specgate RSS | recommended-only wall / CPU | recommended-only RSS | bare wall / CPU | bare RSS | ratio wall (CPU) | recommended-only ratio wall (CPU) | target met |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  );
  for (const { name, bytes, tools } of results) {
    const [specgate, recommendedOnly, bare] = tools;
    const wallRatio = ratio(specgate.wallMs, bare.wallMs);
    lines.push(
      `| ${name} | ${megabytes(bytes)} | ${wallAndCpu(specgate)} | ${toolCell(specgate, 'rssKb', mebibytes)} | ` +
        `${wallAndCpu(recommendedOnly)} | ${toolCell(recommendedOnly, 'rssKb', mebibytes)} | ` +
        `${wallAndCpu(bare)} | ${toolCell(bare, 'rssKb', mebibytes)} | ${ratioPair(specgate, bare)} | ` +
        `${ratioPair(recommendedOnly, bare)} | ${withinLimit(wallRatio, LINT_TARGET, true)} |`,
    );
  }
  lines.push('', 'Problems found (from the last successful run):', '');
  lines.push('| spec | specgate | recommended-only | bare |', '|---|---|---|---|');
  for (const { name, tools } of results) {
    lines.push(
      `| ${name} | ${tools.map((tool) => tool.summary ?? 'failed, see below').join(' | ')} |`,
    );
  }
  return [...lines, '', ...failureLines(results)].join('\n');
}

// Formats "wall ratio (CPU ratio)" of two tools' medians.
function ratioPair(tool, baseline) {
  const wall = ratio(tool.wallMs, baseline.wallMs);
  const cpu = ratio(tool.cpuMs, baseline.cpuMs);
  if (wall === null) return '—';
  return cpu === null ? times(wall) : `${times(wall)} (${times(cpu)})`;
}

function ratio(numerator, denominator) {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return numerator / denominator;
}

// Ratio of a peer to specgate. A peer that timed out gets a lower bound.
function peerRatio(peer, specgate, timeoutMs) {
  if (specgate.wallMs === null) return '—';
  if (peer.failure?.kind === 'timeout' && peer.runs === 0)
    return `> ${times(timeoutMs / specgate.wallMs)}`;
  const value = ratio(peer.wallMs, specgate.wallMs);
  return value === null ? '—' : times(value);
}

const wallAndCpu = (tool) =>
  tool.failure !== null && tool.runs === 0
    ? toolCell(tool, 'wallMs', seconds)
    : `${seconds(tool.wallMs)} / ${seconds(tool.cpuMs)}`;

/** Renders the diff benchmark section. */
export function diffSection(results, meta) {
  const lines = headerLines(meta, 'Diff: specgate vs openapi-diff and Optic on the corpus pairs');
  lines.push(...commandLines(results[0]?.tools ?? [], meta.versions));
  lines.push(
    `Ratio = peer wall time / specgate wall time, target ≥ ${DIFF_TARGET}×. A peer that timed ` +
      'out gets a lower bound (timeout / specgate). A peer that failed is not run again on the ' +
      'same pair.',
    '',
    '| pair | size old+new | specgate wall / CPU | specgate RSS | openapi-diff wall / CPU | openapi-diff RSS | openapi-diff ratio | Optic wall / CPU | Optic RSS | Optic ratio |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const { name, bytes, tools } of results) {
    const [specgate, odiff, optic] = tools;
    lines.push(
      `| ${name} | ${megabytes(bytes)} | ${wallAndCpu(specgate)} | ${toolCell(specgate, 'rssKb', mebibytes)} | ` +
        `${wallAndCpu(odiff)} | ${toolCell(odiff, 'rssKb', mebibytes)} | ${peerRatio(odiff, specgate, meta.timeoutMs)} | ` +
        `${wallAndCpu(optic)} | ${toolCell(optic, 'rssKb', mebibytes)} | ${peerRatio(optic, specgate, meta.timeoutMs)} |`,
    );
  }
  lines.push('', 'What each tool reported (from the last successful run):', '');
  lines.push('| pair | specgate | openapi-diff | Optic |', '|---|---|---|---|');
  for (const { name, tools } of results) {
    const cells = tools.map((tool) => tool.summary ?? 'failed, see below');
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  return [...lines, '', ...failureLines(results)].join('\n');
}

function failureLines(results) {
  const failures = [];
  for (const { name, tools } of results) {
    for (const tool of tools) {
      const text = failureText(tool);
      if (text !== null) failures.push(`- ${name}, ${tool.name}: ${text}`);
    }
  }
  if (failures.length === 0) return ['No tool failed.'];
  return ['Failures (first line of the error output):', '', ...failures];
}

/** Renders the GitHub pair section. */
export function githubSection(result, meta) {
  const { tool, changes } = result;
  const lines = headerLines(meta, 'GitHub REST description: specgate diff 22.0.0 → 23.0.2');
  lines.push(...commandLines([tool], meta.versions));
  lines.push(
    `Input: \`generated/api.github.com.json\` from \`@octokit/openapi\` 22.0.0 and 23.0.2 ` +
      `(${megabytes(result.bytes[0])} and ${megabytes(result.bytes[1])}).`,
    '',
    '| measure | median | target | met |',
    '|---|---:|---:|---|',
    `| wall time | ${toolCell(tool, 'wallMs', seconds)} | < 5 s | ${withinLimit(tool.wallMs, GITHUB_WALL_TARGET_MS)} |`,
    `| CPU time | ${toolCell(tool, 'cpuMs', seconds)} | — | — |`,
    `| peak RSS | ${toolCell(tool, 'rssKb', mebibytes)} | < 1 GiB | ${withinLimit(tool.rssKb, GITHUB_RSS_TARGET_KB)} |`,
    '',
  );
  if (changes === null)
    return [...lines, ...failureLines([{ name: 'GitHub', tools: [tool] }])].join('\n');
  lines.push(
    `Changes: ${changes.total} in all: ${changes.byLevel.error} error, ` +
      `${changes.byLevel.warning} warning, ${changes.byLevel.info} info; breaking: ${changes.breaking}.`,
    '',
    'Most frequent change ids:',
    '',
    ...changes.topIds.map(([id, count]) => `- \`${id}\`: ${count}`),
  );
  return lines.join('\n');
}

// Returns 'yes' when `value` is below `limit` (or equal to it, if `inclusive`), 'no' when it is
// not, and '—' when there is no value.
function withinLimit(value, limit, inclusive = false) {
  if (value === null) return '—';
  const within = inclusive ? value <= limit : value < limit;
  return within ? 'yes' : 'no';
}

/**
 * Replaces the block between `<!-- bench:KEY:start -->` and `<!-- bench:KEY:end -->` in `file`
 * with `body`, or appends the block when the markers are missing.
 */
export function writeSection(file, key, body) {
  const start = `<!-- bench:${key}:start -->`;
  const end = `<!-- bench:${key}:end -->`;
  const block = `${start}\n${body}\n${end}`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const next =
    from !== -1 && to > from
      ? `${text.slice(0, from)}${block}${text.slice(to + end.length)}`
      : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}

/** Returns the short summary lines printed at the end of a run. */
export function summaryLines({ lint, diff, github }, options) {
  const lines = [];
  for (const { name, tools } of lint ?? []) {
    const [specgate, recommendedOnly, bare] = tools;
    lines.push(
      `lint ${name}: specgate ${seconds(specgate.wallMs)}, recommended-only ${seconds(recommendedOnly.wallMs)}, ` +
        `bare ${seconds(bare.wallMs)}; specgate / bare ${ratioPair(specgate, bare)}, ` +
        `recommended-only / bare ${ratioPair(recommendedOnly, bare)} (target ≤ ${LINT_TARGET}×)`,
    );
  }
  for (const { name, tools } of diff ?? []) {
    const [specgate, ...peers] = tools;
    const peerText = peers.map(
      (peer) =>
        `${peer.name} ${peerRatio(peer, specgate, options.timeoutMs)}${peer.failure ? ` (${peer.failure.kind})` : ''}`,
    );
    lines.push(
      `diff ${name}: specgate ${seconds(specgate.wallMs)}${specgate.failure ? ` (${specgate.failure.kind})` : ''}; ${peerText.join(', ')}`,
    );
  }
  if (github) {
    const { tool, changes } = github;
    const counts =
      changes === null
        ? tool.failure?.message
        : `${changes.byLevel.error} error / ${changes.byLevel.warning} warning / ${changes.byLevel.info} info`;
    lines.push(
      `github 22.0.0 -> 23.0.2: ${seconds(tool.wallMs)} (target < 5 s), ${mebibytes(tool.rssKb)} (target < 1 GiB); ${counts}`,
    );
  }
  return lines;
}
