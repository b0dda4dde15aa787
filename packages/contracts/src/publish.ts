import { BrokerClient, type BrokerConnection } from './broker-client.js';
import type { PactFile } from './pact-files.js';

/** Options of {@link publishPacts}. */
export interface PublishOptions {
  broker: BrokerConnection;
  /** The consumer version, normally the git commit SHA. */
  consumerAppVersion: string;
  branch?: string | undefined;
  buildUrl?: string | undefined;
  tags?: string[] | undefined;
}

/** Result of publishing one consumer's pacts. */
export interface PublishResult {
  consumer: string;
  version: string;
  providers: string[];
  notices: string[];
}

/**
 * Publishes pacts through `pb:publish-contracts`, one request per consumer, with the
 * consumer version and branch, as `pact-broker publish` does.
 */
export async function publishPacts(
  pacts: PactFile[],
  options: PublishOptions,
): Promise<PublishResult[]> {
  const client = new BrokerClient(options.broker);
  const href = await client.indexLink('pb:publish-contracts');
  const byConsumer = new Map<string, PactFile[]>();
  for (const pact of pacts)
    byConsumer.set(pact.consumer, [...(byConsumer.get(pact.consumer) ?? []), pact]);
  const results: PublishResult[] = [];
  for (const [consumer, own] of byConsumer) {
    const reply = await client.post(href, {
      pacticipantName: consumer,
      pacticipantVersionNumber: options.consumerAppVersion,
      ...(options.branch ? { branch: options.branch } : {}),
      ...(options.buildUrl ? { buildUrl: options.buildUrl } : {}),
      ...(options.tags && options.tags.length > 0 ? { tags: options.tags } : {}),
      contracts: own.map((pact) => ({
        consumerName: consumer,
        providerName: pact.provider,
        specification: 'pact',
        contentType: 'application/json',
        content: Buffer.from(JSON.stringify(pact.content)).toString('base64'),
      })),
    });
    const notices = ((reply['notices'] as { text?: unknown }[] | undefined) ?? []).map((notice) =>
      String(notice.text),
    );
    results.push({
      consumer,
      version: options.consumerAppVersion,
      providers: own.map((pact) => pact.provider),
      notices,
    });
  }
  return results;
}
