import type { Finding } from '../finding.js';

import {
  annotationLocation,
  displayedLocation,
  failsRun,
  formatDisplayedPosition,
  formatOperation,
  groupByFile,
  withCountedLevels,
} from './finding-text.js';
import type { FileGroup } from './finding-text.js';
import type { ReportInput } from './types.js';

type Outcome = 'failed' | 'skipped' | 'passed';

/**
 * Renders JUnit XML for CI test report viewers: one `<testsuite>` per file, plus one named after
 * the command for findings with no location, and one `<testcase>` per finding. Findings at or
 * above the failure level carry a `<failure>`, waived findings a `<skipped>`, and the rest pass
 * with their message in `<system-out>`.
 */
export function renderJunit(reported: ReportInput): string {
  const input = withCountedLevels(reported);
  const suiteTotals = { tests: 0, failures: 0, skipped: 0 };
  const suites = groupByFile(input.findings).map((group) => {
    const suite = renderSuite(group, input);
    suiteTotals.tests += suite.tests;
    suiteTotals.failures += suite.failures;
    suiteTotals.skipped += suite.skipped;
    return suite.xml;
  });

  const rootAttributes = attributes({
    name: `specgate ${input.command}`,
    tests: suiteTotals.tests,
    failures: suiteTotals.failures,
    errors: 0,
    skipped: suiteTotals.skipped,
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${rootAttributes}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function renderSuite(
  group: FileGroup,
  input: ReportInput,
): { xml: string; tests: number; failures: number; skipped: number } {
  const name = group.file ?? `specgate ${input.command}`;
  const outcomes = group.findings.map((finding) => outcomeOf(finding, input));
  const failures = outcomes.filter((outcome) => outcome === 'failed').length;
  const skipped = outcomes.filter((outcome) => outcome === 'skipped').length;
  const tests = group.findings.length;

  const cases = group.findings.map((finding, index) =>
    renderCase(finding, name, outcomes[index] ?? 'passed', input),
  );
  const suiteAttributes = attributes({ name, tests, failures, errors: 0, skipped });
  const xml = [`  <testsuite${suiteAttributes}>`, ...cases, '  </testsuite>'].join('\n');
  return { xml, tests, failures, skipped };
}

function outcomeOf(finding: Finding, input: ReportInput): Outcome {
  if (finding.waived) return 'skipped';
  return failsRun(finding, input.failLevel) ? 'failed' : 'passed';
}

function renderCase(finding: Finding, suite: string, outcome: Outcome, input: ReportInput): string {
  // CI servers link `file` and `line` to the checked-out revision, so a place found only in a
  // git base version gives them its revision anchor; the details name the base place.
  const linked = annotationLocation(finding) ?? displayedLocation(finding)?.location;
  const caseAttributes = attributes({
    name: testCaseName(finding),
    classname: suite,
    file: linked?.ref ? undefined : linked?.file,
    line: linked?.ref ? undefined : linked?.line,
  });
  const open = `    <testcase${caseAttributes}>`;
  const close = '    </testcase>';

  if (outcome === 'skipped' && finding.waived) {
    const { reason, owner, expires } = finding.waived;
    const message = `Waived: ${reason} (owner ${owner}, expires ${expires})`;
    return [open, `      <skipped${attributes({ message })}/>`, close].join('\n');
  }

  const details = describeFinding(finding);
  if (outcome === 'failed') {
    const failureAttributes = attributes({ message: finding.message, type: finding.level });
    const failure = `      <failure${failureAttributes}>${escapeText(details)}</failure>`;
    return [open, failure, close].join('\n');
  }

  // A gated finding arrives at its gate level, with the reason in its message.
  const note = `Not a failure: level ${finding.level} is below the failure level ${input.failLevel}.`;
  const output = `      <system-out>${escapeText(`${note}\n${details}`)}</system-out>`;
  return [open, output, close].join('\n');
}

/** Names a test case after the finding id and where it applies: `id /json/pointer`. */
function testCaseName(finding: Finding): string {
  const displayed = displayedLocation(finding);
  if (displayed) return `${finding.id} ${displayed.location.pointer}`;
  if (finding.operation) return `${finding.id} ${formatOperation(finding.operation)}`;
  return finding.id;
}

function describeFinding(finding: Finding): string {
  const displayed = displayedLocation(finding);
  const lines = [`${finding.level} ${finding.id}: ${finding.message}`];
  if (finding.operation) lines.push(`operation: ${formatOperation(finding.operation)}`);
  if (displayed) {
    lines.push(`location: ${formatDisplayedPosition(displayed)} ${displayed.location.pointer}`);
  }
  if (finding.docsUrl !== undefined) lines.push(`docs: ${finding.docsUrl}`);
  lines.push(`fingerprint: ${finding.fingerprint}`);
  return lines.join('\n');
}

function attributes(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join('');
}

/**
 * Characters XML 1.0 does not allow anywhere, not even as character references: C0 controls
 * other than tab, LF and CR, unpaired surrogates, and U+FFFE and U+FFFF.
 */
const INVALID_XML_CHARACTERS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Escapes element text, replacing characters XML cannot carry with U+FFFD. CR becomes a
 * reference because parsers turn a literal CR into LF.
 */
function escapeText(text: string): string {
  return text
    .replace(INVALID_XML_CHARACTERS, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Escapes an attribute value. Tab and LF become references so parsers keep them. */
function escapeAttribute(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}
