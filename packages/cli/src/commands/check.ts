import { readFile } from 'node:fs/promises';
import path from 'node:path';

import {
  applyWaivers,
  atOrAbove,
  changedFiles,
  displayPathOf,
  existsAtRevision,
  fingerprint,
  gateLevelOf,
  gitRevisionReader,
  gitTopLevel,
  loadSpec,
  describeSystemError,
  SpecgateError,
  summarize,
  verifyRevision,
  type ApiConfig,
  type Finding,
  type Level,
  type SpecgateConfig,
  type Summary,
  type SpecDocument,
  type Waiver,
} from '@specgate/core';
import type { PactFile } from '@specgate/contracts';
import { diffSpecs, summariseChanges, type Change, type DiffResult } from '@specgate/diff';
import {
  checkPolicy,
  parseTrafficReport,
  resolvePolicy,
  type PolicyConfig,
  type PolicyFinding,
  type PolicyResult,
  type TrafficReport,
} from '@specgate/policy';

import { discoverApis, lostSpecs } from '../discover.js';
import type { CommonOptions } from '../command-kit.js';
import type { Logger } from '../logger.js';
import {
  checkApiContracts,
  loadRepositoryPacts,
  type ContractRecording,
  type ContractsSection,
} from './check-contracts.js';
import { lintOne } from './lint.js';

/** Options of `specgate check`. */
export interface CheckOptions {
  cwd: string;
  config: SpecgateConfig;
  /** Git revision to compare with; default HEAD, so uncommitted spec edits are checked. */
  base: string;
  /** Diff every API, not only those whose files changed since the base. */
  all: boolean;
  today: string;
  allowRemote: boolean;
  failOn: Level;
  logger: Logger;
  /** Traffic report from `specgate sunset scan`, for the traffic-aware policy checks. */
  traffic?: TrafficReport | null;
  /** A broker to record the pact check in, so can-i-deploy counts it. */
  contracts?: ContractRecording | null;
}

/** The flags of `specgate check` as commander parses them. */
export type CheckCommandOptions = CommonOptions & {
  base: string;
  all?: boolean;
  failOn?: Level;
  traffic?: string;
};

/** Reads the traffic report given to `check --traffic`. */
export async function readTraffic(file: string, cwd: string): Promise<TrafficReport> {
  const text = await readFile(path.resolve(cwd, file), 'utf8').catch((error: unknown) => {
    throw new SpecgateError(
      'FILE_NOT_FOUND',
      `--traffic ${file}: cannot read the file (${describeSystemError(error)}). Pass the JSON written by specgate sunset scan --format json.`,
      { file, cause: error },
    );
  });
  return parseTrafficReport(text, file);
}

/** The way an API was checked: diffed, skipped as unchanged, or linted only as new. */
export type ApiStatus = 'diffed' | 'unchanged' | 'new' | 'removed';

/** The check of one API. */
export interface ApiReport {
  name: string;
  spec: string;
  owner: string | null;
  stability: string | null;
  status: ApiStatus;
  lint: { findings: Finding[]; summary: Summary };
  diff: DiffResult | null;
  /** The two revisions diffed and the day of the run, for the changelog fragment. */
  revisions: { base: SpecDocument; revision: SpecDocument; today: string } | null;
  policy: PolicyResult | null;
  /** The API's spec held to its consumers' pacts; null for a removed API. */
  contracts: (ContractsSection & { findings: Finding[] }) | null;
}

/** The result of `specgate check` before rendering. */
export interface CheckReport {
  base: string;
  apis: ApiReport[];
  /** Every finding of every API, waivers applied, in report order. */
  findings: Finding[];
  expiredWaivers: Waiver[];
  summary: Summary & { failed: boolean };
}

/**
 * The CI gate: lints every API, diffs the ones whose files changed since the base
 * revision against their version there, and decides pass or fail.
 */
export async function runCheck(options: CheckOptions): Promise<CheckReport> {
  const topLevel = await gitTopLevel(options.cwd);
  await verifyRevision(topLevel, options.base);
  const changed = await changedFiles(topLevel, options.base);

  const discovered = await discoverApis(options.config, options.cwd);
  const lost = await lostSpecs(options.config, options.cwd, topLevel, options.base, discovered);
  const apis = [...discovered, ...lost.unreadable];
  const removed = lost.removed;
  if (apis.length === 0 && removed.length === 0) {
    // A gate that checks nothing is almost always run from the wrong directory.
    throw new SpecgateError(
      'USAGE',
      `no APIs found in ${options.cwd}: declare them in specgate.yaml or put specs under specs/, or run specgate check from the repository root.`,
    );
  }

  const policy = resolvePolicy(options.config.policy);
  const pacts = loadRepositoryPacts(options.cwd);
  const reports: ApiReport[] = [];
  for (const api of apis) {
    options.logger.verbose(`checking ${api.name} (${displayPathOf(api.spec, options.cwd)})`);
    reports.push(await checkApi(api, topLevel, changed, options, policy, pacts));
  }
  for (const spec of removed) reports.push(removedApiReport(spec, options.base));

  const waived = applyWaivers(reports.flatMap(findingsOf), options.config.waivers, options.today);
  const byFingerprint = new Map(waived.findings.map((finding) => [finding.fingerprint, finding]));
  for (const report of reports) applyWaived(report, byFingerprint);

  const findings = reports.flatMap(findingsOf);
  const failed = findings.some((finding) => failsCheck(finding, options.failOn));
  return {
    base: options.base,
    apis: reports,
    findings,
    expiredWaivers: waived.expired,
    summary: { ...summarize(findings), failed },
  };
}

