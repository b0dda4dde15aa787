import path from 'node:path';

import { MatchersV3, PactV4, SpecificationVersion } from '@pact-foundation/pact';

/** Pact's V3 matchers (like, eachLike, regex, uuid, datetime...), for consumer tests. */
export const Matchers = MatchersV3;

/** Options of {@link consumerPact}. */
export interface ConsumerPactOptions {
  consumer: string;
  /** The provider's name; for an API this repository governs, its name in specgate.yaml. */
  provider: string;
  /** Folder the pact file is written to, by convention the repository's `contracts/pacts`. */
  pactDir: string;
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error';
}

/** Returns the folder consumer tests write pacts to, under a repository root. */
export function pactDirOf(repositoryRoot: string): string {
  return path.join(repositoryRoot, 'contracts', 'pacts');
}

/**
 * Starts a Pact V4 consumer contract between two pacticipants, writing its pact
 * file into `pactDir`. Its mock servers bind 127.0.0.1 on a free port.
 */
export function consumerPact(options: ConsumerPactOptions): PactV4 {
  // Pact's native core reports usage unless PACT_DO_NOT_TRACK is set, so specgate sets it.
  process.env['PACT_DO_NOT_TRACK'] ??= 'true';
  return new PactV4({
    consumer: options.consumer,
    provider: options.provider,
    dir: options.pactDir,
    spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
    logLevel: options.logLevel ?? 'warn',
    host: '127.0.0.1',
  });
}

/** Returns the file name Pact gives the pact between a consumer and a provider. */
export function pactFileName(consumer: string, provider: string): string {
  return `${consumer}-${provider}.json`;
}
