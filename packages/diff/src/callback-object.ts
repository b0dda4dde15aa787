import {
  child,
  deref,
  keysOf,
  listPathItemOperations,
  rootNode,
  type OperationView,
  type SpecDocument,
  type SpecNode,
} from '@specgate/core';

import { compareOperation, fixedChange, type OperationContext } from './operation-object.js';

/**
 * Compares the callbacks of two versions of an operation. A callback is a request the API
 * sends to the client, so its request and response verdicts are those of the reverse
 * exchange, and its change ids start with `callback-`.
 */
export function compareCallbacks(
  context: OperationContext,
  base: OperationView,
  revision: OperationView,
): void {
  const { base: baseDocument, revision: revisionDocument } = context.documents;
  const before = deref(baseDocument, child(base.node, 'callbacks') ?? base.node);
  const after = deref(revisionDocument, child(revision.node, 'callbacks') ?? revision.node);
  const baseNames = child(base.node, 'callbacks') ? keysOf(before) : [];
  const revisionNames = child(revision.node, 'callbacks') ? keysOf(after) : [];
  const add = fixedChange(context);
  for (const name of baseNames) {
    const baseCallback = deref(baseDocument, child(before, name) as SpecNode);
    if (!revisionNames.includes(name)) {
      add('callback-removed', `callback ${name} removed`, baseCallback, null);
      continue;
    }
    const revisionCallback = deref(revisionDocument, child(after, name) as SpecNode);
    compareExchanges(context, 'callback-', `callback ${name}`, {
      base: expressionOperations(baseDocument, baseCallback),
      revision: expressionOperations(revisionDocument, revisionCallback),
    });
  }
  for (const name of revisionNames) {
    if (baseNames.includes(name)) continue;
    add(
      'callback-added',
      `callback ${name} added`,
      null,
      deref(revisionDocument, child(after, name) as SpecNode),
    );
  }
}

/**
 * Compares the webhooks (OpenAPI 3.1) of two versions of a spec: requests the API sends to
 * subscribers, with reversed verdicts and `webhook-` change ids. Each webhook operation is
 * reported as the operation `METHOD name`.
 */
export function compareWebhooks(context: Omit<OperationContext, 'operation'>): void {
  const { base, revision } = context.documents;
  const before = child(rootNode(base), 'webhooks');
  const after = child(rootNode(revision), 'webhooks');
  const baseOperations = webhookOperations(base, before);
  const revisionOperations = webhookOperations(revision, after);
  for (const [key, operation] of baseOperations) {
    const other = revisionOperations.get(key);
    const scoped = { ...context, operation: webhookRef(operation) };
    if (!other) {
      fixedChange(scoped)(
        'webhook-removed',
        `webhook ${operation.pathKey} removed`,
        operation.node,
        null,
      );
      continue;
    }
    compareOperation(
      { ...scoped, reversed: { prefix: 'webhook-', label: `webhook ${operation.pathKey}` } },
      operation,
      other,
    );
  }
  for (const [key, operation] of revisionOperations) {
    if (baseOperations.has(key)) continue;
    fixedChange({ ...context, operation: webhookRef(operation) })(
      'webhook-added',
      `webhook ${operation.pathKey} added`,
      null,
      operation.node,
    );
  }
}

/** The operations of one callback, keyed by URL expression and method. */
function expressionOperations(document: SpecDocument, callback: SpecNode) {
  const operations = new Map<string, OperationView>();
  for (const expression of keysOf(callback)) {
    const pathItem = child(callback, expression) as SpecNode;
    for (const operation of listPathItemOperations(document, pathItem, expression))
      operations.set(`${operation.method.toUpperCase()} ${expression}`, operation);
  }
  return operations;
}

function compareExchanges(
  context: OperationContext,
  prefix: 'callback-',
  label: string,
  operations: { base: Map<string, OperationView>; revision: Map<string, OperationView> },
): void {
  const add = fixedChange(context);
  for (const [key, operation] of operations.base) {
    const other = operations.revision.get(key);
    if (!other) add('callback-removed', `${label}: ${key} removed`, operation.node, null);
    else
      compareOperation(
        { ...context, reversed: { prefix, label: `${label} ${key}` } },
        operation,
        other,
      );
  }
  for (const [key, operation] of operations.revision) {
    if (!operations.base.has(key))
      add('callback-added', `${label}: ${key} added`, null, operation.node);
  }
}

function webhookOperations(document: SpecDocument, webhooks: SpecNode | null) {
  const operations = new Map<string, OperationView>();
  if (!webhooks) return operations;
  for (const name of keysOf(webhooks)) {
    const pathItem = child(webhooks, name) as SpecNode;
    for (const operation of listPathItemOperations(document, pathItem, name))
      operations.set(`${operation.method.toUpperCase()} ${name}`, operation);
  }
  return operations;
}

function webhookRef(operation: OperationView) {
  return {
    method: operation.method.toUpperCase(),
    path: operation.pathKey,
    operationId: operation.operationId,
  };
}
