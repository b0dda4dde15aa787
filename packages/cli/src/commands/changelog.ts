import { statSync } from 'node:fs';
import path from 'node:path';

import { Command, Option } from 'commander';
import {
  buildChangelog,
  loadSpecHistory,
  renderAtom,
  renderHtml,
  renderJson,
  renderMarkdown,
  type Changelog,
  type RevisionSelector,
  type SpecRevision,
} from '@specgate/changelog';
import { isCalendarDate, loadSpec, SpecgateError } from '@specgate/core';

import { prepare, type CommandContext, type CommonOptions } from '../command-kit.js';
import type { Logger } from '../logger.js';
import { writeOutputs, type OutputTarget } from '../output.js';

const FORMATS = ['markdown', 'html', 'json', 'atom'] as const;
type ChangelogFormat = (typeof FORMATS)[number];

interface ChangelogOptions extends Omit<CommonOptions, 'format'> {
  format: string[];
  tags?: string;
  refs?: string;
  from?: string;
  to?: string;
  last?: string;
  date?: string;
  name?: string;
  feedUrl?: string;
}

/** Adds the options every command shares except `--format`, which means other formats here. */
export function withSharedOptions(command: Command): Command {
  return command
    .option('-c, --config <file>', 'config file (default: specgate.yaml in the working directory)')
    .option('--today <date>', 'the day days to sunset are counted from (YYYY-MM-DD)')
    .option('--allow-remote', 'follow http(s) $refs')
    .addOption(new Option('-q, --quiet', 'print only results and errors').conflicts('verbose'))
    .option('-v, --verbose', 'print progress details to stderr')
    .option('--debug', 'print stack traces of errors');
}

