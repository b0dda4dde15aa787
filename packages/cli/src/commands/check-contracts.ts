import path from 'node:path';

import {
  bundleSpec,
  escapeSegment,
  fingerprint,
  SpecgateError,
  type Finding,
  type SpecDocument,
} from '@specgate/core';
import {
  checkPactsAgainstSpec,
  readPactFolder,
  recordSpecVerification,
  type BrokerConnection,
  type PactFile,
  type PactSpecProblem,
} from '@specgate/contracts';

import type { Logger } from '../logger.js';

/** Folder where consumer tests write the pacts that `specgate check` compares specs with. */
export const PACT_FOLDER = path.join('contracts', 'pacts');

/** Recording the spec check in a broker, so can-i-deploy counts it. */
export interface ContractRecording {
  broker: BrokerConnection;
  providerVersion: string;
  branch: string | undefined;
}

/** The `contracts` section of one API in the check report. */
export interface ContractsSection {
  /** Per pact: `problems` counts its error-level problems, `warnings` its warning-level ones. */
  pacts: { consumer: string; file: string; problems: number; warnings: number }[];
  problems: PactSpecProblem[];
  recorded: { consumer: string; pact: string; success: boolean }[] | null;
}

/** Reads the repository's pacts once per check run. */
export function loadRepositoryPacts(cwd: string): PactFile[] {
  return readPactFolder(path.join(cwd, PACT_FOLDER)).map((pact) => ({
    ...pact,
    file: path.relative(cwd, pact.file).split(path.sep).join('/'),
  }));
}

/**
 * Holds an API's spec to the pacts of its consumers (pacts whose provider is the API's
 * name) and, with a broker, records the outcome there as a verification result.
 */
export async function checkApiContracts(
  api: string,
  document: SpecDocument,
  pacts: PactFile[],
  recording: ContractRecording | null,
): Promise<{ section: ContractsSection; findings: Finding[] }> {
  // The comparator follows local $refs only, so the spec's files are put into one document.
  const spec = bundleSpec(document);
  const local = await checkPactsAgainstSpec(api, spec, pacts);
  let recorded: ContractsSection['recorded'] = null;
  const problems = [...local.problems];
  if (recording) {
    const results = await recordSpecVerification({
      broker: recording.broker,
      provider: api,
      providerVersion: recording.providerVersion,
      branch: recording.branch,
      spec,
    });
    recorded = results.map(({ consumer, pact, success }) => ({ consumer, pact, success }));
    const localConsumers = new Set(local.pacts.map((pact) => pact.consumer));
    for (const result of results) {
      if (!localConsumers.has(result.consumer)) problems.push(...result.problems);
    }
  }
  const findings = problems
    .filter((problem) => problem.level === 'error' || problem.level === 'warning')
    .map((problem) => toFinding(problem, document));
  return { section: { pacts: local.pacts, problems, recorded }, findings };
}

/**
 * Turns a comparator problem into a finding: `consumer-pact-broken` at level error for a
 * problem that breaks the pact, `consumer-pact-mismatch` at level warning for one that may.
 */
function toFinding(problem: PactSpecProblem, document: SpecDocument): Finding {
  const broken = problem.level === 'error';
  const id = broken ? 'consumer-pact-broken' : 'consumer-pact-mismatch';
  const interaction =
    problem.interaction === null
      ? ''
      : ` interaction "${problem.interaction}"${problem.state ? ` (given ${problem.state})` : ''},`;
  const field = problem.field.replace(/^\[root\]\.interactions\[\d+\]\./, '');
  return {
    kind: 'change',
    id,
    level: broken ? 'error' : 'warning',
    message: `${broken ? 'breaks' : 'may break'} the pact of consumer ${problem.consumer} (${problem.pactFile}):${interaction} ${field}: ${problem.message} [${problem.code}]`,
    location: specLocation(problem, document),
    operation: null,
    fingerprint: fingerprint(
      id,
      `${problem.consumer}/${problem.interaction ?? ''}/${problem.field}`,
      problem.code,
    ),
  };
}

/** Locates the operation the comparator matched in the spec, or the spec's root when none matched. */
function specLocation(problem: PactSpecProblem, document: SpecDocument) {
  const match =
    /^\[root\]\.paths\.(.+?)\.(get|put|post|delete|options|head|patch|trace)(?:\.|$)/.exec(
      problem.specLocation ?? '',
    );
  const pointer = match ? `/paths/${escapeSegment(match[1]!)}/${match[2]}` : '';
  try {
    return document.locate({ file: document.rootFile, pointer });
  } catch {
    return document.locate({ file: document.rootFile, pointer: '' });
  }
}

/**
 * Decides whether to record the pact check in a broker. A broker URL from --broker-url without
 * --provider-version raises a USAGE error. A broker URL only from PACT_BROKER_BASE_URL, which CI
 * jobs often export for other steps, records nothing unless a provider version is given.
 */
export function contractRecording(
  broker: BrokerConnection | null,
  providerVersion: string | undefined,
  branch: string | undefined,
  source: { brokerFromFlag: boolean; logger: Logger },
): ContractRecording | null {
  if (!broker) return null;
  if (!providerVersion) {
    if (!source.brokerFromFlag) {
      source.logger.verbose(
        'PACT_BROKER_BASE_URL is set but --provider-version is not, so the pact check is not recorded in the broker.',
      );
      return null;
    }
    throw new SpecgateError(
      'USAGE',
      'recording the pact check in a broker needs --provider-version (the commit SHA).',
    );
  }
  return { broker, providerVersion, branch };
}
