import path from 'node:path';

import {
  bundleSpec,
  escapeSegment,
  fingerprint,
  SpecgateError,
  type Finding,
  type Location,
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

/**
 * Locates the operation the comparator matched in the spec. Without one, it locates the
 * operation whose path template and method match the interaction's request, else the root.
 */
export function specLocation(problem: PactSpecProblem, document: SpecDocument): Location {
  const match =
    /^\[root\]\.paths\.(.+?)\.(get|put|post|delete|options|head|patch|trace)(?:\.|$)/.exec(
      problem.specLocation ?? '',
    );
  const pointers: string[] = [];
  if (match) pointers.push(`/paths/${escapeSegment(match[1]!)}/${match[2]}`);
  const requested = problem.request ? operationPointer(problem.request, document) : null;
  if (requested !== null) pointers.push(requested);
  for (const pointer of pointers) {
    try {
      return document.locate({ file: document.rootFile, pointer });
    } catch {
      // The pointer names no node of the root file, so the next candidate is tried.
    }
  }
  return document.locate({ file: document.rootFile, pointer: '' });
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/**
 * Returns the pointer of the operation whose path template matches the request path, with
 * or without a server's path prefix, preferring templates with fewer parameters.
 */
function operationPointer(
  request: { method: string; path: string },
  document: SpecDocument,
): string | null {
  const root = document.root as { paths?: unknown; servers?: unknown };
  if (typeof root.paths !== 'object' || root.paths === null) return null;
  const method = request.method.toLowerCase();
  if (!METHODS.has(method)) return null;
  const requestPath = request.path.split('?')[0] ?? '';
  const candidates = [requestPath, ...withoutServerPrefixes(requestPath, root.servers)];
  const templates = Object.entries(root.paths as Record<string, unknown>)
    .filter(([, item]) => typeof item === 'object' && item !== null && method in item)
    .map(([template]) => template)
    .sort((a, b) => parameterCount(a) - parameterCount(b));
  for (const template of templates) {
    const pattern = templatePattern(template);
    if (candidates.some((candidate) => pattern.test(candidate))) {
      return `/paths/${escapeSegment(template)}/${method}`;
    }
  }
  return null;
}

function withoutServerPrefixes(requestPath: string, servers: unknown): string[] {
  if (!Array.isArray(servers)) return [];
  const stripped: string[] = [];
  for (const server of servers) {
    const url = (server as { url?: unknown } | null)?.url;
    if (typeof url !== 'string') continue;
    const prefix = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/\/+$/, '');
    if (prefix !== '' && requestPath.startsWith(`${prefix}/`)) {
      stripped.push(requestPath.slice(prefix.length));
    }
  }
  return stripped;
}

function parameterCount(template: string): number {
  return (template.match(/\{[^}]*\}/g) ?? []).length;
}

function templatePattern(template: string): RegExp {
  const parts = template
    .split(/(\{[^}]*\})/)
    .map((part) =>
      part.startsWith('{') && part.endsWith('}')
        ? '[^/]+'
        : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    );
  return new RegExp(`^${parts.join('')}/?$`);
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