/** Registers `specgate changelog`. */
export function registerChangelogCommand(program: Command, context: CommandContext): void {
  withSharedOptions(
    program
      .command('changelog')
      .argument('<specs...>', 'OLD NEW spec files, or one spec file with --tags, --refs or --from'),
  )
    .description(
      'Write the changelog of a spec: breaking changes first, then deprecations, additions and other changes.',
    )
    .option(
      '-f, --format <name[=file]>',
      'markdown (default), html, json or atom; repeat to write several, e.g. --format atom=feed.atom',
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option('--tags <pattern>', "releases are the git tags matching this glob, e.g. 'orders-v*'")
    .option('--refs <list>', 'releases are these git refs, oldest first, comma-separated')
    .option('--from <ref>', 'releases are the commits touching the spec after this ref')
    .option('--to <ref>', 'last commit for --from (default HEAD)')
    .option('--last <count>', 'releases are the last N commits touching the spec')
    .option('--date <date>', 'release date of NEW when comparing two files (YYYY-MM-DD)')
    .option(
      '--name <name>',
      'API name shown in the feed (default: from specgate.yaml, else info.title)',
    )
    .option('--feed-url <url>', 'URL the HTML changelog is published at, for the Atom links')
    .action(async (specs: string[], options: ChangelogOptions) => {
      const { environment, setExit } = context;
      const prepared = await prepare({ ...options, format: [] }, environment);
      const targets = parseTargets(options.format, environment.cwd);
      const revisions = await loadRevisions(specs, options, environment.cwd, prepared.logger);
      const absolute = path.resolve(environment.cwd, specs[specs.length - 1] ?? '');
      const api = prepared.config.apis.find((entry) => entry.spec === absolute);
      const name = options.name ?? api?.name;
      const changelog = buildChangelog(revisions, {
        today: prepared.today,
        levels: prepared.config.diff.levels,
        api: {
          ...(name === undefined ? {} : { name }),
          owner: api?.owner ?? null,
          stability: api?.stability ?? null,
        },
      });
      warnVersions(changelog, prepared.logger);
      const outputs = targets.map((target) => ({
        target,
        text: renderFormat(changelog, target.format as ChangelogFormat, options.feedUrl),
      }));
      await writeOutputs(outputs, environment.stdout);
      setExit(0);
    });
}

async function loadRevisions(
  specs: string[],
  options: ChangelogOptions,
  cwd: string,
  logger: Logger,
): Promise<SpecRevision[]> {
  const selector = selectorOf(options);
  const allowRemote = options.allowRemote === true;
  if (specs.length === 2) {
    if (selector !== null)
      throw usage('pass either two spec files or one spec with --tags, --refs, --from or --last.');
    if (options.date !== undefined && !isCalendarDate(options.date))
      throw usage(`--date "${options.date}" is not a date. Use the YYYY-MM-DD form.`);
    const [oldFile = '', newFile = ''] = specs;
    const base = await loadSpec(oldFile, { cwd, allowRemote });
    const revision = await loadSpec(newFile, { cwd, allowRemote });
    return [
      { document: base, label: { ref: oldFile } },
      {
        document: revision,
        label: { ref: newFile, ...(options.date ? { date: options.date } : {}) },
      },
    ];
  }
  if (specs.length !== 1)
    throw usage(
      `expected OLD NEW or one spec with --tags, --refs or --from; got ${specs.length} files.`,
    );
  if (selector === null)
    throw usage(
      'one spec needs --tags PATTERN, --refs A,B,C, --from REF or --last N to name its revisions.',
    );
  return loadSpecHistory(specs[0] ?? '', selector, {
    cwd,
    allowRemote,
    onSkipped: (revision, error) =>
      logger.warn(`left out ${revision}: the spec does not load there: ${error.message}`),
  });
}

function selectorOf(options: ChangelogOptions): RevisionSelector | null {
  const given = [options.tags, options.refs, options.from, options.last].filter(
    (value) => value !== undefined,
  );
  if (given.length > 1) throw usage('use only one of --tags, --refs, --from and --last.');
  if (options.to !== undefined && options.from === undefined) throw usage('--to needs --from.');
  if (options.tags !== undefined) return { tags: options.tags };
  if (options.refs !== undefined) {
    const refs = options.refs
      .split(',')
      .map((ref) => ref.trim())
      .filter((ref) => ref !== '');
    if (refs.length === 0)
      throw usage('--refs is empty. Pass refs separated by commas, e.g. v1,v2.');
    return { refs };
  }
  if (options.from !== undefined)
    return { from: options.from, ...(options.to !== undefined ? { to: options.to } : {}) };
  if (options.last !== undefined) {
    const count = Number(options.last);
    if (!Number.isInteger(count) || count < 1)
      throw usage(`--last "${options.last}" is not a positive whole number of commits.`);
    return { last: count };
  }
  return null;
}

function parseTargets(values: readonly string[], cwd: string): OutputTarget[] {
  const targets = (values.length > 0 ? values : ['markdown']).map((value) => {
    const separator = value.indexOf('=');
    const format = separator === -1 ? value : value.slice(0, separator);
    const file = separator === -1 ? undefined : value.slice(separator + 1);
    if (!(FORMATS as readonly string[]).includes(format))
      throw usage(`unknown format "${format}" in --format ${value}. Use ${FORMATS.join(', ')}.`);
    if (file === '') throw usage(`missing file name in --format ${value}. Give a path after "=".`);
    if (file === undefined) return { format, file };
    const resolved = path.resolve(cwd, file);
    if (!statSync(path.dirname(resolved), { throwIfNoEntry: false })?.isDirectory())
      throw usage(`--format: folder ${path.dirname(resolved)} does not exist. Create it first.`);
    return { format, file: resolved };
  });
  if (targets.filter((target) => target.file === undefined).length > 1)
    throw usage(
      '--format: only one format can go to stdout. Send the others to files, e.g. atom=feed.atom.',
    );
  return targets;
}

function renderFormat(changelog: Changelog, format: ChangelogFormat, feedUrl?: string): string {
  if (format === 'html') return renderHtml(changelog);
  if (format === 'json') return renderJson(changelog);
  if (format === 'atom')
    return renderAtom(
      changelog,
      feedUrl === undefined ? { alternate: 'changelog.html' } : { alternate: feedUrl },
    );
  return renderMarkdown(changelog);
}

function warnVersions(changelog: Changelog, logger: Logger): void {
  for (const release of changelog.releases) {
    if (release.versioning.follows === false && release.versioning.note !== null)
      logger.warn(`${release.ref ?? release.version ?? 'release'}: ${release.versioning.note}.`);
  }
}

function usage(message: string): SpecgateError {
  return new SpecgateError('USAGE', message);
}
