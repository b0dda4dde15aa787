import type { ContractStore, VersionRow, VerificationRow } from './contract-store.js';

/** One pacticipant selector of a matrix query (`q[][pacticipant]=...`). */
export interface MatrixSelector {
  pacticipant: string;
  version?: string;
  branch?: string;
  mainBranch?: boolean;
  latest?: boolean;
}

/** A matrix query: one selector and a target environment, or two selectors. */
export interface MatrixQuery {
  selectors: MatrixSelector[];
  environment?: string;
}

/** One consumer version and provider version pair with its verification, if any. */
export interface MatrixRow {
  consumer: string;
  consumerVersion: VersionRow;
  provider: string;
  providerVersion: VersionRow | null;
  sha: string;
  verification: VerificationRow | null;
}

/** The result of a matrix query. `deployable` is null while a verification result is missing. */
export interface MatrixResult {
  rows: MatrixRow[];
  summary: {
    deployable: boolean | null;
    reason: string;
    success: number;
    failed: number;
    unknown: number;
  };
}

/** A query names a pacticipant, version or environment the store does not know. */
export class MatrixLookupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MatrixLookupError';
  }
}

/**
 * Decides whether a version can go to an environment. Every integration of the
 * version with the versions currently in the environment, on either side, needs a
 * successful verification of the pact between them.
 */
export function queryMatrix(store: ContractStore, query: MatrixQuery): MatrixResult {
  const first = query.selectors[0];
  if (!first)
    throw new MatrixLookupError('the matrix query names no pacticipant (q[][pacticipant])');
  const version = resolveSelector(store, first);
  let rows: MatrixRow[];
  if (query.environment !== undefined) {
    const environment = store.findEnvironment(query.environment);
    if (!environment) {
      throw new MatrixLookupError(`no environment named "${query.environment}" exists`);
    }
    rows = [
      ...rowsAsConsumer(store, version, (provider) => store.currentVersions(provider, environment)),
      ...rowsAsProvider(store, version, (consumer) => store.currentVersions(consumer, environment)),
    ];
  } else if (query.selectors.length === 1) {
    rows = verifiedRows(store, version);
  } else {
    const others = query.selectors.slice(1).map((selector) => resolveSelector(store, selector));
    const pick = (name: string) => others.filter((other) => other.pacticipant === name);
    rows = [...rowsAsConsumer(store, version, pick), ...rowsAsProvider(store, version, pick)];
  }
  return { rows, summary: summarise(rows, version, query.environment) };
}

function resolveSelector(store: ContractStore, selector: MatrixSelector): VersionRow {
  if (!store.findPacticipant(selector.pacticipant)) {
    throw new MatrixLookupError(`no pacticipant named "${selector.pacticipant}" exists`);
  }
  let version: VersionRow | null = null;
  let described = '';
  if (selector.version !== undefined) {
    version = store.findVersion(selector.pacticipant, selector.version);
    described = `version ${selector.version}`;
  } else if (selector.branch !== undefined) {
    version = store.latestOnBranch(selector.pacticipant, selector.branch);
    described = `a version on branch ${selector.branch}`;
  } else if (selector.mainBranch) {
    const main = store.findPacticipant(selector.pacticipant)?.mainBranch;
    version = main ? store.latestOnBranch(selector.pacticipant, main) : null;
    described = 'a version on its main branch';
  } else {
    version = store.latestVersion(selector.pacticipant);
    described = 'any version';
  }
  if (!version) throw new MatrixLookupError(`${selector.pacticipant} has no ${described}`);
  return version;
}

