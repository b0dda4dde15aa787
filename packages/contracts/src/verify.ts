import { connect } from 'node:net';
import { pathToFileURL } from 'node:url';

import type { VerifierOptions } from '@pact-foundation/pact';
import { SpecgateError } from '@specgate/core';

import { BrokerClient, type BrokerConnection } from './broker-client.js';
import { readPacts } from './pact-files.js';
import type { ConsumerVersionSelector } from './store/pacts-for-verification.js';

/** A provider state handler, as Pact JS takes it: a function of the state's params, or setup and teardown. */
export type StateHandler = NonNullable<VerifierOptions['stateHandlers']>[string];

/** Options of {@link verifyProvider}. */
export interface VerifyOptions {
  provider: string;
  providerBaseUrl: string;
  providerVersion: string;
  providerBranch?: string | undefined;
  /** Pacts come from this broker (or store) when given... */
  broker?: BrokerConnection | undefined;
  /** ...or from these local files and folders. */
  pactSources?: string[] | undefined;
  selectors?: ConsumerVersionSelector[] | undefined;
  enablePending?: boolean | undefined;
  includeWipPactsSince?: string | undefined;
  /** A JS module exporting `stateHandlers`, keyed by state name. */
  stateHandlersModule?: string | undefined;
  /** Or the provider's state change endpoint, which Pact calls with `{ state, params, action }`. */
  stateChangeUrl?: string | undefined;
  publishVerificationResults?: boolean | undefined;
  buildUrl?: string | undefined;
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error' | undefined;
}

/** One field that differed between the pact and the provider's response. */
export interface FieldMismatch {
  path: string;
  type: string;
  expected: string | null;
  actual: string | null;
  message: string;
}

/** An interaction the provider failed. */
export interface InteractionFailure {
  consumer: string;
  interaction: string;
  state: string | null;
  pending: boolean;
  mismatches: FieldMismatch[];
}

/** The result of one provider verification. */
export interface VerifyResult {
  provider: string;
  providerVersion: string;
  pacts: { consumer: string; pending: boolean; wip: boolean; source: string }[];
  interactions: { description: string; result: string }[];
  failures: InteractionFailure[];
  missingStates: string[];
  /** Whether results reached the broker; null when not asked to publish. */
  published: boolean | null;
  success: boolean;
}

/** The selectors a provider build uses by default: main, deployed or released, same branch. */
export const DEFAULT_SELECTORS: ConsumerVersionSelector[] = [
  { mainBranch: true },
  { deployedOrReleased: true },
  { matchingBranch: true },
];

/**
 * Verifies a provider against its consumers' pacts with Pact's verifier, then checks
 * what the verifier only warns about: a state without a handler fails its
 * interaction, and results asked to be published must be readable from the broker.
 */
export async function verifyProvider(options: VerifyOptions): Promise<VerifyResult> {
  if (!options.broker && (!options.pactSources || options.pactSources.length === 0)) {
    throw new SpecgateError(
      'USAGE',
      'no pacts to verify: pass --broker-url (or PACT_BROKER_BASE_URL) or pact files.',
    );
  }
  if (options.publishVerificationResults && !options.broker) {
    throw new SpecgateError(
      'USAGE',
      '--publish-verification-results needs --broker-url: results go to a broker.',
    );
  }

  const pacts = options.broker ? await brokerPacts(options, options.broker) : localPacts(options);
  await checkProviderListens(options.providerBaseUrl);
  const states = new Set(
    pacts.flatMap((pact) => pact.interactions.flatMap((entry) => entry.states)),
  );
  const handlers = options.stateChangeUrl
    ? null
    : await loadStateHandlers(options.stateHandlersModule);
  const missingStates = handlers ? [...states].filter((state) => !(state in handlers)).sort() : [];

  const raw = await runVerifier(options, handlers);
  const failures = [
    ...missingStateFailures(pacts, new Set(missingStates)),
    ...readFailures(raw.errors, false),
    ...readFailures(raw.pendingErrors, true),
  ];

  let published: boolean | null = null;
  if (options.publishVerificationResults && options.broker && pacts.length > 0) {
    published = await resultsPublished(
      options.broker,
      options,
      pacts.map((pact) => pact.consumer),
    );
  }

  const success =
    failures.every((failure) => failure.pending) && raw.ranCleanly && published !== false;
  return {
    provider: options.provider,
    providerVersion: options.providerVersion,
    pacts: pacts.map(({ consumer, pending, wip, source }) => ({ consumer, pending, wip, source })),
    interactions: raw.interactionResults,
    failures,
    missingStates,
    published,
    success,
  };
}

/**
 * Opens and closes one connection to the provider before the verification. Pact JS proxies
 * requests to it and crashes the process on a refused connection, so a provider that is not
 * running is reported here instead.
 */
