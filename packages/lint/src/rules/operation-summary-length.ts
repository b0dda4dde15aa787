import { visitPathOperations } from '../operation-visitor.js';
import type { SpecgateRule } from '../rule.js';

const DEFAULT_MAX_LENGTH = 80;

interface OperationSummaryLengthOptions {
  maxLength?: number;
}

function operationSummaryLengthVisitor(options: OperationSummaryLengthOptions) {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  return visitPathOperations((operation, ctx) => {
    const { summary } = operation;
    if (typeof summary !== 'string' || summary.length <= maxLength) return;
    ctx.report({
      message: `Operation summary is ${summary.length} characters long, over the limit of ${maxLength}. Shorten it to a title and move details to \`description\`.`,
      location: ctx.location.child(['summary']),
    });
  });
}

/** Operation summaries are short titles: at most 80 characters, or the `maxLength` option. */
export const operationSummaryLength: SpecgateRule = {
  id: 'operation-summary-length',
  severity: 'warn',
  description: 'Operation summaries are at most 80 characters long (option maxLength).',
  options: { maxLength: DEFAULT_MAX_LENGTH },
  oas3: operationSummaryLengthVisitor,
  oas2: operationSummaryLengthVisitor,
};