function rowsAsConsumer(
  store: ContractStore,
  consumerVersion: VersionRow,
  providerVersions: (provider: string) => VersionRow[],
): MatrixRow[] {
  const rows: MatrixRow[] = [];
  for (const publication of store.publicationsOf(consumerVersion)) {
    const candidates = providerVersions(publication.provider);
    const base = {
      consumer: publication.consumer,
      consumerVersion,
      provider: publication.provider,
      sha: publication.sha,
    };
    if (candidates.length === 0) rows.push({ ...base, providerVersion: null, verification: null });
    for (const providerVersion of candidates) {
      rows.push({
        ...base,
        providerVersion,
        verification: store.latestVerification(publication.sha, providerVersion),
      });
    }
  }
  return rows;
}

function rowsAsProvider(
  store: ContractStore,
  providerVersion: VersionRow,
  consumerVersions: (consumer: string) => VersionRow[],
): MatrixRow[] {
  const rows: MatrixRow[] = [];
  const consumers = new Set(
    store.publicationsFor(providerVersion.pacticipant).map((publication) => publication.consumer),
  );
  for (const consumer of consumers) {
    for (const consumerVersion of consumerVersions(consumer)) {
      const publication = store
        .publicationsOf(consumerVersion)
        .find((entry) => entry.provider === providerVersion.pacticipant);
      if (!publication) continue;
      rows.push({
        consumer,
        consumerVersion,
        provider: providerVersion.pacticipant,
        providerVersion,
        sha: publication.sha,
        verification: store.latestVerification(publication.sha, providerVersion),
      });
    }
  }
  return rows;
}

/** A version alone: the results it published as a provider, and those its pacts got. */
function verifiedRows(store: ContractStore, version: VersionRow): MatrixRow[] {
  const rows: MatrixRow[] = [];
  const seen = new Set<string>();
  for (const verification of store.verificationsBy(version)) {
    const key = `${verification.consumer}\u0000${verification.sha}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const publication = store
      .publicationsFor(version.pacticipant, verification.consumer)
      .find((entry) => entry.sha === verification.sha);
    if (!publication) continue;
    rows.push({
      consumer: verification.consumer,
      consumerVersion: publication.consumerVersion,
      provider: version.pacticipant,
      providerVersion: version,
      sha: verification.sha,
      verification,
    });
  }
  for (const publication of store.publicationsOf(version)) {
    const latest = store.verificationsOf(publication.sha)[0] ?? null;
    rows.push({
      consumer: publication.consumer,
      consumerVersion: version,
      provider: publication.provider,
      providerVersion: latest
        ? store.findVersion(publication.provider, latest.providerVersion)
        : null,
      sha: publication.sha,
      verification: latest,
    });
  }
  return rows;
}

function summarise(
  rows: MatrixRow[],
  version: VersionRow,
  environment: string | undefined,
): MatrixResult['summary'] {
  const success = rows.filter((row) => row.verification?.success === true).length;
  const failed = rows.filter((row) => row.verification?.success === false).length;
  const unknown = rows.length - success - failed;
  const subject = `${version.pacticipant} version ${version.number}`;
  const target = environment ? ` to ${environment}` : '';
  if (failed > 0) {
    const first = rows.find((row) => row.verification?.success === false)!;
    return {
      deployable: false,
      reason: `The verification of the pact between ${describeRow(first)} failed`,
      success,
      failed,
      unknown,
    };
  }
  if (unknown > 0) {
    const first = rows.find((row) => row.verification === null)!;
    const reason =
      first.providerVersion === null
        ? `There is no version of ${first.provider}${environment ? ` in ${environment}` : ''} to verify the pact from ${first.consumer} version ${first.consumerVersion.number}`
        : `There is no verification result for the pact between ${describeRow(first)}`;
    return { deployable: null, reason, success, failed, unknown };
  }
  const reason =
    rows.length === 0
      ? `${subject} has no integrations that need verifying${target}`
      : `All required verification results are published and successful for ${subject}${target}`;
  return { deployable: true, reason, success, failed, unknown };
}

function describeRow(row: MatrixRow): string {
  return `${row.consumer} version ${row.consumerVersion.number} and ${row.provider} version ${row.providerVersion?.number ?? 'none'}`;
}