async function checkProviderListens(baseUrl: string): Promise<void> {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new SpecgateError(
      'USAGE',
      `--provider-base-url "${baseUrl}" is not a URL. Pass one such as http://127.0.0.1:5000.`,
    );
  }
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const failure = await new Promise<string | null>((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(5_000, () => {
      socket.destroy();
      resolve('no answer within 5 s');
    });
    socket.once('connect', () => {
      socket.end();
      resolve(null);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
  if (failure !== null) {
    throw new SpecgateError(
      'USAGE',
      `cannot reach the provider at ${baseUrl} (${failure}). Check --provider-base-url, and that the provider is running.`,
    );
  }
}

interface SelectedPact {
  consumer: string;
  pending: boolean;
  wip: boolean;
  source: string;
  interactions: { description: string; states: string[] }[];
}

/**
 * Pact JS only warns about a state without a handler and runs the interaction
 * anyway, which can pass by luck; here each such interaction fails.
 */
function missingStateFailures(pacts: SelectedPact[], missing: Set<string>): InteractionFailure[] {
  return pacts.flatMap((pact) =>
    pact.interactions.flatMap((interaction) =>
      interaction.states
        .filter((state) => missing.has(state))
        .map((state) => ({
          consumer: pact.consumer,
          interaction: interaction.description,
          state,
          pending: pact.pending,
          mismatches: [
            {
              path: '',
              type: 'StateHandlerMissing',
              expected: null,
              actual: null,
              message: `no state handler for "${state}"`,
            },
          ],
        })),
    ),
  );
}

async function brokerPacts(
  options: VerifyOptions,
  broker: BrokerConnection,
): Promise<SelectedPact[]> {
  const client = new BrokerClient(broker);
  const href = await client.indexLink('pb:provider-pacts-for-verification', {
    provider: options.provider,
  });
  const reply = await client.post(href, {
    consumerVersionSelectors: options.selectors ?? DEFAULT_SELECTORS,
    ...(options.providerBranch ? { providerVersionBranch: options.providerBranch } : {}),
    includePendingStatus: options.enablePending === true,
    ...(options.includeWipPactsSince ? { includeWipPactsSince: options.includeWipPactsSince } : {}),
  });
  const listed = (reply._embedded?.['pacts'] ?? []) as {
    verificationProperties?: { pending?: boolean; wip?: boolean };
    _links: { self: { href: string } };
  }[];
  const selected: SelectedPact[] = [];
  for (const entry of listed) {
    const pact = await client.get(entry._links.self.href);
    selected.push({
      consumer: String((pact['consumer'] as { name?: unknown } | undefined)?.name ?? ''),
      pending: entry.verificationProperties?.pending === true,
      wip: entry.verificationProperties?.wip === true,
      source: entry._links.self.href,
      interactions: interactionsOf(pact),
    });
  }
  return selected;
}

function localPacts(options: VerifyOptions): SelectedPact[] {
  const files = (options.pactSources ?? []).flatMap((source) => readPacts(source));
  return files
    .filter((pact) => pact.provider === options.provider)
    .map((pact) => ({
      consumer: pact.consumer,
      pending: false,
      wip: false,
      source: pact.file,
      interactions: interactionsOf(pact.content),
    }));
}

/** Lists each interaction's description and provider state names, from V2 `providerState` or V3/V4 `providerStates`. */
function interactionsOf(pact: Record<string, unknown>): SelectedPact['interactions'] {
  const interactions = [
    ...((pact['interactions'] as unknown[] | undefined) ?? []),
    ...((pact['messages'] as unknown[] | undefined) ?? []),
  ] as { description?: unknown; providerState?: unknown; providerStates?: { name?: unknown }[] }[];
  return interactions.map((interaction) => ({
    description: String(interaction.description ?? ''),
    states: [
      ...(typeof interaction.providerState === 'string' ? [interaction.providerState] : []),
      ...(interaction.providerStates ?? []).map((state) => String(state.name ?? '')),
    ],
  }));
}

async function loadStateHandlers(
  module: string | undefined,
): Promise<Record<string, StateHandler>> {
  if (module === undefined) return {};
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(pathToFileURL(module).href)) as Record<string, unknown>;
  } catch (error) {
    throw new SpecgateError(
      'FILE_NOT_FOUND',
      `${module}: cannot load the state handlers module (${(error as Error).message.split('\n')[0]}). Pass a JS module that exports stateHandlers.`,
      { file: module, cause: error },
    );
  }
  const handlers = (loaded['stateHandlers'] ??
    (loaded['default'] as Record<string, unknown> | undefined)?.['stateHandlers'] ??
    loaded['default']) as Record<string, StateHandler> | undefined;
  if (!handlers || typeof handlers !== 'object') {
    throw new SpecgateError(
      'USAGE',
      `${module}: exports no stateHandlers object. Export one keyed by provider state name.`,
      { file: module },
    );
  }
  return handlers;
}

interface RawResults {
  errors: RawError[];
  pendingErrors: RawError[];
  interactionResults: { description: string; result: string }[];
  ranCleanly: boolean;
}

interface RawError {
  interaction: string;
  mismatch: { type?: string; message?: string; mismatches?: Record<string, unknown>[] };
}

async function runVerifier(
  options: VerifyOptions,
  handlers: Record<string, StateHandler> | null,
): Promise<RawResults> {
  process.env['PACT_DO_NOT_TRACK'] ??= 'true';
  const stateHandlers = handlers ?? {};
  const broker = options.broker;
  // Pact JS and its native core take seconds to load, so only a verification loads them.
  const { Verifier } = await import('@pact-foundation/pact');
  const verifier = new Verifier({
    provider: options.provider,
    providerBaseUrl: options.providerBaseUrl,
    providerVersion: options.providerVersion,
    ...(options.providerBranch ? { providerVersionBranch: options.providerBranch } : {}),
    ...(broker
      ? {
          pactBrokerUrl: broker.url,
          ...(broker.token ? { pactBrokerToken: broker.token } : {}),
          ...(broker.username !== undefined ? { pactBrokerUsername: broker.username } : {}),
          ...(broker.password !== undefined ? { pactBrokerPassword: broker.password } : {}),
          consumerVersionSelectors: options.selectors ?? DEFAULT_SELECTORS,
          enablePending: options.enablePending === true,
          ...(options.includeWipPactsSince
            ? { includeWipPactsSince: options.includeWipPactsSince }
            : {}),
        }
      : {
          pactUrls: (options.pactSources ?? []).flatMap((source) =>
            readPacts(source)
              .filter((pact) => pact.provider === options.provider)
              .map((pact) => pact.file),
          ),
        }),
    ...(options.stateChangeUrl
      ? { providerStatesSetupUrl: options.stateChangeUrl }
      : { stateHandlers }),
    publishVerificationResult: options.publishVerificationResults === true,
    ...(options.buildUrl ? { buildUrl: options.buildUrl } : {}),
    logLevel: options.logLevel ?? 'warn',
    failIfNoPactsFound: false,
  });
  try {
    return parseRaw(await verifier.verifyProvider(), true);
  } catch (error) {
    const message = (error as Error).message;
    if (message.trimStart().startsWith('{')) return parseRaw(message, true);
    return {
      errors: [{ interaction: '', mismatch: { type: 'error', message } }],
      pendingErrors: [],
      interactionResults: [],
      ranCleanly: false,
    };
  }
}

function parseRaw(text: string, ranCleanly: boolean): RawResults {
  let parsed: Partial<RawResults> = {};
  try {
    parsed = JSON.parse(text) as Partial<RawResults>;
  } catch {
    return { errors: [], pendingErrors: [], interactionResults: [], ranCleanly: false };
  }
  return {
    errors: parsed.errors ?? [],
    pendingErrors: parsed.pendingErrors ?? [],
    interactionResults: parsed.interactionResults ?? [],
    ranCleanly,
  };
}

/** Reads "Verifying a pact between C and P Given S - D" into its parts. */
function readFailures(errors: RawError[], pending: boolean): InteractionFailure[] {
  return errors.map((error) => {
    const match = /^Verifying a pact between (.+?) and (.+?)(?: Given (.+?))? - (.+)$/s.exec(
      error.interaction,
    );
    // The core lists an interaction's mismatches in no fixed order, so sort them by field.
    const mismatches = (error.mismatch.mismatches ?? [])
      .map((entry) => toFieldMismatch(entry))
      .sort((a, b) => a.path.localeCompare(b.path) || a.message.localeCompare(b.message));
    if (mismatches.length === 0) {
      mismatches.push({
        path: '',
        type: error.mismatch.type ?? 'error',
        expected: null,
        actual: null,
        message: error.mismatch.message ?? 'the interaction could not be verified',
      });
    }
    return {
      consumer: match?.[1] ?? '',
      interaction: match?.[4] ?? error.interaction,
      state: match?.[3] ?? null,
      pending,
      mismatches,
    };
  });
}

function toFieldMismatch(entry: Record<string, unknown>): FieldMismatch {
  const text = (value: unknown) =>
    value === undefined || value === null
      ? null
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);
  const type = String(entry['type'] ?? 'mismatch');
  const path =
    text(entry['path']) ??
    (type === 'StatusMismatch'
      ? 'status'
      : type === 'HeaderMismatch'
        ? `header ${text(entry['key']) ?? ''}`
        : '');
  return {
    path,
    type,
    expected: text(entry['expected']),
    actual: text(entry['actual']),
    message: text(entry['mismatch']) ?? text(entry['description']) ?? type,
  };
}

/** Reads back what the verifier published, since it only logs a failed publish. */
async function resultsPublished(
  broker: BrokerConnection,
  options: VerifyOptions,
  consumers: string[],
): Promise<boolean> {
  const client = new BrokerClient(broker);
  const answer = await client
    .matrix([{ pacticipant: options.provider, version: options.providerVersion }])
    .catch(() => null);
  if (!answer) return false;
  return consumers.every((consumer) =>
    answer.matrix.some(
      (row) =>
        row.consumer.name === consumer &&
        row.provider.version?.number === options.providerVersion &&
        row.verificationResult !== null,
    ),
  );
}
