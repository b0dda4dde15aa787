import path from 'node:path';

import type { Command } from 'commander';
import {
  buildChangelog,
  buildPortal,
  loadSpecHistory,
  type PortalApi,
  type RevisionSelector,
} from '@specgate/changelog';
import { displayPathOf, loadSpec, SpecgateError, type ApiConfig } from '@specgate/core';

import { prepare, type CommandContext, type CommonOptions } from '../command-kit.js';
import { discoverApis } from '../discover.js';
import type { Logger } from '../logger.js';
import { withSharedOptions } from './changelog.js';

interface PortalOptions extends Omit<CommonOptions, 'format'> {
  output: string;
  tags?: string;
  last: string;
  title?: string;
}

/** Registers `specgate portal`. */
export function registerPortalCommand(program: Command, context: CommandContext): void {
  withSharedOptions(program.command('portal'))
    .description(
      'Build a static API portal: reference docs, changelogs, deprecation timelines and Atom feeds.',
    )
    .requiredOption('-o, --output <dir>', 'folder to write the site to (replaced on a rebuild)')
    .option(
      '--tags <pattern>',
      "releases are the git tags matching this glob; {name} stands for the API name, e.g. '{name}-v*'",
    )
    .option(
      '--last <count>',
      'without --tags: releases are the last N commits touching each spec',
      '10',
    )
    .option('--title <text>', 'title of the portal', 'API portal')
    .action(async (options: PortalOptions) => {
      const { environment, setExit } = context;
      const prepared = await prepare({ ...options, format: [] }, environment);
      const last = Number(options.last);
      if (!Number.isInteger(last) || last < 1)
        throw new SpecgateError(
          'USAGE',
          `--last "${options.last}" is not a positive whole number.`,
        );
      const apis = await discoverApis(prepared.config, environment.cwd);
      if (apis.length === 0)
        throw new SpecgateError(
          'USAGE',
          `no APIs found in ${environment.cwd}: declare them in specgate.yaml or put specs under specs/.`,
        );
      const portalApis: PortalApi[] = [];
      for (const api of apis) {
        const selector: RevisionSelector =
          options.tags === undefined
            ? { last }
            : { tags: options.tags.replaceAll('{name}', api.name) };
        const revisions = await historyOf(
          api,
          selector,
          environment.cwd,
          options.allowRemote === true,
          prepared.logger,
        );
        prepared.logger.verbose(`${api.name}: ${revisions.length} revision(s)`);
        const changelog = buildChangelog(revisions, {
          today: prepared.today,
          levels: prepared.config.diff.levels,
          api: { name: api.name, owner: api.owner ?? null, stability: api.stability ?? null },
        });
        portalApis.push({
          changelog,
          specFile: api.spec,
          specPath: displayPathOf(api.spec, environment.cwd),
        });
      }
      const result = await buildPortal(portalApis, {
        outDir: path.resolve(environment.cwd, options.output),
        ...(options.title ? { title: options.title } : {}),
      });
      prepared.logger.info(
        `wrote ${result.files.length} files for ${portalApis.length} API(s) to ${displayPathOf(result.outDir, environment.cwd)}; open index.html`,
      );
      setExit(0);
    });
}

/**
 * Loads the revisions of an API's spec. A spec with no matching tag or commit yet, because
 * it is new or outside git, gets its current file as the only revision.
 */
async function historyOf(
  api: ApiConfig,
  selector: RevisionSelector,
  cwd: string,
  allowRemote: boolean,
  logger: Logger,
) {
  try {
    return await loadSpecHistory(api.spec, selector, {
      cwd,
      allowRemote,
      onSkipped: (revision, error) =>
        logger.warn(
          `${api.name}: left out ${revision}: the spec does not load there: ${error.message}`,
        ),
    });
  } catch (error) {
    if (!(error instanceof SpecgateError) || (error.code !== 'USAGE' && error.code !== 'GIT_ERROR'))
      throw error;
    if (selector.tags !== undefined && error.code === 'USAGE') {
      logger.warn(
        `${api.name}: no git tag matches "${selector.tags}", so the portal shows the working tree's spec alone. Check --tags against git tag --list.`,
      );
    }
    return [
      { document: await loadSpec(api.spec, { cwd, allowRemote }), label: { ref: 'working tree' } },
    ];
  }
}
