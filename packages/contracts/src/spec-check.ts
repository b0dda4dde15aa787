import { existsSync } from 'node:fs';

import { BrokerClient, type BrokerConnection } from './broker-client.js';
import { comparePactWithSpec, type PactSpecProblem } from './compare.js';
import { readPacts, type PactFile } from './pact-files.js';
import { DEFAULT_SELECTORS } from './verify.js';

/** Result of checking one provider's spec against its consumers' pacts. */
export interface SpecContractsResult {
  provider: string;
  /** Per pact: `problems` counts its error-level problems, `warnings` its warning-level ones. */
  pacts: { consumer: string; file: string; problems: number; warnings: number }[];
  problems: PactSpecProblem[];
}

/** Reads the pacts in a folder, or returns none when the folder does not exist yet. */
export function readPactFolder(folder: string): PactFile[] {
  return existsSync(folder) ? readPacts(folder) : [];
}

/**
 * Checks the pacts whose provider is `provider` against that provider's spec, so a
 * spec change that breaks a known consumer is caught before any deploy.
 */
export async function checkPactsAgainstSpec(
  provider: string,
  spec: Record<string, unknown>,
  pacts: PactFile[],
): Promise<SpecContractsResult> {
  const own = pacts.filter((pact) => pact.provider === provider);
  const problems: PactSpecProblem[] = [];
  const summary: SpecContractsResult['pacts'] = [];
  for (const pact of own) {
    const found = await comparePactWithSpec(pact, spec);
    problems.push(...found);
    summary.push({
      consumer: pact.consumer,
      file: pact.file,
      problems: found.filter((problem) => problem.level === 'error').length,
      warnings: found.filter((problem) => problem.level === 'warning').length,
    });
  }
  return { provider, pacts: summary, problems };
}

/** Options of {@link recordSpecVerification}. */
export interface RecordSpecOptions {
  broker: BrokerConnection;
  provider: string;
  providerVersion: string;
  branch?: string | undefined;
  spec: Record<string, unknown>;
}

/** One pact from the broker checked against the spec, with the result recorded. */
export interface RecordedComparison {
  consumer: string;
  pact: string;
  success: boolean;
  problems: PactSpecProblem[];
}

/**
 * Checks the provider's pacts in a broker against its spec and publishes each
 * outcome as a verification result of the provider version, so can-i-deploy
 * counts the spec check like a provider test.
 */
export async function recordSpecVerification(
  options: RecordSpecOptions,
): Promise<RecordedComparison[]> {
  const client = new BrokerClient(options.broker);
  const href = await client.indexLink('pb:provider-pacts-for-verification', {
    provider: options.provider,
  });
  const reply = await client.post(href, {
    consumerVersionSelectors: DEFAULT_SELECTORS,
    ...(options.branch ? { providerVersionBranch: options.branch } : {}),
  });
  const listed = (reply._embedded?.['pacts'] ?? []) as { _links: { self: { href: string } } }[];
  if (listed.length > 0 && options.branch) {
    const provider = await client
      .get(await client.indexLink('pb:pacticipant', { pacticipant: options.provider }))
      .catch(() => null);
    const template = provider?._links?.['pb:branch-version'];
    if (template && !Array.isArray(template)) {
      await client.put(
        template.href
          .replace('{branch}', encodeURIComponent(options.branch))
          .replace('{version}', encodeURIComponent(options.providerVersion)),
        {},
      );
    }
  }
  const recorded: RecordedComparison[] = [];
  for (const entry of listed) {
    const content = await client.get(entry._links.self.href);
    const consumer = String((content['consumer'] as { name?: unknown } | undefined)?.name ?? '');
    const { _links: links, ...pactContent } = content;
    const pact: PactFile = {
      file: entry._links.self.href,
      consumer,
      provider: options.provider,
      content: pactContent,
    };
    const problems = await comparePactWithSpec(pact, options.spec);
    const success = problems.every((problem) => problem.level !== 'error');
    const publish = links?.['pb:publish-verification-results'];
    if (publish && !Array.isArray(publish)) {
      await client.post(publish.href, {
        success,
        providerApplicationVersion: options.providerVersion,
        verifiedBy: { implementation: 'specgate openapi-pact-comparator', version: '2.3.1' },
        testResults: problems.map((problem) => ({
          interactionDescription: problem.interaction,
          code: problem.code,
          message: problem.message,
        })),
      });
    }
    recorded.push({ consumer, pact: entry._links.self.href, success, problems });
  }
  return recorded;
}