function findingsOf(report: ApiReport): Finding[] {
  return [
    ...report.lint.findings,
    ...(report.diff?.changes ?? []),
    ...(report.policy?.findings ?? []),
    ...(report.contracts?.findings ?? []),
  ];
}

/**
 * The diff's own verdicts on removed operations. In `check` the lifecycle policy judges
 * removals, with stability levels, configured extension names and traffic, so one removal
 * fails the gate once.
 */
const REMOVAL_CHANGES = new Set([
  'endpoint-removed-without-deprecation',
  'endpoint-removed-without-sunset',
  'endpoint-removed-before-sunset',
]);

/**
 * Gates the diff's removal changes at info unless `diff.levels` sets their level. The
 * changes keep the engine's level, so every report and the changelog fragment show what the
 * removal means for clients, and only what counts toward the exit code is lowered.
 */
function gateRemovals(diff: DiffResult, configured: Record<string, Level | 'off'>): DiffResult {
  const changes = diff.changes.map((change) =>
    REMOVAL_CHANGES.has(change.id) && configured[change.id] === undefined
      ? {
          ...change,
          gate: { level: 'info' as const, reason: 'the lifecycle policy judges removals' },
        }
      : change,
  );
  return { ...diff, changes };
}

/** Lint errors always fail; other findings fail when their gate level reaches `failOn`. */
export function failsCheck(finding: Finding, failOn: Level): boolean {
  if (finding.waived) return false;
  if (finding.kind === 'problem') return finding.level === 'error';
  return atOrAbove(gateLevelOf(finding), failOn);
}

async function checkApi(
  api: ApiConfig,
  topLevel: string,
  changed: Set<string>,
  options: CheckOptions,
  policy: PolicyConfig,
  pacts: PactFile[],
): Promise<ApiReport> {
  const revision = await loadSpec(api.spec, { cwd: options.cwd, allowRemote: options.allowRemote });
  const lintFindings = await lintOne(api.spec, withoutPolicyRules(options), revision);
  const relativeRoot = path.relative(topLevel, api.spec);
  const touched = [...revision.files.keys()].some((file) =>
    changed.has(path.relative(topLevel, file).split(path.sep).join('/')),
  );
  let status: ApiStatus = 'unchanged';
  let diff: DiffResult | null = null;
  let revisions: ApiReport['revisions'] = null;
  let base: Awaited<ReturnType<typeof loadSpec>> | null = null;
  if (!(await existsAtRevision(topLevel, options.base, relativeRoot))) {
    status = 'new';
  } else if (touched || options.all) {
    const reader = gitRevisionReader(topLevel, options.base, { cwd: options.cwd });
    base = await loadSpec(api.spec, {
      cwd: options.cwd,
      allowRemote: options.allowRemote,
      reader,
    });
    const levels = options.config.diff.levels;
    diff = gateRemovals(diffSpecs(base, revision, { today: options.today, levels }), levels);
    status = 'diffed';
    revisions = { base, revision, today: options.today };
  }
  const policyResult = checkPolicy({
    revision,
    base,
    changes: diff?.changes ?? [],
    policy,
    today: options.today,
    apiStability: api.stability,
    traffic: options.traffic ?? null,
  });
  const contracts = await checkApiContracts(api.name, revision, pacts, options.contracts ?? null);
  if (diff) diff = { ...diff, changes: diff.changes.map((change) => anchored(change, revision)) };
  const policyFindings = policyResult.findings.map((finding) => anchored(finding, revision));
  return {
    name: api.name,
    spec: displayPathOf(api.spec, options.cwd),
    owner: api.owner ?? null,
    stability: api.stability ?? null,
    status,
    lint: { findings: lintFindings, summary: summarize(lintFindings) },
    diff,
    revisions,
    policy: { ...policyResult, findings: policyFindings },
    contracts: { ...contracts.section, findings: contracts.findings },
  };
}

