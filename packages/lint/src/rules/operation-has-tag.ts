import { visitPathOperations } from '../operation-visitor.js';
import type { SpecgateRule } from '../rule.js';

const MESSAGE =
  'Operation has no tag. Add at least one tag from the root `tags` list; documentation and generated clients group operations by tag.';

function operationHasTagVisitor() {
  return visitPathOperations((operation, ctx) => {
    const { tags } = operation;
    if (Array.isArray(tags) && tags.length > 0) return;
    const location = tags === undefined ? ctx.location.key() : ctx.location.child(['tags']).key();
    ctx.report({ message: MESSAGE, location });
  });
}

/** Every operation has at least one tag. */
export const operationHasTag: SpecgateRule = {
  id: 'operation-has-tag',
  severity: 'warn',
  description: 'Every operation has at least one tag.',
  oas3: operationHasTagVisitor,
  oas2: operationHasTagVisitor,
};
