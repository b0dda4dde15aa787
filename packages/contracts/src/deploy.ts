import { SpecgateError } from '@specgate/core';

import { BrokerClient, type BrokerConnection, type MatrixAnswer } from './broker-client.js';

/** Options of {@link canIDeploy}. */
export interface CanIDeployOptions {
  broker: BrokerConnection;
  pacticipant: string;
  version: string;
  environment: string;
  /** How many more times to ask while the answer is unknown. */
  retryWhileUnknown?: number;
  /** Seconds between those tries. */
  retryInterval?: number;
  /** Waits between tries; tests pass a fast one. */
  sleep?: (milliseconds: number) => Promise<void>;
}

/** The can-i-deploy answer: yes, no, or unknown (results still missing). */
export interface CanIDeployResult {
  pacticipant: string;
  version: string;
  environment: string;
  deployable: boolean | null;
  reason: string;
  attempts: number;
  matrix: MatrixAnswer['matrix'];
}

/**
 * Asks the broker's matrix whether a version may go to an environment, asking again
 * while the answer is unknown when retries are allowed.
 */
export async function canIDeploy(options: CanIDeployOptions): Promise<CanIDeployResult> {
  const client = new BrokerClient(options.broker);
  const sleep =
    options.sleep ??
    ((milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds)));
  const retries = options.retryWhileUnknown ?? 0;
  let attempts = 0;
  for (;;) {
    attempts += 1;
    const answer = await client.matrix(
      [{ pacticipant: options.pacticipant, version: options.version }],
      options.environment,
    );
    if (answer.summary.deployable !== null || attempts > retries) {
      return {
        pacticipant: options.pacticipant,
        version: options.version,
        environment: options.environment,
        deployable: answer.summary.deployable,
        reason: answer.summary.reason,
        attempts,
        matrix: answer.matrix,
      };
    }
    await sleep((options.retryInterval ?? 10) * 1000);
  }
}

/** Options of {@link recordDeployment} and {@link recordRelease}. */
export interface RecordOptions {
  broker: BrokerConnection;
  pacticipant: string;
  version: string;
  environment: string;
  applicationInstance?: string | undefined;
}

/** A recorded deployment or release. */
export interface RecordResult {
  pacticipant: string;
  version: string;
  environment: string;
  uuid: string | null;
}

/** Records that a version is now deployed to an environment (`pb:record-deployment`). */
export function recordDeployment(options: RecordOptions): Promise<RecordResult> {
  return record(options, 'pb:record-deployment', {
    ...(options.applicationInstance ? { applicationInstance: options.applicationInstance } : {}),
  });
}

/** Records that a version is released to an environment (`pb:record-release`). */
export function recordRelease(options: RecordOptions): Promise<RecordResult> {
  return record(options, 'pb:record-release', {});
}

async function record(
  options: RecordOptions,
  relation: string,
  body: object,
): Promise<RecordResult> {
  const client = new BrokerClient(options.broker);
  const template = await client.indexLink('pb:pacticipant-version', {
    pacticipant: options.pacticipant,
    version: options.version,
  });
  const version = await client.get(template).catch((error: unknown) => {
    if (error instanceof SpecgateError && / 404: /.test(error.message)) {
      throw new SpecgateError(
        'BROKER_ERROR',
        `the broker at ${client.url} knows no version ${options.version} of "${options.pacticipant}". Publish its pacts or verification results first, or check the names.`,
      );
    }
    throw error;
  });
  const links = version._links?.[relation];
  const list = Array.isArray(links) ? links : [];
  if (links && !Array.isArray(links)) list.push(links);
  const link = list.find((entry) => entry.name === options.environment);
  if (!link) {
    const known = list.map((entry) => entry.name).filter(Boolean);
    throw new SpecgateError(
      'BROKER_ERROR',
      `the broker at ${client.url} has no environment "${options.environment}"${known.length > 0 ? ` (known: ${known.join(', ')})` : ''}. Create it first, e.g. specgate broker create-environment ${options.environment}.`,
    );
  }
  const reply = await client.post(link.href, body);
  return {
    pacticipant: options.pacticipant,
    version: options.version,
    environment: options.environment,
    uuid: typeof reply['uuid'] === 'string' ? reply['uuid'] : null,
  };
}

/** Options of {@link createEnvironment}. */
export interface CreateEnvironmentOptions {
  broker: BrokerConnection;
  name: string;
  displayName?: string | undefined;
  production: boolean;
}

/** An environment the broker created. */
export interface CreatedEnvironment {
  name: string;
  production: boolean;
  uuid: string | null;
}

/** Creates an environment through the broker's `pb:environments` link. */
export async function createEnvironment(
  options: CreateEnvironmentOptions,
): Promise<CreatedEnvironment> {
  const client = new BrokerClient(options.broker);
  const href = await client.indexLink('pb:environments');
  const reply = await client.post(href, {
    name: options.name,
    ...(options.displayName === undefined ? {} : { displayName: options.displayName }),
    production: options.production,
  });
  return {
    name: options.name,
    production: options.production,
    uuid: typeof reply['uuid'] === 'string' ? reply['uuid'] : null,
  };
}
