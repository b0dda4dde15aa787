import type { Finding, Level, Location, OperationRef } from '../finding.js';

import { annotationLocation, annotationMessage, withCountedLevels } from './finding-text.js';
import type { ReportInput } from './types.js';

/** Schema URI written to `$schema`: the SchemaStore copy of the SARIF 2.1.0 schema. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

type SarifLevel = 'error' | 'warning' | 'note';

const SARIF_LEVEL: Record<Level, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string };
    region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number };
  };
}

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations?: SarifLocation[];
  relatedLocations?: Array<SarifLocation & { id: number; message: { text: string } }>;
  partialFingerprints: Record<string, string>;
  suppressions?: Array<{
    kind: 'external';
    status: 'accepted';
    justification: string;
    properties: { owner: string; expires: string };
  }>;
  properties?: { operation: OperationRef };
}

/**
 * Renders a SARIF 2.1.0 log with one run, for GitHub code scanning and other SARIF viewers.
 * Each distinct finding id becomes a rule. Waived findings are kept as results with an
 * external, accepted suppression. A change's base-side location, when it has one, is given
 * as a related location.
 */
export function renderSarif(reported: ReportInput): string {
  const input = withCountedLevels(reported);
  const rules: SarifRule[] = [];
  const ruleIndexes = new Map<string, number>();
  const results: SarifResult[] = [];

  for (const finding of input.findings) {
    let ruleIndex = ruleIndexes.get(finding.id);
    if (ruleIndex === undefined) {
      ruleIndex = rules.push(toRule(finding)) - 1;
      ruleIndexes.set(finding.id, ruleIndex);
    }
    results.push(toResult(finding, ruleIndex));
  }

  // NOTE: `informationUri` is left out until specgate has a public home page to point to.
  const driver = {
    name: 'specgate',
    ...(input.toolVersion === undefined ? {} : { version: input.toolVersion }),
    rules,
  };
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{ tool: { driver }, results }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toRule(finding: Finding): SarifRule {
  return {
    id: finding.id,
    shortDescription: { text: finding.id },
    ...(finding.docsUrl === undefined ? {} : { helpUri: finding.docsUrl }),
    defaultConfiguration: { level: SARIF_LEVEL[finding.level] },
  };
}

function toResult(finding: Finding, ruleIndex: number): SarifResult {
  const result: SarifResult = {
    ruleId: finding.id,
    ruleIndex,
    level: SARIF_LEVEL[finding.level],
    message: { text: annotationMessage(finding) },
    partialFingerprints: { 'specgate/v1': finding.fingerprint },
  };

  const location = annotationLocation(finding);
  if (location) result.locations = [toSarifLocation(location)];
  const baseLocation = finding.location?.ref ? finding.location : finding.baseLocation;
  if (baseLocation) {
    const version = baseLocation.ref ? ` (${baseLocation.ref})` : '';
    const message = { text: `Location in the base version${version}` };
    result.relatedLocations = [{ id: 0, ...toSarifLocation(baseLocation), message }];
  }
  if (finding.waived) {
    const { reason, owner, expires } = finding.waived;
    result.suppressions = [
      {
        kind: 'external',
        status: 'accepted',
        justification: reason,
        properties: { owner, expires },
      },
    ];
  }
  if (finding.operation) result.properties = { operation: finding.operation };
  return result;
}

function toSarifLocation(location: Location): SarifLocation {
  return {
    physicalLocation: {
      artifactLocation: { uri: toArtifactUri(location.file) },
      region: {
        startLine: location.line,
        startColumn: location.column,
        ...(location.endLine === undefined ? {} : { endLine: location.endLine }),
        ...(location.endColumn === undefined ? {} : { endColumn: location.endColumn }),
      },
    },
  };
}

/**
 * Turns a file path into a SARIF artifact URI: a relative path stays relative, with forward
 * slashes and each segment percent-encoded. An absolute POSIX or Windows path becomes a
 * `file:` URI.
 */
export function toArtifactUri(file: string): string {
  const path = file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  const isWindowsAbsolute = /^[A-Za-z]:\//.test(path);
  const encoded = path
    .split('/')
    .map((segment, index) =>
      index === 0 && isWindowsAbsolute ? segment : encodeURIComponent(segment),
    )
    .join('/');

  if (path.startsWith('/')) return `file://${encoded}`;
  if (isWindowsAbsolute) return `file:///${encoded}`;
  return encoded;
}
