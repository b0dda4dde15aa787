/**
 * Consumer-driven contracts: helpers for Pact consumer tests, an embedded contract
 * store that speaks the Pact Broker HTTP API, a broker client for publishing,
 * provider verification and deploy gates, and the check of pacts against OpenAPI specs.
 * The consumer test helpers load Pact JS, so they have their own entry point,
 * `@specgate/contracts/consumer`.
 */
export { BrokerClient } from './broker-client.js';
export type { BrokerConnection, HalResource, MatrixAnswer, MatrixLine } from './broker-client.js';
export { comparePactWithSpec } from './compare.js';
export type { PactSpecProblem } from './compare.js';
export { canIDeploy, createEnvironment, recordDeployment, recordRelease } from './deploy.js';
export type {
  CanIDeployOptions,
  CanIDeployResult,
  CreateEnvironmentOptions,
  CreatedEnvironment,
  RecordOptions,
  RecordResult,
} from './deploy.js';
export { readPact, readPacts } from './pact-files.js';
export type { PactFile } from './pact-files.js';
export { publishPacts } from './publish.js';
export type { PublishOptions, PublishResult } from './publish.js';
export { checkPactsAgainstSpec, readPactFolder, recordSpecVerification } from './spec-check.js';
export type { RecordedComparison, RecordSpecOptions, SpecContractsResult } from './spec-check.js';
export { startBroker } from './store/broker-server.js';
export type { BrokerServerOptions, RunningBroker } from './store/broker-server.js';
export { ContractStore } from './store/contract-store.js';
export type { EnvironmentRow, VersionRow, VerificationRow } from './store/contract-store.js';
export { queryMatrix } from './store/matrix.js';
export type { MatrixQuery, MatrixResult, MatrixSelector } from './store/matrix.js';
export { selectPactsForVerification } from './store/pacts-for-verification.js';
export type {
  ConsumerVersionSelector,
  ForVerificationRequest,
} from './store/pacts-for-verification.js';
export { DEFAULT_SELECTORS, verifyProvider } from './verify.js';
export { verifyProviderIsolated } from './verify-isolated.js';
export type {
  FieldMismatch,
  InteractionFailure,
  StateHandler,
  VerifyOptions,
  VerifyResult,
} from './verify.js';
