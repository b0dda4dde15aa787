import {
  asRecord,
  child,
  deref,
  isRef,
  keysOf,
  listOperations,
  operationKey,
  rootNode,
  type OperationRef,
  type OperationView,
  type SpecDocument,
  type SpecNode,
} from '@specgate/core';

import {
  readLifecycle,
  STABILITY_LEVELS,
  type Lifecycle,
  type StabilityLevel,
} from './lifecycle.js';
import type { PolicyConfig } from './policy-config.js';

/** An operation, parameter or schema property and the lifecycle facts written on it. */
export interface LifecycleElement {
  kind: 'operation' | 'parameter' | 'property';
  /** Matches the same element across versions: operation key, then parameter or property name. */
  key: string;
  /** The key of the operation a parameter belongs to; null for operations and properties. */
  parentKey: string | null;
  /** How messages name the element, e.g. `query parameter "limit" of GET /v1/orders`. */
  label: string;
  node: SpecNode;
  lifecycle: Lifecycle;
  /** Whether the element's own stability extension holds a known level. */
  stabilityExplicit: boolean;
  /** The extension values as written, for the checks that reject invalid ones. */
  raw: { sunset: ExtensionValue; deprecatedAt: ExtensionValue; stability: ExtensionValue };
  sinceDate: string | undefined;
  operation: OperationRef | null;
  view: OperationView | null;
}

/** An extension value as written, with the node it sits at; undefined when absent. */
export type ExtensionValue = SpecNode | undefined;

/** Options for reading the lifecycle of a whole spec. */
export interface ElementOptions {
  policy: PolicyConfig;
  /** The API's stability from `specgate.yaml`, used where an element sets none. */
  apiStability?: string | undefined;
}

/**
 * Lists the lifecycle elements of a spec: every operation, every parameter of an
 * operation, and every property of a schema under `components.schemas` (or 2.0
 * `definitions`). Elements inherit the operation's or the API's stability.
 */
export function collectElements(
  document: SpecDocument,
  options: ElementOptions,
): LifecycleElement[] {
  const fallback = fallbackStability(options);
  const elements: LifecycleElement[] = [];
  for (const view of listOperations(document)) {
    const operation = operationRef(view);
    const opElement = makeElement(options.policy, view.node, fallback, {
      kind: 'operation',
      key: operationKey(view),
      parentKey: null,
      label: `${operation.method} ${operation.path}`,
      operation,
      view,
    });
    elements.push(opElement);
    for (const parameter of view.parameters) {
      elements.push(
        makeElement(options.policy, parameter.node, opElement.lifecycle.stability, {
          kind: 'parameter',
          key: `${operationKey(view)} ${parameter.in}:${parameter.name}`,
          parentKey: operationKey(view),
          label: `${parameter.in} parameter "${parameter.name}" of ${operation.method} ${operation.path}`,
          operation,
          view: null,
        }),
      );
    }
  }
  for (const [schemaName, schema] of namedSchemas(document)) {
    const properties = child(schema, 'properties');
    for (const name of keysOf(properties)) {
      const node = propertyNode(document, child(properties as SpecNode, name) as SpecNode);
      if (!asRecord(node.value)) continue;
      elements.push(
        makeElement(options.policy, node, fallback, {
          kind: 'property',
          key: `schema ${schemaName}.${name}`,
          parentKey: null,
          label: `property "${name}" of schema ${schemaName}`,
          operation: null,
          view: null,
        }),
      );
    }
  }
  return elements;
}

/**
 * Returns a property's schema with `$ref`s followed. OpenAPI 3.1 schemas may set keywords
 * next to a `$ref` (`{ $ref: ..., deprecated: true }`), and those win over the referenced
 * schema's. The node then keeps the property's own pointer. OpenAPI 3.0 ignores them.
 */
function propertyNode(document: SpecDocument, written: SpecNode): SpecNode {
  const target = deref(document, written);
  const siblings = asRecord(written.value);
  if (document.version !== '3.1' || !isRef(written.value) || siblings === undefined) {
    return target;
  }
  const { $ref: _ref, ...own } = siblings;
  if (Object.keys(own).length === 0) return target;
  return { ...written, value: { ...asRecord(target.value), ...own } };
}

function fallbackStability(options: ElementOptions): StabilityLevel {
  const level = STABILITY_LEVELS.find((candidate) => candidate === options.apiStability);
  return level ?? options.policy.stability.default;
}

function makeElement(
  policy: PolicyConfig,
  node: SpecNode,
  inherited: StabilityLevel,
  identity: Pick<LifecycleElement, 'kind' | 'key' | 'parentKey' | 'label' | 'operation' | 'view'>,
): LifecycleElement {
  const record = asRecord(node.value) ?? {};
  const lifecycle = readLifecycle(record, policy.extensions);
  const stabilityNode = extension(node, policy.extensions.stability);
  const stabilityExplicit = STABILITY_LEVELS.includes(stabilityNode?.value as StabilityLevel);
  if (!stabilityExplicit) lifecycle.stability = inherited;
  const since = extension(node, policy.extensions.sinceDate)?.value;
  return {
    ...identity,
    node,
    lifecycle,
    stabilityExplicit,
    raw: {
      sunset: extension(node, policy.extensions.sunset),
      deprecatedAt: extension(node, policy.extensions.deprecatedAt),
      stability: stabilityNode,
    },
    sinceDate: readSince(since),
  };
}

/** The first extension of `names` present on a node. */
export function extension(node: SpecNode, names: readonly string[]): SpecNode | undefined {
  for (const name of names) {
    const found = child(node, name);
    if (found) return found;
  }
  return undefined;
}

function readSince(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)
    ? value.slice(0, 10)
    : undefined;
}

function namedSchemas(document: SpecDocument): [string, SpecNode][] {
  const root = rootNode(document);
  const components = child(root, 'components');
  const container =
    document.version === '2.0'
      ? child(root, 'definitions')
      : components
        ? child(components, 'schemas')
        : null;
  if (!container) return [];
  return keysOf(container).map((name) => [
    name,
    deref(document, child(container, name) as SpecNode),
  ]);
}

/** The operation reference findings carry: upper-case method, path and operationId. */
export function operationRef(view: OperationView): OperationRef {
  return { method: view.method.toUpperCase(), path: view.path, operationId: view.operationId };
}
