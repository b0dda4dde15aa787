import type { ContractStore, PublicationRow } from './contract-store.js';

/** A consumer version selector as the Pact clients send it. */
export interface ConsumerVersionSelector {
  mainBranch?: boolean;
  branch?: string;
  fallbackBranch?: string;
  matchingBranch?: boolean;
  deployedOrReleased?: boolean;
  deployed?: boolean;
  released?: boolean;
  environment?: string;
  consumer?: string;
  latest?: boolean;
  tag?: string;
}

/** The body of a pacts-for-verification request. */
export interface ForVerificationRequest {
  consumerVersionSelectors?: ConsumerVersionSelector[];
  providerVersionBranch?: string;
  includePendingStatus?: boolean;
  includeWipPactsSince?: string;
}

/** One pact to verify, with why it was selected. */
export interface SelectedPact {
  sha: string;
  consumer: string;
  provider: string;
  consumerVersions: { number: string; reason: string }[];
  pending: boolean;
  wip: boolean;
}

/** The selectors the clients use when the caller gives none. */
const DEFAULT_SELECTORS: ConsumerVersionSelector[] = [
  { mainBranch: true },
  { deployedOrReleased: true },
];

/**
 * Picks the pacts a provider should verify: the consumer versions each selector names,
 * grouped by pact content, each marked pending until a provider version on the
 * request's branch verified it, plus work-in-progress pacts when asked for.
 */
export function selectPactsForVerification(
  store: ContractStore,
  provider: string,
  request: ForVerificationRequest,
): SelectedPact[] {
  const publications = store.publicationsFor(provider);
  const selectors =
    request.consumerVersionSelectors && request.consumerVersionSelectors.length > 0
      ? request.consumerVersionSelectors
      : DEFAULT_SELECTORS;
  const bySha = new Map<string, SelectedPact>();
  for (const selector of selectors) {
    for (const publication of matchSelector(store, publications, selector, request)) {
      addSelected(bySha, publication, describeSelector(selector, request), false);
    }
  }
  const branch = request.providerVersionBranch ?? null;
  const includePending = request.includePendingStatus === true;
  for (const pact of bySha.values()) {
    pact.pending = includePending && !store.hasSuccessfulVerification(pact.sha, provider, branch);
  }
  if (includePending && request.includeWipPactsSince) {
    addWorkInProgress(store, publications, bySha, request.includeWipPactsSince, branch);
  }
  return [...bySha.values()];
}

function addSelected(
  bySha: Map<string, SelectedPact>,
  publication: PublicationRow,
  reason: string,
  wip: boolean,
): void {
  const entry = bySha.get(publication.sha) ?? {
    sha: publication.sha,
    consumer: publication.consumer,
    provider: publication.provider,
    consumerVersions: [],
    pending: wip,
    wip,
  };
  if (
    !entry.consumerVersions.some((version) => version.number === publication.consumerVersion.number)
  ) {
    entry.consumerVersions.push({ number: publication.consumerVersion.number, reason });
  }
  bySha.set(publication.sha, entry);
}

function matchSelector(
  store: ContractStore,
  publications: PublicationRow[],
  selector: ConsumerVersionSelector,
  request: ForVerificationRequest,
): PublicationRow[] {
  const consumers = [...new Set(publications.map((publication) => publication.consumer))].filter(
    (consumer) => selector.consumer === undefined || consumer === selector.consumer,
  );
  const picked: PublicationRow[] = [];
  for (const consumer of consumers) {
    const own = publications.filter((publication) => publication.consumer === consumer);
    picked.push(...matchConsumer(store, own, consumer, selector, request));
  }
  return picked;
}

function matchConsumer(
  store: ContractStore,
  own: PublicationRow[],
  consumer: string,
  selector: ConsumerVersionSelector,
  request: ForVerificationRequest,
): PublicationRow[] {
  const latestOn = (branch: string) =>
    own.find((publication) => publication.consumerVersion.branches.includes(branch));
  if (selector.mainBranch) {
    const main = store.findPacticipant(consumer)?.mainBranch;
    const found = main ? latestOn(main) : undefined;
    return found ? [found] : [];
  }
  if (selector.branch !== undefined) {
    const found =
      latestOn(selector.branch) ??
      (selector.fallbackBranch ? latestOn(selector.fallbackBranch) : undefined);
    return found ? [found] : [];
  }
  if (selector.matchingBranch) {
    const found = request.providerVersionBranch
      ? latestOn(request.providerVersionBranch)
      : undefined;
    return found ? [found] : [];
  }
  if (
    selector.deployedOrReleased ||
    selector.deployed ||
    selector.released ||
    selector.environment
  ) {
    const environment = selector.environment ? store.findEnvironment(selector.environment) : null;
    if (selector.environment && !environment) return [];
    const anyKind = selector.deployedOrReleased || (!selector.deployed && !selector.released);
    const current = store.currentVersions(consumer, environment, {
      deployed: anyKind || selector.deployed === true,
      released: anyKind || selector.released === true,
    });
    const numbers = new Set(current.map((version) => version.number));
    return own.filter((publication) => numbers.has(publication.consumerVersion.number));
  }
  if (selector.latest) {
    // NOTE: tags are not stored, so a tag selector matches like `latest` alone.
    return own.slice(0, 1);
  }
  return [];
}

function addWorkInProgress(
  store: ContractStore,
  publications: PublicationRow[],
  bySha: Map<string, SelectedPact>,
  since: string,
  branch: string | null,
): void {
  const cutoff = Date.parse(since);
  const seenBranches = new Set<string>();
  for (const publication of publications) {
    for (const consumerBranch of publication.consumerVersion.branches) {
      const key = `${publication.consumer}\u0000${consumerBranch}`;
      if (seenBranches.has(key)) continue;
      seenBranches.add(key);
      if (bySha.has(publication.sha)) continue;
      if (!(Date.parse(publication.createdAt) >= cutoff)) continue;
      if (store.hasSuccessfulVerification(publication.sha, publication.provider, branch)) continue;
      addSelected(
        bySha,
        publication,
        `latest from branch ${consumerBranch}, work in progress`,
        true,
      );
    }
  }
}

function describeSelector(
  selector: ConsumerVersionSelector,
  request: ForVerificationRequest,
): string {
  if (selector.mainBranch) return 'latest from the main branch';
  if (selector.branch !== undefined) return `latest from branch ${selector.branch}`;
  if (selector.matchingBranch) return `latest from branch ${request.providerVersionBranch ?? ''}`;
  if (selector.environment) return `deployed or released to ${selector.environment}`;
  if (selector.deployed) return 'currently deployed';
  if (selector.released) return 'currently released';
  if (selector.deployedOrReleased) return 'currently deployed or released';
  return 'latest';
}
