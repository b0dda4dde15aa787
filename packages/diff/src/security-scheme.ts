import {
  asRecord,
  child,
  keysOf,
  rootNode,
  type SpecDocument,
  type SpecNode,
} from '@specgate/core';

import { CHANGE_LEVELS } from './change-kinds.js';
import type { ChangeLog } from './change.js';

/**
 * Compares the security schemes both versions define (3.x `components.securitySchemes`,
 * Swagger 2.0 `securityDefinitions`) by name: how a client authenticates with each one.
 * Which operations require a scheme is compared per operation.
 */
export function compareSecuritySchemes(
  log: ChangeLog,
  base: SpecDocument,
  revision: SpecDocument,
): void {
  const before = schemesOf(base);
  const after = schemesOf(revision);
  const add = (id: string, message: string, from: SpecNode | null, to: SpecNode | null) =>
    log.add({
      id,
      level: CHANGE_LEVELS[id] ?? 'info',
      message,
      operation: null,
      base: from,
      revision: to,
    });
  for (const name of keysOf(before)) {
    const baseScheme = child(before as SpecNode, name) as SpecNode;
    const revisionScheme = after ? child(after, name) : null;
    if (!revisionScheme) {
      add('security-scheme-removed', `security scheme ${name} removed`, baseScheme, null);
      continue;
    }
    compareScheme(name, baseScheme, revisionScheme, add);
  }
  for (const name of keysOf(after)) {
    if (before && child(before, name)) continue;
    add(
      'security-scheme-added',
      `security scheme ${name} added`,
      null,
      child(after as SpecNode, name),
    );
  }
}

type Add = (id: string, message: string, from: SpecNode | null, to: SpecNode | null) => void;

function schemesOf(document: SpecDocument): SpecNode | null {
  const root = rootNode(document);
  if (document.version === '2.0') return child(root, 'securityDefinitions');
  const components = child(root, 'components');
  return components ? child(components, 'securitySchemes') : null;
}

function compareScheme(name: string, base: SpecNode, revision: SpecNode, add: Add): void {
  const before = asRecord(base.value) ?? {};
  const after = asRecord(revision.value) ?? {};
  const label = `security scheme ${name}`;
  if (normalisedType(before) !== normalisedType(after)) {
    add(
      'security-scheme-type-changed',
      `${label} changed from ${normalisedType(before)} to ${normalisedType(after)}`,
      base,
      revision,
    );
    return;
  }
  if (
    before['type'] === 'apiKey' &&
    (before['name'] !== after['name'] || before['in'] !== after['in'])
  ) {
    add(
      'security-scheme-api-key-changed',
      `${label} API key moved from ${String(before['in'])} ${String(before['name'])} to ${String(after['in'])} ${String(after['name'])}`,
      base,
      revision,
    );
  }
  const urls = ['authorizationUrl', 'tokenUrl', 'refreshUrl'];
  const beforeFlows = flowsOf(before);
  const afterFlows = flowsOf(after);
  for (const [flow, settings] of beforeFlows) {
    const other = afterFlows.get(flow);
    if (!other) {
      add(
        'security-scheme-flow-removed',
        `${label} no longer offers the ${flow} flow`,
        base,
        revision,
      );
      continue;
    }
    for (const url of urls) {
      if (settings[url] !== other[url])
        add(
          'security-scheme-url-changed',
          `${label} ${flow} ${url} changed from ${String(settings[url] ?? 'none')} to ${String(other[url] ?? 'none')}`,
          base,
          revision,
        );
    }
    const beforeScopes = Object.keys(asRecord(settings['scopes']) ?? {});
    const afterScopes = new Set(Object.keys(asRecord(other['scopes']) ?? {}));
    for (const scope of beforeScopes) {
      if (!afterScopes.has(scope))
        add(
          'security-scheme-scope-removed',
          `${label} ${flow} scope ${scope} removed`,
          base,
          revision,
        );
    }
    for (const scope of afterScopes) {
      if (!beforeScopes.includes(scope))
        add('security-scheme-scope-added', `${label} ${flow} scope ${scope} added`, base, revision);
    }
  }
  for (const flow of afterFlows.keys()) {
    if (!beforeFlows.has(flow))
      add('security-scheme-flow-added', `${label} now offers the ${flow} flow`, base, revision);
  }
  if (before['openIdConnectUrl'] !== after['openIdConnectUrl'])
    add(
      'security-scheme-url-changed',
      `${label} openIdConnectUrl changed from ${String(before['openIdConnectUrl'] ?? 'none')} to ${String(after['openIdConnectUrl'] ?? 'none')}`,
      base,
      revision,
    );
}

/** The scheme's type, with the HTTP scheme for `http` (basic, bearer) and 2.0 `basic` read as `http basic`. */
function normalisedType(scheme: Record<string, unknown>): string {
  if (scheme['type'] === 'basic') return 'http basic';
  if (scheme['type'] === 'http') return `http ${String(scheme['scheme'] ?? '').toLowerCase()}`;
  return String(scheme['type']);
}

/** OAuth 2.0 flows by 3.x flow name; a 2.0 scheme's single `flow` is mapped to its 3.x name. */
function flowsOf(scheme: Record<string, unknown>): Map<string, Record<string, unknown>> {
  const flows = new Map<string, Record<string, unknown>>();
  if (scheme['type'] !== 'oauth2') return flows;
  const declared = asRecord(scheme['flows']);
  if (declared) {
    for (const [name, settings] of Object.entries(declared)) {
      const record = asRecord(settings);
      if (record) flows.set(name, record);
    }
    return flows;
  }
  const swaggerNames: Record<string, string> = {
    implicit: 'implicit',
    password: 'password',
    application: 'clientCredentials',
    accessCode: 'authorizationCode',
  };
  const name = swaggerNames[String(scheme['flow'])];
  if (name) flows.set(name, scheme);
  return flows;
}
