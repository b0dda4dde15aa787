import { isSunsetDate } from '@specgate/core';

import { visitPathOperations } from '../operation-visitor.js';
import type { SpecgateRule } from '../rule.js';

const DATE_FORMS =
  'an RFC 3339 date (2026-06-30), an RFC 3339 date-time (2026-06-30T00:00:00Z) or an HTTP-date (Tue, 30 Jun 2026 00:00:00 GMT)';

function deprecatedHasSunsetVisitor() {
  return visitPathOperations((operation, ctx) => {
    if (operation.deprecated !== true) return;
    const sunset = operation['x-sunset'];
    if (sunset === undefined) {
      ctx.report({
        message: `Deprecated operation has no \`x-sunset\`. Add \`x-sunset\` with the date the operation will be removed, as ${DATE_FORMS}.`,
        location: ctx.location.child(['deprecated']).key(),
      });
      return;
    }

    if (typeof sunset === 'string' && isSunsetDate(sunset)) return;
    ctx.report({
      message: `\`x-sunset\` value ${JSON.stringify(sunset)} is not a valid date. Write it as ${DATE_FORMS}.`,
      location: ctx.location.child(['x-sunset']),
    });
  });
}

/** A deprecated operation carries an `x-sunset` date that exists in the calendar. */
export const deprecatedHasSunset: SpecgateRule = {
  id: 'deprecated-has-sunset',
  severity: 'error',
  description:
    'A deprecated operation has an `x-sunset` date: an RFC 3339 date or date-time, or an HTTP-date.',
  oas3: deprecatedHasSunsetVisitor,
  oas2: deprecatedHasSunsetVisitor,
};