/**
 * Gives a finding located in the base version the nearest place that still exists in the
 * revision, so annotations on the revision's files can point there.
 */
function anchored<T extends Finding>(finding: T, revision: SpecDocument): T {
  if (!finding.location?.ref) return finding;
  const anchor = revision.nearestLocation(finding.location);
  return anchor ? { ...finding, revisionAnchor: anchor } : finding;
}

/** Reports a spec that existed at the base and is gone: every client of it breaks. */
function removedApiReport(spec: { name: string; file: string }, base: string): ApiReport {
  const location = { file: spec.file, ref: base, pointer: '', line: 1, column: 1 };
  const change: Change = {
    kind: 'change',
    id: 'api-removed',
    level: 'error',
    message: `the spec ${spec.file} was deleted, so every operation of the ${spec.name} API is gone`,
    operation: null,
    location,
    base: location,
    revision: null,
    fingerprint: fingerprint('api-removed', spec.file, spec.name),
  };
  return {
    name: spec.name,
    spec: spec.file,
    owner: null,
    stability: null,
    status: 'removed',
    lint: { findings: [], summary: summarize([]) },
    diff: {
      base: { source: `${base}:${spec.file}`, version: null },
      revision: { source: '', version: null },
      changes: [change],
      summary: { error: 1, warning: 0, info: 0, breaking: true },
    },
    revisions: null,
    policy: null,
    contracts: null,
  };
}

function applyWaived(report: ApiReport, byFingerprint: Map<string, Finding>): void {
  report.lint.findings = report.lint.findings.map(
    (finding) => byFingerprint.get(finding.fingerprint) ?? finding,
  );
  report.lint.summary = summarize(report.lint.findings);
  if (report.diff) {
    const changes = report.diff.changes.map(
      (change) => (byFingerprint.get(change.fingerprint) ?? change) as typeof change,
    );
    report.diff = { ...report.diff, changes, summary: summariseChanges(changes) };
  }
  if (report.policy) {
    const findings = report.policy.findings.map(
      (finding) => (byFingerprint.get(finding.fingerprint) ?? finding) as PolicyFinding,
    );
    report.policy = { findings, summary: summarize(findings) };
  }
  if (report.contracts) {
    report.contracts.findings = report.contracts.findings.map(
      (finding) => byFingerprint.get(finding.fingerprint) ?? finding,
    );
  }
}

/** Builds the stable JSON document that `specgate check --format json` prints (schemaVersion 1). */
export function checkToJson(
  report: CheckReport,
  toDiffJson: (result: DiffResult) => object,
): object {
  return {
    schemaVersion: 1,
    base: report.base,
    apis: report.apis.map((api) => ({
      name: api.name,
      spec: api.spec,
      owner: api.owner,
      stability: api.stability,
      status: api.status,
      lint: {
        problems: api.lint.findings.map((finding) => ({
          ruleId: finding.id,
          severity: finding.level === 'error' ? 'error' : 'warn',
          message: finding.message,
          location: finding.location,
          fingerprint: finding.fingerprint,
          ...(finding.waived ? { waived: finding.waived } : {}),
        })),
        summary: api.lint.summary,
      },
      diff: api.diff ? toDiffJson(api.diff) : null,
      policy: api.policy ? policyToJson(api.policy) : null,
      contracts: api.contracts
        ? {
            pacts: api.contracts.pacts,
            problems: api.contracts.problems,
            recorded: api.contracts.recorded,
          }
        : null,
    })),
    expiredWaivers: report.expiredWaivers,
    summary: report.summary,
  };
}

/** The `policy` section of one API in the check JSON. */
function policyToJson(result: PolicyResult): object {
  return {
    findings: result.findings.map((finding) => ({
      id: finding.id,
      level: finding.level,
      message: finding.message,
      operation: finding.operation,
      location: finding.location,
      ...(finding.revisionAnchor ? { revisionAnchor: finding.revisionAnchor } : {}),
      fingerprint: finding.fingerprint,
      ...(finding.waived ? { waived: finding.waived } : {}),
    })),
    summary: result.summary,
  };
}

/**
 * Lint rules whose findings the lifecycle policy also reports (as `sunset-missing` and
 * `sunset-without-deprecated`). `check` turns them off unless the config sets them, so one
 * problem is not reported twice.
 */
const POLICY_LINT_RULES = ['specgate/deprecated-has-sunset', 'specgate/sunset-requires-deprecated'];

function withoutPolicyRules<T extends { config: CheckOptions['config'] }>(options: T): T {
  const rules = { ...options.config.lint.rules };
  for (const rule of POLICY_LINT_RULES) rules[rule] ??= 'off';
  return { ...options, config: { ...options.config, lint: { ...options.config.lint, rules } } };
}
