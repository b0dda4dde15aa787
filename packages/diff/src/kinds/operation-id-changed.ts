import type { ChangeKind } from './change-kind.js';

/** The operationId changed, which renames the method in generated clients. */
export const operationIdChanged: ChangeKind = {
  kind: 'operation-id-changed',
  levels: 'warning',
  summary: 'The operationId changed, which renames the method in generated clients.',
  example: {
    scope: 'operation',
    base: "{ operationId: listItems, responses: { '200': { description: ok } } }",
    revision: "{ operationId: getItems, responses: { '200': { description: ok } } }",
  },
};
